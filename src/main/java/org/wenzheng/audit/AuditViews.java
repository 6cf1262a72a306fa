package org.wenzheng.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What the audit pages and API read. */
public final class AuditViews {

    private AuditViews() {
    }

    /**
     * A search: every part is optional. {@code actor} and {@code action} match exactly (case-insensitively),
     * {@code from}/{@code to} are days in China Standard Time, both included.
     */
    public record AuditQuery(String actor, String objectType, Long objectId, String action, LocalDate from,
                             LocalDate to) {

        public static AuditQuery all() {
            return new AuditQuery(null, null, null, null, null, null);
        }
    }

    public record AuditRow(Long id, OffsetDateTime occurredAt, String actor, String actorRole, String action,
                           String objectType, Long objectId, String before, String after, String entryHash) {
    }

    public record AuditPage(List<AuditRow> rows, long total, int page, int size) {

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    /** The outcome of verifying the chain: intact, or the first broken entry. */
    public record Verification(boolean intact, AuditRow firstBroken) {
    }
}
