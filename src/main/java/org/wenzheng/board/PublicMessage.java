package org.wenzheng.board;

import java.time.OffsetDateTime;

/**
 * A message as anyone may see it on the board: never contact data, never the reason of a rejection.
 * {@code step} is the public timeline step (0 submitted … 5 closed).
 */
public record PublicMessage(Long id, String title, MessageKind kind, String unitName, String unitNameEn,
                            OffsetDateTime postedAt, MessageStatus status, int step, OffsetDateTime repliedAt) {
}
