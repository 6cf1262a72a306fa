package org.wenzheng.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected values are read off the State Council notices for 2025 and 2026, not off the code. */
class WorkingDayCalendarTest {

    private static final WorkingDayCalendar OFFICIAL = WorkingDayCalendar.of(HolidayCsv.bundled());

    @ParameterizedTest(name = "{2} {0}..{1} ({3} days) is a rest run bounded by working days")
    @CsvSource({
            "2025-01-01, 2025-01-01, 元旦,           1",
            "2025-01-28, 2025-02-04, 春节,           8",
            "2025-04-04, 2025-04-06, 清明节,         3",
            "2025-05-01, 2025-05-05, 劳动节,         5",
            "2025-05-31, 2025-06-02, 端午节,         3",
            "2025-10-01, 2025-10-08, 国庆节、中秋节, 8",
            "2026-01-01, 2026-01-03, 元旦,           3",
            "2026-02-15, 2026-02-23, 春节,           9",
            "2026-04-04, 2026-04-06, 清明节,         3",
            "2026-05-01, 2026-05-05, 劳动节,         5",
            "2026-06-19, 2026-06-21, 端午节,         3",
            "2026-09-25, 2026-09-27, 中秋节,         3",
            "2026-10-01, 2026-10-07, 国庆节,         7",
    })
    void everyOfficialHolidayRunIsRest(LocalDate first, LocalDate last, String name, int length) {
        int days = 0;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1), days++) {
            assertFalse(OFFICIAL.isWorkingDay(day), day + " should be a rest day");
            assertEquals(Optional.of(new OfficialDay(day, DayKind.HOLIDAY, name)), OFFICIAL.exceptionOn(day));
        }
        assertEquals(length, days);
        assertTrue(OFFICIAL.isWorkingDay(first.minusDays(1)), "the day before " + name + " is a working day");
        assertTrue(OFFICIAL.isWorkingDay(last.plusDays(1)), "the day after " + name + " is a working day");
        assertEquals(last.plusDays(1), OFFICIAL.nextWorkingDay(first.minusDays(1)));
    }

    @ParameterizedTest(name = "{0} ({1}) is a make-up working day: {2}")
    @CsvSource({
            "2025-01-26, SUNDAY,   春节调休上班",
            "2025-02-08, SATURDAY, 春节调休上班",
            "2025-04-27, SUNDAY,   劳动节调休上班",
            "2025-09-28, SUNDAY,   国庆节调休上班",
            "2025-10-11, SATURDAY, 国庆节调休上班",
            "2026-01-04, SUNDAY,   元旦调休上班",
            "2026-02-14, SATURDAY, 春节调休上班",
            "2026-02-28, SATURDAY, 春节调休上班",
            "2026-05-09, SATURDAY, 劳动节调休上班",
            "2026-09-20, SUNDAY,   国庆节调休上班",
            "2026-10-10, SATURDAY, 国庆节调休上班",
    })
    void everyMakeUpWorkingDayIsWorked(LocalDate day, DayOfWeek weekday, String name) {
        assertEquals(weekday, day.getDayOfWeek());
        assertTrue(OFFICIAL.isWorkingDay(day));
        assertEquals(Optional.of(new OfficialDay(day, DayKind.WORKDAY, name)), OFFICIAL.exceptionOn(day));
    }

    @ParameterizedTest(name = "{0} working: {1}")
    @CsvSource({
            "2025-03-07, true",  // plain Friday
            "2025-03-08, false", // plain Saturday
            "2025-03-09, false", // plain Sunday
            "2025-04-26, false", // Saturday before the make-up Sunday
            "2026-10-09, true",  // Friday between National Day and the make-up Saturday
            "2026-10-11, false", // Sunday after the make-up Saturday
            "2024-12-28, false", // uncovered year: weekend rule
            "2024-12-31, true",
            "2027-01-01, true",  // uncovered year: its New Year holiday is not known, so it is a plain Friday
            "2027-01-02, false",
    })
    void ordinaryDaysFollowTheWeekendRule(LocalDate day, boolean working) {
        assertEquals(working, OFFICIAL.isWorkingDay(day));
        assertEquals(Optional.empty(), OFFICIAL.exceptionOn(day));
    }

    @ParameterizedTest(name = "covers {0}: {1}")
    @CsvSource({"2024, false", "2025, true", "2026, true", "2027, false"})
    void knowsWhichYearsItCovers(int year, boolean covered) {
        assertEquals(covered, OFFICIAL.coversYear(year));
    }

    @Test
    void listsCoveredYears() {
        assertEquals(List.of(2025, 2026), List.copyOf(OFFICIAL.coveredYears()));
    }

    @ParameterizedTest(name = "next working day after {0} is {1}")
    @CsvSource({
            "2025-01-24, 2025-01-26", // Friday → make-up Sunday
            "2025-01-26, 2025-01-27",
            "2025-01-27, 2025-02-05", // over the Spring Festival
            "2025-09-30, 2025-10-09",
            "2025-10-10, 2025-10-11", // Friday → make-up Saturday
            "2025-12-31, 2026-01-04", // over New Year into the make-up Sunday
            "2026-02-13, 2026-02-14",
            "2026-02-14, 2026-02-24",
            "2026-04-03, 2026-04-07",
            "2026-06-18, 2026-06-22",
            "2026-09-24, 2026-09-28",
            "2026-10-03, 2026-10-08", // from inside a holiday
            "2027-12-31, 2028-01-03", // uncovered: Friday → Monday
    })
    void nextWorkingDay(LocalDate day, LocalDate expected) {
        assertEquals(expected, OFFICIAL.nextWorkingDay(day));
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            "2025-09-30, 0, 2025-09-30",
            "2025-09-30, 1, 2025-10-09",
            "2025-09-30, 2, 2025-10-10",
            "2025-09-30, 3, 2025-10-11",
            "2025-09-30, 4, 2025-10-13",
            "2026-02-13, 1, 2026-02-14",
            "2026-02-13, 2, 2026-02-24",
            "2026-02-13, 5, 2026-02-27",
            "2026-02-13, 6, 2026-02-28",
            "2026-02-13, 7, 2026-03-02",
            "2025-12-31, 1, 2026-01-04",
            "2025-12-31, 2, 2026-01-05",
            "2026-04-30, 3, 2026-05-08",
            "2026-05-07, 2, 2026-05-09",
            "2026-05-07, 3, 2026-05-11",
    })
    void addWorkingDays(LocalDate from, int n, LocalDate expected) {
        assertEquals(expected, OFFICIAL.addWorkingDays(from, n));
    }

    @ParameterizedTest(name = "working days in ({0}, {1}] = {2}")
    @CsvSource({
            "2025-09-30, 2025-10-13,   4",
            "2025-10-13, 2025-09-30,  -4",
            "2025-10-13, 2025-10-13,   0",
            "2026-02-13, 2026-02-28,   6",
            "2026-09-30, 2026-10-07,   0",
            "2024-12-31, 2025-12-31, 248", // 261 weekdays - 18 weekday holidays + 5 make-up days
            "2025-12-31, 2026-12-31, 248", // 261 weekdays - 19 weekday holidays + 6 make-up days
    })
    void workingDaysBetween(LocalDate from, LocalDate to, int expected) {
        assertEquals(expected, OFFICIAL.workingDaysBetween(from, to));
    }

    @Test
    void rejectsANegativeCount() {
        assertThrows(IllegalArgumentException.class, () -> OFFICIAL.addWorkingDays(LocalDate.of(2026, 3, 2), -1));
    }

    @Test
    void rejectsADateListedTwice() {
        LocalDate day = LocalDate.of(2026, 10, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkingDayCalendar.of(List.of(
                new OfficialDay(day, DayKind.HOLIDAY, "国庆节"), new OfficialDay(day, DayKind.HOLIDAY, "国庆节"))));
        assertTrue(e.getMessage().contains("2026-10-01"), e.getMessage());
    }

    @Test
    void rejectsAMakeUpWorkingDayOnAWeekday() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkingDayCalendar.of(List.of(
                new OfficialDay(LocalDate.of(2026, 10, 9), DayKind.WORKDAY, "国庆节调休上班"))));
        assertTrue(e.getMessage().contains("2026-10-09"), e.getMessage());
    }

    @Test
    void anEmptyCalendarIsThePlainWeekendRule() {
        WorkingDayCalendar plain = WorkingDayCalendar.of(List.of());
        assertTrue(plain.isWorkingDay(LocalDate.of(2025, 10, 1)));
        assertFalse(plain.isWorkingDay(LocalDate.of(2025, 10, 11)));
        assertFalse(plain.coversYear(2025));
    }
}
