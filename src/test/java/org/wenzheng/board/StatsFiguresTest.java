package org.wenzheng.board;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatsFiguresTest {

    @Test
    void ratesAndAverageAreRoundedToOneDecimal() {
        // 3 received, 2 replied (after 1 and 2 days), 1 of the 2 by its due date.
        StatsFigures f = new StatsFigures(3, 2, 2, 1, 86_400 + 2 * 86_400);
        assertEquals(66.7, f.replyRate());
        assertEquals(50.0, f.onTimeRate());
        assertEquals(1.5, f.averageDaysToReply());
    }

    @Test
    void nothingToDivideByGivesNoFigureRatherThanZero() {
        assertNull(StatsFigures.ZERO.replyRate());
        assertNull(StatsFigures.ZERO.onTimeRate());
        assertNull(StatsFigures.ZERO.averageDaysToReply());
        StatsFigures noneDue = new StatsFigures(4, 1, 0, 0, 3_600);
        assertEquals(25.0, noneDue.replyRate());
        assertNull(noneDue.onTimeRate(), "replied messages without a due date are not counted as on time or late");
        assertEquals(0.0, noneDue.averageDaysToReply());
    }

    @Test
    void overallFiguresAreTheSumOfTheUnits() {
        OffsetDateTime now = OffsetDateTime.parse("2026-11-23T10:00:00+08:00");
        StatsSnapshot s = StatsSnapshot.of(now, List.of(
                new UnitStats(1L, "甲局", null, new StatsFigures(10, 8, 8, 6, 8 * 86_400), new StatsFigures(2, 1, 1, 1, 0)),
                new UnitStats(null, null, null, new StatsFigures(5, 0, 0, 0, 0), StatsFigures.ZERO)));
        assertEquals(new StatsFigures(15, 8, 8, 6, 8 * 86_400), s.allTime());
        assertEquals(new StatsFigures(2, 1, 1, 1, 0), s.thisMonth());
        assertEquals(53.3, s.allTime().replyRate());
        assertEquals(75.0, s.allTime().onTimeRate());
        assertEquals(1.0, s.allTime().averageDaysToReply());
        assertTrue(s.unit(1L).isPresent());
        assertFalse(s.unit(2L).isPresent());
    }

    @Test
    void figuresAreStaleAfterTheRefreshInterval() {
        OffsetDateTime asOf = OffsetDateTime.parse("2026-11-23T10:00:00+08:00");
        assertFalse(BoardStatistics.isStale(asOf, asOf.plusSeconds(299), Duration.ofSeconds(300)));
        assertTrue(BoardStatistics.isStale(asOf, asOf.plusSeconds(300), Duration.ofSeconds(300)));
    }

    @Test
    void theMonthStartsAtMidnightInShanghai() {
        // 30 Nov 17:00 UTC is already 1 Dec 01:00 in Shanghai.
        assertEquals(OffsetDateTime.parse("2026-12-01T00:00:00+08:00"),
                BoardStatistics.startOfMonth(OffsetDateTime.parse("2026-11-30T17:00:00Z")));
        assertEquals(OffsetDateTime.parse("2026-11-01T00:00:00+08:00"),
                BoardStatistics.startOfMonth(OffsetDateTime.parse("2026-11-30T15:59:59Z")));
    }
}
