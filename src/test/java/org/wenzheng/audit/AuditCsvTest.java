package org.wenzheng.audit;

import org.junit.jupiter.api.Test;
import org.wenzheng.audit.AuditViews.AuditRow;

import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditCsvTest {

    @Test
    void fieldsAreQuotedAndFormulasDefused() {
        AuditRow r = new AuditRow(7L, OffsetDateTime.parse("2026-11-23T08:00:00Z"), "admin", "ADMINISTRATOR",
                "UNIT_CHANGED", "unit", 12L, "{\"name\":\"城管\",\"code\":\"CG\"}", "=HYPERLINK(\"x\")", "ab".repeat(32));
        String line = AuditCsv.line(r);
        assertTrue(line.startsWith("7,2026-11-23T08:00Z,admin,ADMINISTRATOR,UNIT_CHANGED,unit,12,"), line);
        assertTrue(line.contains(",\"{\"\"name\"\":\"\"城管\"\",\"\"code\"\":\"\"CG\"\"}\","), line);
        assertTrue(line.contains(",\"'=HYPERLINK(\"\"x\"\")\","), "a formula is shown as text: " + line);
        assertTrue(line.endsWith("\r\n"));
    }

    @Test
    void missingValuesAreEmpty() {
        assertEquals("", AuditCsv.text(null));
        assertEquals("'-1", AuditCsv.text("-1"));
        assertFalse(AuditCsv.text("plain").contains("\""));
    }

    @Test
    void theChainAcceptsIntactEntriesAndStopsAtATamperedOne() {
        OffsetDateTime t = OffsetDateTime.parse("2026-11-23T08:00:00Z");
        AuditEntry first = new AuditEntry(t, "admin", null, "A", "unit", 1L, null, "{}", AuditEntry.GENESIS);
        AuditEntry second = new AuditEntry(t, "admin", null, "B", "unit", 1L, "{}", "{}", first.getEntryHash());
        AuditChain chain = new AuditChain();
        assertTrue(chain.accept(first));
        assertTrue(chain.accept(second));
        AuditEntry forged = AuditEntry.stored(3L, t, "admin", null, "C", "unit", 1L, null, "{\"x\":1}",
                second.getEntryHash(), "f".repeat(64));
        assertFalse(chain.accept(forged), "its hash does not match its content");
        assertEquals(2, chain.checked());
    }
}
