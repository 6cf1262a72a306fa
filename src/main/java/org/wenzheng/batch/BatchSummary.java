package org.wenzheng.batch;

import java.time.OffsetDateTime;

/** A batch as the list and the slip show it. */
public record BatchSummary(long id, int year, int number, OffsetDateTime cutAt, String cutBy, BatchStatus status,
                           int messageCount, OffsetDateTime slippedAt) {

    static BatchSummary of(Batch b) {
        return new BatchSummary(b.getId(), b.getYear(), b.getNumber(), b.getCutAt(), b.getCutBy(), b.getStatus(),
                b.getMessageCount(), b.getSlippedAt());
    }

    /** "2026年第123期". */
    public String label() {
        return BatchNumbering.label(year, number);
    }
}
