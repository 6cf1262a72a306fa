package org.wenzheng.intake;

import org.wenzheng.board.MessageKind;

import java.io.Serializable;
import java.time.OffsetDateTime;

/** One row of the intake queue; {@code held} marks a message held for review because of banned words. */
public record QueueItem(long id, String trackingCode, String title, MessageKind kind, boolean held,
                        OffsetDateTime postedAt, long version, int attachments) implements Serializable {
}
