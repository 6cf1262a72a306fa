package org.wenzheng.board;

import java.time.OffsetDateTime;

/** One step of a message's public timeline (0 submitted … 5 closed): reached or not, and when, where known. */
public record TimelineStep(int step, boolean reached, boolean current, OffsetDateTime at) {
}
