package org.wenzheng.batch;

import org.junit.jupiter.api.Test;
import org.wenzheng.deadline.HolidayCsv;
import org.wenzheng.deadline.WorkingDayCalendar;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The daily cut at 16:00 Shanghai time on working days of the official 2026 calendar. */
class CutScheduleTest {

    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.of(HolidayCsv.bundled());
    private final CutSchedule schedule = new CutSchedule(LocalTime.of(16, 0), ZoneId.of("Asia/Shanghai"));

    private OffsetDateTime next(String after) {
        return schedule.nextAfter(OffsetDateTime.parse(after), CALENDAR);
    }

    @Test
    void beforeTheCutOnAWorkingDayItIsToday() {
        // Tuesday 2026-11-24 09:30
        assertEquals(OffsetDateTime.parse("2026-11-24T16:00+08:00"), next("2026-11-24T09:30+08:00"));
    }

    @Test
    void atOrAfterTheCutItIsTheNextWorkingDay() {
        assertEquals(OffsetDateTime.parse("2026-11-25T16:00+08:00"), next("2026-11-24T16:00+08:00"));
        assertEquals(OffsetDateTime.parse("2026-11-25T16:00+08:00"), next("2026-11-24T16:00:01+08:00"));
    }

    @Test
    void fridayAfterTheCutSkipsTheWeekend() {
        assertEquals(OffsetDateTime.parse("2026-11-30T16:00+08:00"), next("2026-11-27T17:00+08:00"));
        assertEquals(OffsetDateTime.parse("2026-11-30T16:00+08:00"), next("2026-11-28T10:00+08:00"), "from Saturday");
    }

    @Test
    void aHolidayRunIsSkippedAndTheMakeUpSaturdayCounts() {
        // Wednesday 2026-09-30 after the cut: National Day 10-01..10-07, then Thursday 10-08.
        assertEquals(OffsetDateTime.parse("2026-10-08T16:00+08:00"), next("2026-09-30T16:30+08:00"));
        // Friday 10-09 after the cut: Saturday 10-10 is a make-up working day.
        assertEquals(OffsetDateTime.parse("2026-10-10T16:00+08:00"), next("2026-10-09T18:00+08:00"));
        // Sunday 2026-09-20 is a make-up working day too, before the cut.
        assertEquals(OffsetDateTime.parse("2026-09-20T16:00+08:00"), next("2026-09-20T08:00+08:00"));
    }

    @Test
    void theTimeZoneIsChinasWhateverTheOffsetGiven() {
        // 2026-11-24 07:59 UTC is 15:59 in Shanghai: today's cut is one minute ahead.
        assertEquals(OffsetDateTime.parse("2026-11-24T16:00+08:00").toInstant(),
                next("2026-11-24T07:59Z").toInstant());
        assertEquals(OffsetDateTime.parse("2026-11-25T16:00+08:00").toInstant(),
                next("2026-11-24T08:00Z").toInstant());
    }

    @Test
    void aConfiguredCutTimeIsUsed() {
        CutSchedule late = new CutSchedule(LocalTime.of(17, 30), ZoneId.of("Asia/Shanghai"));
        assertEquals(OffsetDateTime.parse("2026-11-24T17:30+08:00"),
                late.nextAfter(OffsetDateTime.parse("2026-11-24T16:30+08:00"), CALENDAR));
    }
}
