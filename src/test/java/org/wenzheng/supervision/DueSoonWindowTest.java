package org.wenzheng.supervision;

import org.junit.jupiter.api.Test;
import org.wenzheng.deadline.DeadlinePolicy;
import org.wenzheng.deadline.DeadlineState;
import org.wenzheng.deadline.DueDateCalculator;
import org.wenzheng.deadline.HolidayCsv;
import org.wenzheng.deadline.WorkingDayCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The due-soon window that the scan and the board give to SQL must agree with the calculator's own dueSoonFrom,
 * case by case, on the official calendar (National Day, Spring Festival, make-up Saturdays) and in calendar-day mode.
 */
class DueSoonWindowTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final WorkingDayCalendar OFFICIAL = WorkingDayCalendar.of(HolidayCsv.bundled());
    private static final DeadlinePolicy WORKING = DeadlinePolicy.defaults();
    private static final DeadlinePolicy CALENDAR = new DeadlinePolicy(3, 2, 5, false, LocalTime.of(17, 0), SHANGHAI);

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void agreesWithTheCalculatorForOneWorkingDayAtRandomMomentsAcrossHolidays() {
        for (DeadlinePolicy policy : new DeadlinePolicy[]{WORKING, CALENDAR}) {
            DueDateCalculator calc = new DueDateCalculator(OFFICIAL, policy);
            Random random = new Random(42);
            for (int i = 0; i < 3000; i++) {
                LocalDate day = LocalDate.of(2025, 9, 20).plusDays(random.nextInt(520));
                Instant now = day.atTime(random.nextInt(24), random.nextInt(60)).atZone(SHANGHAI).toInstant();
                // Dues mostly at the end of a working day, some at odd times (test data, old policies).
                LocalDate dueDay = day.plusDays(random.nextInt(16) - 5);
                LocalTime dueTime = random.nextInt(4) == 0 ? LocalTime.of(random.nextInt(24), random.nextInt(60))
                        : LocalTime.of(17, 0);
                Instant due = ZonedDateTime.of(dueDay, dueTime, SHANGHAI).toInstant();
                DueSoonWindow w = DueSoonWindow.at(now, 1, OFFICIAL, policy);
                boolean expected = !now.isBefore(calc.dueSoonFrom(due));
                assertEquals(expected, w.contains(due, policy), () -> "now " + now + " due " + due + " " + policy);
            }
        }
    }

    @Test
    void theDayBeforeNationalDayCountsTheHolidayAsNoWorkingDays() {
        // Due Thursday 2026-10-08 17:00 (first working day after the holiday): due soon from Wednesday 09-30 17:00.
        Instant due = at("2026-10-08T17:00");
        assertFalse(DueSoonWindow.at(at("2026-09-30T16:59"), 1, OFFICIAL, WORKING).contains(due, WORKING));
        assertTrue(DueSoonWindow.at(at("2026-09-30T17:00"), 1, OFFICIAL, WORKING).contains(due, WORKING));
        assertTrue(DueSoonWindow.at(at("2026-10-03T10:00"), 1, OFFICIAL, WORKING).contains(due, WORKING));
        DueDateCalculator calc = new DueDateCalculator(OFFICIAL, WORKING);
        assertEquals(DeadlineState.ON_TIME, calc.state(due, at("2026-09-30T16:59"), false));
    }

    @Test
    void aLongerLeadRemindsEarlier() {
        Instant due = at("2026-11-27T17:00"); // a Friday
        assertFalse(DueSoonWindow.at(at("2026-11-25T16:00"), 2, OFFICIAL, WORKING).contains(due, WORKING));
        assertTrue(DueSoonWindow.at(at("2026-11-25T17:00"), 2, OFFICIAL, WORKING).contains(due, WORKING));
        assertFalse(DueSoonWindow.at(at("2026-11-25T17:00"), 1, OFFICIAL, WORKING).contains(due, WORKING));
        assertThrows(IllegalArgumentException.class, () -> DueSoonWindow.at(Instant.now(), 0, OFFICIAL, WORKING));
    }
}
