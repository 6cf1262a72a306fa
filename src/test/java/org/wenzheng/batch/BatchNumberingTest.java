package org.wenzheng.batch;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BatchNumberingTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void theFirstBatchOfAYearIsOneAndTheNextFollowsTheHighest() {
        assertEquals(1, BatchNumbering.next(null));
        assertEquals(124, BatchNumbering.next(123));
    }

    @Test
    void theYearIsTheCutsYearInChina() {
        assertEquals(2027, BatchNumbering.yearOf(Instant.parse("2026-12-31T17:00:00Z"), SHANGHAI));
        assertEquals(2026, BatchNumbering.yearOf(Instant.parse("2026-12-31T15:59:59Z"), SHANGHAI));
    }

    @Test
    void theLabelIsTheIssueNumberOfTheYear() {
        assertEquals("2026年第123期", BatchNumbering.label(2026, 123));
        assertEquals("2027年第1期", BatchNumbering.label(2027, 1));
    }
}
