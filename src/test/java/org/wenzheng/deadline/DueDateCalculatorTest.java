package org.wenzheng.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every expected due was counted by hand on the official 2025/2026 calendar: day 0 is the day of receipt, then
 * N working days, due at 17:00 Beijing time. The comment on each row is that count.
 */
class DueDateCalculatorTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final WorkingDayCalendar OFFICIAL = WorkingDayCalendar.of(HolidayCsv.bundled());
    private static final DueDateCalculator DEFAULTS = new DueDateCalculator(OFFICIAL, DeadlinePolicy.defaults());
    private static final DueDateCalculator CALENDAR_DAYS = new DueDateCalculator(OFFICIAL,
            new DeadlinePolicy(3, 2, 5, false, LocalTime.of(17, 0), SHANGHAI));

    static Instant at(LocalDateTime beijingTime) {
        return beijingTime.atZone(SHANGHAI).toInstant();
    }

    static Instant endOf(LocalDate day) {
        return at(day.atTime(17, 0));
    }

    @ParameterizedTest(name = "posted {0} → day 0 {1} → due {2} 17:00")
    @CsvSource({
            // New Year 2025, counted from an uncovered 2024 (plain weekend rule there)
            "2024-12-31T10:00, 2024-12-31, 2025-01-06", // 01-01 holiday; 01-02, 01-03, (weekend), 01-06
            "2025-01-01T09:00, 2025-01-02, 2025-01-07", // on the holiday: received 01-02; 01-03, 01-06, 01-07
            // Spring Festival 2025, make-up Sunday 01-26 and Saturday 02-08
            "2025-01-24T10:00, 2025-01-24, 2025-02-05", // 01-26 Sun, 01-27, (01-28..02-04), 02-05
            "2025-01-27T10:00, 2025-01-27, 2025-02-07", // 02-05, 02-06, 02-07
            "2025-01-27T17:30, 2025-02-05, 2025-02-08", // after hours: received 02-05; 02-06, 02-07, 02-08 Sat
            "2025-01-30T11:00, 2025-02-05, 2025-02-08", // on the holiday: same as above
            "2025-02-07T16:59, 2025-02-07, 2025-02-11", // 02-08 Sat, 02-10, 02-11
            "2025-02-08T10:00, 2025-02-08, 2025-02-12", // posted on the make-up Saturday: 02-10, 02-11, 02-12
            "2025-02-08T17:00, 2025-02-10, 2025-02-13", // exactly 17:00 is after hours: 02-11, 02-12, 02-13
            // Qingming 2025 (Fri..Sun)
            "2025-04-03T10:00, 2025-04-03, 2025-04-09", // 04-07, 04-08, 04-09
            "2025-04-05T10:00, 2025-04-07, 2025-04-10", // 04-08, 04-09, 04-10
            // Labour Day 2025, make-up Sunday 04-27
            "2025-04-25T10:00, 2025-04-25, 2025-04-29", // 04-27 Sun, 04-28, 04-29
            "2025-04-26T10:00, 2025-04-27, 2025-04-30", // plain Saturday: received on the make-up Sunday
            "2025-04-30T10:00, 2025-04-30, 2025-05-08", // (05-01..05-05), 05-06, 05-07, 05-08
            // Dragon Boat 2025 (Sat..Mon)
            "2025-05-30T10:00, 2025-05-30, 2025-06-05", // 06-03, 06-04, 06-05
            // National Day and Mid-Autumn 2025, make-up Sunday 09-28 and Saturday 10-11
            "2025-09-26T10:00, 2025-09-26, 2025-09-30", // 09-28 Sun, 09-29, 09-30
            "2025-09-30T10:00, 2025-09-30, 2025-10-11", // (10-01..10-08), 10-09, 10-10, 10-11 Sat
            "2025-09-30T18:00, 2025-10-09, 2025-10-13", // 10-10, 10-11 Sat, 10-13
            "2025-10-05T10:00, 2025-10-09, 2025-10-13", // on the holiday (a Sunday)
            // across the 2025 → 2026 boundary, make-up Sunday 2026-01-04
            "2025-12-30T10:00, 2025-12-30, 2026-01-05", // 12-31, 01-04 Sun, 01-05
            "2025-12-31T10:00, 2025-12-31, 2026-01-06", // (01-01..01-03), 01-04 Sun, 01-05, 01-06
            "2025-12-31T20:00, 2026-01-04, 2026-01-07", // 01-05, 01-06, 01-07
            "2026-01-02T10:00, 2026-01-04, 2026-01-07", // on the holiday
            "2026-01-04T10:00, 2026-01-04, 2026-01-07", // on the make-up Sunday
            // Spring Festival 2026, make-up Saturdays 02-14 and 02-28
            "2026-02-13T10:00, 2026-02-13, 2026-02-25", // 02-14 Sat, (02-15..02-23), 02-24, 02-25
            "2026-02-14T10:00, 2026-02-14, 2026-02-26", // 02-24, 02-25, 02-26
            "2026-02-18T10:00, 2026-02-24, 2026-02-27", // 02-25, 02-26, 02-27
            "2026-02-26T10:00, 2026-02-26, 2026-03-02", // 02-27, 02-28 Sat, 03-02
            "2026-02-28T10:00, 2026-02-28, 2026-03-04", // 03-02, 03-03, 03-04
            // Qingming 2026 (Sat..Mon)
            "2026-04-03T10:00, 2026-04-03, 2026-04-09", // 04-07, 04-08, 04-09
            // Labour Day 2026, make-up Saturday 05-09
            "2026-04-30T10:00, 2026-04-30, 2026-05-08", // (05-01..05-05), 05-06, 05-07, 05-08
            "2026-05-07T10:00, 2026-05-07, 2026-05-11", // 05-08, 05-09 Sat, 05-11
            // Dragon Boat 2026 (Fri..Sun)
            "2026-06-18T10:00, 2026-06-18, 2026-06-24", // 06-22, 06-23, 06-24
            // Mid-Autumn 2026 (Fri..Sun), make-up Sunday 09-20
            "2026-09-18T10:00, 2026-09-18, 2026-09-22", // 09-20 Sun, 09-21, 09-22
            "2026-09-24T10:00, 2026-09-24, 2026-09-30", // (09-25..09-27), 09-28, 09-29, 09-30
            // National Day 2026, make-up Saturday 10-10
            "2026-09-30T10:00, 2026-09-30, 2026-10-10", // (10-01..10-07), 10-08, 10-09, 10-10 Sat
            "2026-09-30T18:30, 2026-10-08, 2026-10-12", // 10-09, 10-10 Sat, 10-12
            "2026-10-03T10:00, 2026-10-08, 2026-10-12", // on the holiday
            "2026-10-10T16:00, 2026-10-10, 2026-10-14", // on the make-up Saturday: 10-12, 10-13, 10-14
            // plain weeks
            "2026-03-11T10:00, 2026-03-11, 2026-03-16", // Wed: Thu, Fri, Mon
            "2026-03-11T00:00, 2026-03-11, 2026-03-16", // before office hours still counts as that day
            "2026-03-13T18:00, 2026-03-16, 2026-03-19", // Fri evening: received Mon
            "2026-03-14T10:00, 2026-03-16, 2026-03-19", // Saturday
            // uncovered 2027: weekends only
            "2027-09-30T10:00, 2027-09-30, 2027-10-05", // Thu: Fri, Mon, Tue
    })
    void normalDue(LocalDateTime posted, LocalDate dayZero, LocalDate dueDay) {
        DueDate due = DEFAULTS.forMessage(at(posted));
        assertEquals(endOf(dueDay), due.due());
        assertEquals(dayZero, due.countFrom());
        assertEquals(DueDate.Basis.MESSAGE, due.basis());
        assertEquals(3, due.days());
        assertTrue(due.workingDays());
        assertFalse(due.clamped());
    }

    @ParameterizedTest(name = "{0} UTC → due {1} Beijing")
    @CsvSource({
            "2026-09-30T08:59:59Z, 2026-10-10T17:00+08:00", // 16:59:59 in Beijing: still that day
            "2026-09-30T09:00:00Z, 2026-10-12T17:00+08:00", // 17:00 in Beijing: after hours
            "2026-09-29T17:00:00Z, 2026-10-10T17:00+08:00", // 01:00 on 09-30 in Beijing
    })
    void daysAreTheZonesDays(Instant posted, OffsetDateTime expected) {
        DueDate due = DEFAULTS.forMessage(posted);
        assertEquals(expected, due.dueAt());
        assertEquals(expected.toInstant(), due.due());
    }

    @ParameterizedTest(name = "posted {0}, slip {1} → due {2} (clamped: {3})")
    @CsvSource({
            // slip 09-29: 09-30, (10-01..10-07), 10-08; the cap from 09-29 is 10-12
            "2026-09-29T10:00, 2026-09-29T15:00, 2026-10-08, false",
            // slip 2025-09-30: 10-09, 10-10; the cap from 09-24 is 09-25, 09-26, 09-28 Sun, 09-29, 09-30
            "2025-09-24T10:00, 2025-09-30T11:00, 2025-09-30, true",
            // slip after hours on the make-up Saturday: received 02-24; 02-25, 02-26; the cap is 02-27
            "2026-02-13T09:00, 2026-02-14T18:00, 2026-02-26, false",
            // slip 05-11: 05-12, 05-13; the cap from 05-06 is 05-07, 05-08, 05-09 Sat, 05-11, 05-12
            "2026-05-06T10:00, 2026-05-11T09:00, 2026-05-12, true",
            // slip on the day of the message, on a holiday: received 10-08; 10-09, 10-10 Sat
            "2026-10-02T08:00, 2026-10-02T09:00, 2026-10-10, false",
    })
    void urgentDueFromTheSlipUnderTheCap(LocalDateTime posted, LocalDateTime slip, LocalDate dueDay, boolean clamped) {
        DueDate due = DEFAULTS.urgent(at(posted), at(slip));
        assertEquals(endOf(dueDay), due.due());
        assertEquals(clamped, due.clamped());
        assertEquals(clamped ? DueDate.Basis.MESSAGE : DueDate.Basis.SLIP, due.basis());
        assertEquals(clamped ? 5 : 2, due.days());
    }

    @Test
    void aClampedUrgentDueRemembersWhatTheSlipAskedFor() {
        DueDate due = DEFAULTS.urgent(at(LocalDateTime.parse("2025-09-24T10:00")), at(LocalDateTime.parse("2025-09-30T11:00")));
        assertEquals(endOf(LocalDate.parse("2025-10-10")), due.uncapped());
    }

    @Test
    void aSlipCannotPrecedeTheMessage() {
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.urgent(
                at(LocalDateTime.parse("2026-03-11T10:00")), at(LocalDateTime.parse("2026-03-11T09:59"))));
    }

    @ParameterizedTest(name = "posted {0}: cap {1}")
    @CsvSource({
            "2026-09-24T10:00, 2026-10-09", // 09-28, 09-29, 09-30, 10-08, 10-09
            "2025-01-24T10:00, 2025-02-07", // 01-26 Sun, 01-27, 02-05, 02-06, 02-07
            "2025-12-31T10:00, 2026-01-08", // 01-04 Sun, 01-05, 01-06, 01-07, 01-08
    })
    void capIsFiveWorkingDaysFromTheMessage(LocalDateTime posted, LocalDate capDay) {
        DueDate cap = DEFAULTS.cap(at(posted));
        assertEquals(endOf(capDay), cap.due());
        assertEquals(5, cap.days());
    }

    @ParameterizedTest(name = "posted {0}, due {1}, +{2} → {3} (clamped: {4})")
    @CsvSource({
            // cap from 2026-09-24 is 10-09
            "2026-09-24T10:00, 2026-09-30, 1, 2026-10-08, false", // (10-01..10-07), 10-08
            "2026-09-24T10:00, 2026-09-30, 2, 2026-10-09, false", // exactly the cap
            "2026-09-24T10:00, 2026-09-30, 3, 2026-10-09, true",  // 10-10 Sat would pass the cap
            // cap from 2025-01-24 is 02-07; 02-05 + 5 is 02-06, 02-07, 02-08 Sat, 02-10, 02-11
            "2025-01-24T10:00, 2025-02-05, 5, 2025-02-07, true",
            // cap from 2025-12-31 is 2026-01-08
            "2025-12-31T10:00, 2026-01-06, 2, 2026-01-08, false",
    })
    void extensionByDaysIsClampedToTheCap(LocalDateTime posted, LocalDate currentDue, int extra, LocalDate dueDay,
                                          boolean clamped) {
        DueDate due = DEFAULTS.extendBy(at(posted), endOf(currentDue), extra);
        assertEquals(endOf(dueDay), due.due());
        assertEquals(clamped, due.clamped());
    }

    @ParameterizedTest(name = "posted {0}, due {1}, to {2} → {3} (clamped: {4})")
    @CsvSource({
            "2026-09-24T10:00, 2026-09-30, 2026-10-08, 2026-10-08, false",
            "2026-09-24T10:00, 2026-09-30, 2026-10-05, 2026-10-08, false", // a holiday moves to the next working day
            "2026-09-24T10:00, 2026-09-30, 2026-10-09, 2026-10-09, false",
            "2026-09-24T10:00, 2026-09-30, 2026-10-20, 2026-10-09, true",
            "2025-01-24T10:00, 2025-02-05, 2025-02-08, 2025-02-07, true",  // the make-up Saturday is past the cap
    })
    void extensionToADayIsClampedToTheCap(LocalDateTime posted, LocalDate currentDue, LocalDate requested,
                                          LocalDate dueDay, boolean clamped) {
        DueDate due = DEFAULTS.extendTo(at(posted), endOf(currentDue), requested);
        assertEquals(endOf(dueDay), due.due());
        assertEquals(clamped, due.clamped());
    }

    @Test
    void aClampedExtensionRemembersTheRequest() {
        DueDate due = DEFAULTS.extendTo(at(LocalDateTime.parse("2026-09-24T10:00")),
                endOf(LocalDate.parse("2026-09-30")), LocalDate.parse("2026-10-20"));
        assertEquals(endOf(LocalDate.parse("2026-10-20")), due.uncapped());
    }

    @ParameterizedTest(name = "extending due {0} to {1} is refused")
    @CsvSource({
            "2026-09-30, 2026-09-30", // not later
            "2026-09-30, 2026-09-29", // earlier
    })
    void anExtensionMustMoveTheDueLater(LocalDate currentDue, LocalDate requested) {
        Instant posted = at(LocalDateTime.parse("2026-09-24T10:00"));
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.extendTo(posted, endOf(currentDue), requested));
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.extendBy(posted, endOf(currentDue), 0));
    }

    @ParameterizedTest(name = "reopened {0} → due {1}")
    @CsvSource({
            "2026-10-09T11:00, 2026-10-13", // 10-10 Sat, 10-12, 10-13
            "2025-12-31T22:00, 2026-01-07", // after hours: received 01-04 Sun; 01-05, 01-06, 01-07
            "2026-02-20T09:00, 2026-02-27", // on the Spring Festival: received 02-24; 02-25, 02-26, 02-27
    })
    void reopenedCaseGetsAFreshClock(LocalDateTime reopened, LocalDate dueDay) {
        DueDate due = DEFAULTS.reopened(at(reopened));
        assertEquals(endOf(dueDay), due.due());
        assertEquals(DueDate.Basis.REOPENING, due.basis());
        assertEquals(3, due.days());
    }

    @ParameterizedTest(name = "calendar days: posted {0} → due {1}")
    @CsvSource({
            "2025-09-30T10:00, 2025-10-03", // holidays count as days
            "2025-09-30T18:00, 2025-10-04", // after hours: from 10-01
            "2026-02-14T17:00, 2026-02-18", // 17:00 is after hours: from 02-15
            "2025-12-31T10:00, 2026-01-03",
    })
    void calendarDayMode(LocalDateTime posted, LocalDate dueDay) {
        DueDate due = CALENDAR_DAYS.forMessage(at(posted));
        assertEquals(endOf(dueDay), due.due());
        assertFalse(due.workingDays());
        assertEquals(List.of(), due.restRuns());
        assertEquals(List.of(), due.makeUpDays());
    }

    @Test
    void calendarDayModeClampsUrgentAndExtensionToo() {
        Instant posted = at(LocalDateTime.parse("2026-10-01T10:00")); // cap: 10-06
        DueDate urgent = CALENDAR_DAYS.urgent(posted, at(LocalDateTime.parse("2026-10-05T10:00"))); // 10-07
        assertEquals(endOf(LocalDate.parse("2026-10-06")), urgent.due());
        assertTrue(urgent.clamped());
        DueDate extended = CALENDAR_DAYS.extendBy(posted, endOf(LocalDate.parse("2026-10-04")), 1);
        assertEquals(endOf(LocalDate.parse("2026-10-05")), extended.due());
        assertFalse(extended.clamped());
        DueDate requested = CALENDAR_DAYS.extendTo(posted, endOf(LocalDate.parse("2026-10-04")), LocalDate.parse("2026-10-06"));
        assertEquals(endOf(LocalDate.parse("2026-10-06")), requested.due());
        assertFalse(requested.clamped());
    }

    @Test
    void policyEndOfDayAndNumbersAreUsed() {
        DueDateCalculator late = new DueDateCalculator(OFFICIAL,
                new DeadlinePolicy(1, 1, 2, true, LocalTime.of(18, 0), SHANGHAI));
        // 17:30 is before 18:00, so 2026-09-30 is day 0 and 10-08 is day 1.
        DueDate due = late.forMessage(at(LocalDateTime.parse("2026-09-30T17:30")));
        assertEquals(at(LocalDateTime.parse("2026-10-08T18:00")), due.due());
    }

    @Test
    void flagsYearsWithoutAnOfficialCalendar() {
        assertEquals(List.of(2024), DEFAULTS.forMessage(at(LocalDateTime.parse("2024-12-31T10:00"))).uncoveredYears());
        assertEquals(List.of(2027), DEFAULTS.forMessage(at(LocalDateTime.parse("2027-09-30T10:00"))).uncoveredYears());
        assertEquals(List.of(2027), DEFAULTS.forMessage(at(LocalDateTime.parse("2026-12-31T10:00"))).uncoveredYears());
        assertEquals(List.of(), DEFAULTS.forMessage(at(LocalDateTime.parse("2025-12-31T10:00"))).uncoveredYears());
        assertEquals(List.of(), CALENDAR_DAYS.forMessage(at(LocalDateTime.parse("2027-09-30T10:00"))).uncoveredYears());
    }

    @ParameterizedTest(name = "due {0} 17:00, now {1} → {2}")
    @CsvSource({
            "2026-10-12, 2026-10-09T16:59, ON_TIME",  // 10-10 is the make-up Saturday before a Monday due
            "2026-10-12, 2026-10-10T17:00, DUE_SOON", // one working day before: from the make-up Saturday's 17:00
            "2026-10-09, 2026-09-30T16:00, ON_TIME",  // the National Day break lies between
            "2026-10-09, 2026-10-08T17:00, DUE_SOON", // previous working day 10-08 (holiday until 10-07)
            "2026-10-08, 2026-09-30T17:00, DUE_SOON", // 10-01..10-07 are rest days: 09-30 is the previous working day
            "2026-10-08, 2026-10-08T17:00, DUE_SOON", // the due itself is still on time
            "2026-10-08, 2026-10-08T17:01, OVERDUE_UNANSWERED"
    })
    void deadlineStates(LocalDate dueDay, LocalDateTime now, DeadlineState expected) {
        assertEquals(expected, DEFAULTS.state(endOf(dueDay), at(now), false));
    }

    @Test
    void overdueAnsweredAndCalendarDayDueSoon() {
        Instant due = endOf(LocalDate.parse("2026-10-08"));
        assertEquals(DeadlineState.OVERDUE, DEFAULTS.state(due, at(LocalDateTime.parse("2026-10-09T09:00")), true));
        assertEquals(at(LocalDateTime.parse("2026-10-07T17:00")), CALENDAR_DAYS.dueSoonFrom(due));
    }
}
