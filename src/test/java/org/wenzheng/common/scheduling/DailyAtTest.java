package org.wenzheng.common.scheduling;

import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DailyAtTest {

    private static final LocalTime AT = LocalTime.of(4, 10);

    @Test
    void laterTheSameDayInShanghaiOrElseTheNextDay() {
        assertEquals(OffsetDateTime.parse("2026-11-23T04:10+08:00").toInstant(),
                Schedulable.dailyAt(AT, OffsetDateTime.parse("2026-11-23T01:00+08:00")).toInstant());
        assertEquals(OffsetDateTime.parse("2026-11-24T04:10+08:00").toInstant(),
                Schedulable.dailyAt(AT, OffsetDateTime.parse("2026-11-23T04:10+08:00")).toInstant(),
                "strictly after: a run at 04:10 is next due the day after");
    }

    @Test
    void anInstantGivenInUtcIsReadInShanghai() {
        // 21:00 UTC is 05:00 the next morning in Shanghai: past 04:10, so the run after is the morning after that.
        assertEquals(OffsetDateTime.parse("2026-11-25T04:10+08:00").toInstant(),
                Schedulable.dailyAt(AT, OffsetDateTime.parse("2026-11-23T21:00Z")).toInstant());
    }
}
