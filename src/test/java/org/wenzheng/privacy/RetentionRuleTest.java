package org.wenzheng.privacy;

import org.junit.jupiter.api.Test;
import org.wenzheng.board.MessageStatus;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetentionRuleTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 23, 3, 30, 0, 0, ZoneOffset.ofHours(8));
    private final RetentionRule rule = new RetentionRule(24);

    @Test
    void finishedMessagesLoseTheirContactAfterTheRetentionPeriod() {
        OffsetDateTime old = NOW.minusMonths(24).minusDays(1);
        for (MessageStatus s : new MessageStatus[]{MessageStatus.REPLIED, MessageStatus.CLOSED, MessageStatus.ARCHIVED,
                MessageStatus.REJECTED, MessageStatus.MERGED}) {
            assertTrue(rule.erasable(s, old, NOW), s.name());
        }
    }

    @Test
    void recentActivityKeepsTheContact() {
        assertFalse(rule.erasable(MessageStatus.CLOSED, NOW.minusMonths(24).plusDays(1), NOW));
        assertFalse(rule.erasable(MessageStatus.CLOSED, NOW.minusMonths(24), NOW), "exactly 24 months: not yet");
        assertEquals(NOW.minusMonths(24), rule.cutoff(NOW));
    }

    @Test
    void messagesStillBeingHandledKeepTheirContactHoweverOld() {
        OffsetDateTime ancient = NOW.minusYears(10);
        for (MessageStatus s : new MessageStatus[]{MessageStatus.SUBMITTED, MessageStatus.HELD,
                MessageStatus.REGISTERED, MessageStatus.BATCHED, MessageStatus.ROUTED, MessageStatus.HANDLING}) {
            assertFalse(rule.erasable(s, ancient, NOW), s.name());
        }
        assertFalse(rule.erasable(MessageStatus.CLOSED, null, NOW), "no known activity: kept");
    }

    @Test
    void theSettingMustBeAtLeastOneMonthAndTheSqlNamesTheFinishedStatuses() {
        assertThrows(IllegalArgumentException.class, () -> new RetentionRule(0));
        assertEquals("'ARCHIVED', 'CLOSED', 'MERGED', 'REJECTED', 'REPLIED'", RetentionRule.finishedSql());
        assertTrue(new RetentionRule(1).erasable(MessageStatus.REJECTED, NOW.minusMonths(1).minusSeconds(1), NOW));
    }
}
