package org.wenzheng.board;

import java.time.OffsetDateTime;

/**
 * A message as anyone may see it on the board: never contact data, never the reason of a rejection.
 * {@code step} is the public timeline step (0 submitted … 5 closed). Unit and topic names come in the same query as
 * the message, so a page of the board is one query.
 */
public record PublicMessage(Long id, String title, MessageKind kind, String unitName, String unitNameEn,
                            String categoryName, String categoryNameEn, OffsetDateTime postedAt,
                            MessageStatus status, int step, OffsetDateTime repliedAt) {

    public PublicMessage(Long id, String title, MessageKind kind, String unitName, String unitNameEn,
                         String categoryName, String categoryNameEn, OffsetDateTime postedAt, MessageStatus status,
                         OffsetDateTime repliedAt) {
        this(id, title, kind, unitName, unitNameEn, categoryName, categoryNameEn, postedAt, status,
                status.publicStep(), repliedAt);
    }
}
