package org.wenzheng.audit;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class AuditEntryTest {

    private static final OffsetDateTime T = OffsetDateTime.parse("2026-11-23T10:00:00.123456789+08:00");

    @Test
    void theHashCoversContentAndThePreviousHash() {
        AuditEntry a = new AuditEntry(T, "intake", "INTAKE_OFFICER", "REGISTER", "message", 7L, "{}", "{\"s\":1}",
                AuditEntry.GENESIS);
        assertEquals(64, a.getEntryHash().length());
        assertEquals(a.getEntryHash(), a.computeHash());

        AuditEntry sameButOtherActor = new AuditEntry(T, "intake2", "INTAKE_OFFICER", "REGISTER", "message", 7L, "{}",
                "{\"s\":1}", AuditEntry.GENESIS);
        assertNotEquals(a.getEntryHash(), sameButOtherActor.getEntryHash());

        AuditEntry otherPrev = new AuditEntry(T, "intake", "INTAKE_OFFICER", "REGISTER", "message", 7L, "{}",
                "{\"s\":1}", "f".repeat(64));
        assertNotEquals(a.getEntryHash(), otherPrev.getEntryHash());
    }

    @Test
    void theTimeIsHashedAsStoredInMicrosecondsWhateverTheOffset() {
        AuditEntry a = new AuditEntry(T, "x", null, "A", "t", null, null, null, AuditEntry.GENESIS);
        AuditEntry b = new AuditEntry(T.withOffsetSameInstant(java.time.ZoneOffset.UTC).minusNanos(789), "x", null,
                "A", "t", null, null, null, AuditEntry.GENESIS);
        assertEquals(a.getEntryHash(), b.getEntryHash());
        assertEquals(123456000, a.getOccurredAt().getNano());
    }
}
