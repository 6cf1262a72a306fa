package org.wenzheng.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every official holiday period and every make-up working day of 2025 and 2026, with a message posted the day before,
 * on the first and last day, and the day after (make-up days also after hours). Each row's comment lists the three
 * working days counted after day 0. Then every official day ±1 at four times of day against a deliberately naive
 * counter written from the rules alone, and extensions, reopening, calendar-day mode and a calendar change.
 */
class OfficialCalendarDueDateTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final List<OfficialDay> DAYS = HolidayCsv.bundled();
    private static final WorkingDayCalendar OFFICIAL = WorkingDayCalendar.of(DAYS);
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
            "2024-12-31T10:00, 2024-12-31, 2025-01-06", // 元旦 2025-01-01..2025-01-01 before: 01-02, 01-03, 01-06
            "2025-01-01T10:00, 2025-01-02, 2025-01-07", // 元旦 2025-01-01..2025-01-01 on: 01-03, 01-06, 01-07
            "2025-01-01T16:00, 2025-01-02, 2025-01-07", // 元旦 2025-01-01..2025-01-01 last: 01-03, 01-06, 01-07
            "2025-01-02T10:00, 2025-01-02, 2025-01-07", // 元旦 2025-01-01..2025-01-01 after: 01-03, 01-06, 01-07
            "2025-01-27T10:00, 2025-01-27, 2025-02-07", // 春节 2025-01-28..2025-02-04 before: 02-05, 02-06, 02-07
            "2025-01-28T10:00, 2025-02-05, 2025-02-08", // 春节 2025-01-28..2025-02-04 on: 02-06, 02-07, 02-08 Sat
            "2025-02-04T16:00, 2025-02-05, 2025-02-08", // 春节 2025-01-28..2025-02-04 last: 02-06, 02-07, 02-08 Sat
            "2025-02-05T10:00, 2025-02-05, 2025-02-08", // 春节 2025-01-28..2025-02-04 after: 02-06, 02-07, 02-08 Sat
            "2025-04-03T10:00, 2025-04-03, 2025-04-09", // 清明节 2025-04-04..2025-04-06 before: 04-07, 04-08, 04-09
            "2025-04-04T10:00, 2025-04-07, 2025-04-10", // 清明节 2025-04-04..2025-04-06 on: 04-08, 04-09, 04-10
            "2025-04-06T16:00, 2025-04-07, 2025-04-10", // 清明节 2025-04-04..2025-04-06 last: 04-08, 04-09, 04-10
            "2025-04-07T10:00, 2025-04-07, 2025-04-10", // 清明节 2025-04-04..2025-04-06 after: 04-08, 04-09, 04-10
            "2025-04-30T10:00, 2025-04-30, 2025-05-08", // 劳动节 2025-05-01..2025-05-05 before: 05-06, 05-07, 05-08
            "2025-05-01T10:00, 2025-05-06, 2025-05-09", // 劳动节 2025-05-01..2025-05-05 on: 05-07, 05-08, 05-09
            "2025-05-05T16:00, 2025-05-06, 2025-05-09", // 劳动节 2025-05-01..2025-05-05 last: 05-07, 05-08, 05-09
            "2025-05-06T10:00, 2025-05-06, 2025-05-09", // 劳动节 2025-05-01..2025-05-05 after: 05-07, 05-08, 05-09
            "2025-05-30T10:00, 2025-05-30, 2025-06-05", // 端午节 2025-05-31..2025-06-02 before: 06-03, 06-04, 06-05
            "2025-05-31T10:00, 2025-06-03, 2025-06-06", // 端午节 2025-05-31..2025-06-02 on: 06-04, 06-05, 06-06
            "2025-06-02T16:00, 2025-06-03, 2025-06-06", // 端午节 2025-05-31..2025-06-02 last: 06-04, 06-05, 06-06
            "2025-06-03T10:00, 2025-06-03, 2025-06-06", // 端午节 2025-05-31..2025-06-02 after: 06-04, 06-05, 06-06
            "2025-09-30T10:00, 2025-09-30, 2025-10-11", // 国庆节、中秋节 2025-10-01..2025-10-08 before: 10-09, 10-10, 10-11 Sat
            "2025-10-01T10:00, 2025-10-09, 2025-10-13", // 国庆节、中秋节 2025-10-01..2025-10-08 on: 10-10, 10-11 Sat, 10-13
            "2025-10-08T16:00, 2025-10-09, 2025-10-13", // 国庆节、中秋节 2025-10-01..2025-10-08 last: 10-10, 10-11 Sat, 10-13
            "2025-10-09T10:00, 2025-10-09, 2025-10-13", // 国庆节、中秋节 2025-10-01..2025-10-08 after: 10-10, 10-11 Sat, 10-13
            "2025-12-31T10:00, 2025-12-31, 2026-01-06", // 元旦 2026-01-01..2026-01-03 before: 01-04 Sun, 01-05, 01-06
            "2026-01-01T10:00, 2026-01-04, 2026-01-07", // 元旦 2026-01-01..2026-01-03 on: 01-05, 01-06, 01-07
            "2026-01-03T16:00, 2026-01-04, 2026-01-07", // 元旦 2026-01-01..2026-01-03 last: 01-05, 01-06, 01-07
            "2026-01-04T10:00, 2026-01-04, 2026-01-07", // 元旦 2026-01-01..2026-01-03 after: 01-05, 01-06, 01-07
            "2026-02-14T10:00, 2026-02-14, 2026-02-26", // 春节 2026-02-15..2026-02-23 before: 02-24, 02-25, 02-26
            "2026-02-15T10:00, 2026-02-24, 2026-02-27", // 春节 2026-02-15..2026-02-23 on: 02-25, 02-26, 02-27
            "2026-02-23T16:00, 2026-02-24, 2026-02-27", // 春节 2026-02-15..2026-02-23 last: 02-25, 02-26, 02-27
            "2026-02-24T10:00, 2026-02-24, 2026-02-27", // 春节 2026-02-15..2026-02-23 after: 02-25, 02-26, 02-27
            "2026-04-03T10:00, 2026-04-03, 2026-04-09", // 清明节 2026-04-04..2026-04-06 before: 04-07, 04-08, 04-09
            "2026-04-04T10:00, 2026-04-07, 2026-04-10", // 清明节 2026-04-04..2026-04-06 on: 04-08, 04-09, 04-10
            "2026-04-06T16:00, 2026-04-07, 2026-04-10", // 清明节 2026-04-04..2026-04-06 last: 04-08, 04-09, 04-10
            "2026-04-07T10:00, 2026-04-07, 2026-04-10", // 清明节 2026-04-04..2026-04-06 after: 04-08, 04-09, 04-10
            "2026-04-30T10:00, 2026-04-30, 2026-05-08", // 劳动节 2026-05-01..2026-05-05 before: 05-06, 05-07, 05-08
            "2026-05-01T10:00, 2026-05-06, 2026-05-09", // 劳动节 2026-05-01..2026-05-05 on: 05-07, 05-08, 05-09 Sat
            "2026-05-05T16:00, 2026-05-06, 2026-05-09", // 劳动节 2026-05-01..2026-05-05 last: 05-07, 05-08, 05-09 Sat
            "2026-05-06T10:00, 2026-05-06, 2026-05-09", // 劳动节 2026-05-01..2026-05-05 after: 05-07, 05-08, 05-09 Sat
            "2026-06-18T10:00, 2026-06-18, 2026-06-24", // 端午节 2026-06-19..2026-06-21 before: 06-22, 06-23, 06-24
            "2026-06-19T10:00, 2026-06-22, 2026-06-25", // 端午节 2026-06-19..2026-06-21 on: 06-23, 06-24, 06-25
            "2026-06-21T16:00, 2026-06-22, 2026-06-25", // 端午节 2026-06-19..2026-06-21 last: 06-23, 06-24, 06-25
            "2026-06-22T10:00, 2026-06-22, 2026-06-25", // 端午节 2026-06-19..2026-06-21 after: 06-23, 06-24, 06-25
            "2026-09-24T10:00, 2026-09-24, 2026-09-30", // 中秋节 2026-09-25..2026-09-27 before: 09-28, 09-29, 09-30
            "2026-09-25T10:00, 2026-09-28, 2026-10-08", // 中秋节 2026-09-25..2026-09-27 on: 09-29, 09-30, 10-08
            "2026-09-27T16:00, 2026-09-28, 2026-10-08", // 中秋节 2026-09-25..2026-09-27 last: 09-29, 09-30, 10-08
            "2026-09-28T10:00, 2026-09-28, 2026-10-08", // 中秋节 2026-09-25..2026-09-27 after: 09-29, 09-30, 10-08
            "2026-09-30T10:00, 2026-09-30, 2026-10-10", // 国庆节 2026-10-01..2026-10-07 before: 10-08, 10-09, 10-10 Sat
            "2026-10-01T10:00, 2026-10-08, 2026-10-12", // 国庆节 2026-10-01..2026-10-07 on: 10-09, 10-10 Sat, 10-12
            "2026-10-07T16:00, 2026-10-08, 2026-10-12", // 国庆节 2026-10-01..2026-10-07 last: 10-09, 10-10 Sat, 10-12
            "2026-10-08T10:00, 2026-10-08, 2026-10-12", // 国庆节 2026-10-01..2026-10-07 after: 10-09, 10-10 Sat, 10-12
            "2025-01-25T10:00, 2025-01-26, 2025-02-06", // 春节调休上班 2025-01-26 day before: 01-27, 02-05, 02-06
            "2025-01-26T10:00, 2025-01-26, 2025-02-06", // 春节调休上班 2025-01-26 on: 01-27, 02-05, 02-06
            "2025-01-26T17:30, 2025-01-27, 2025-02-07", // 春节调休上班 2025-01-26 on, after hours: 02-05, 02-06, 02-07
            "2025-01-27T10:00, 2025-01-27, 2025-02-07", // 春节调休上班 2025-01-26 day after: 02-05, 02-06, 02-07
            "2025-02-07T10:00, 2025-02-07, 2025-02-11", // 春节调休上班 2025-02-08 day before: 02-08 Sat, 02-10, 02-11
            "2025-02-08T10:00, 2025-02-08, 2025-02-12", // 春节调休上班 2025-02-08 on: 02-10, 02-11, 02-12
            "2025-02-08T17:30, 2025-02-10, 2025-02-13", // 春节调休上班 2025-02-08 on, after hours: 02-11, 02-12, 02-13
            "2025-02-09T10:00, 2025-02-10, 2025-02-13", // 春节调休上班 2025-02-08 day after: 02-11, 02-12, 02-13
            "2025-04-26T10:00, 2025-04-27, 2025-04-30", // 劳动节调休上班 2025-04-27 day before: 04-28, 04-29, 04-30
            "2025-04-27T10:00, 2025-04-27, 2025-04-30", // 劳动节调休上班 2025-04-27 on: 04-28, 04-29, 04-30
            "2025-04-27T17:30, 2025-04-28, 2025-05-06", // 劳动节调休上班 2025-04-27 on, after hours: 04-29, 04-30, 05-06
            "2025-04-28T10:00, 2025-04-28, 2025-05-06", // 劳动节调休上班 2025-04-27 day after: 04-29, 04-30, 05-06
            "2025-09-27T10:00, 2025-09-28, 2025-10-09", // 国庆节调休上班 2025-09-28 day before: 09-29, 09-30, 10-09
            "2025-09-28T10:00, 2025-09-28, 2025-10-09", // 国庆节调休上班 2025-09-28 on: 09-29, 09-30, 10-09
            "2025-09-28T17:30, 2025-09-29, 2025-10-10", // 国庆节调休上班 2025-09-28 on, after hours: 09-30, 10-09, 10-10
            "2025-09-29T10:00, 2025-09-29, 2025-10-10", // 国庆节调休上班 2025-09-28 day after: 09-30, 10-09, 10-10
            "2025-10-10T10:00, 2025-10-10, 2025-10-14", // 国庆节调休上班 2025-10-11 day before: 10-11 Sat, 10-13, 10-14
            "2025-10-11T10:00, 2025-10-11, 2025-10-15", // 国庆节调休上班 2025-10-11 on: 10-13, 10-14, 10-15
            "2025-10-11T17:30, 2025-10-13, 2025-10-16", // 国庆节调休上班 2025-10-11 on, after hours: 10-14, 10-15, 10-16
            "2025-10-12T10:00, 2025-10-13, 2025-10-16", // 国庆节调休上班 2025-10-11 day after: 10-14, 10-15, 10-16
            "2026-01-03T10:00, 2026-01-04, 2026-01-07", // 元旦调休上班 2026-01-04 day before: 01-05, 01-06, 01-07
            "2026-01-04T10:00, 2026-01-04, 2026-01-07", // 元旦调休上班 2026-01-04 on: 01-05, 01-06, 01-07
            "2026-01-04T17:30, 2026-01-05, 2026-01-08", // 元旦调休上班 2026-01-04 on, after hours: 01-06, 01-07, 01-08
            "2026-01-05T10:00, 2026-01-05, 2026-01-08", // 元旦调休上班 2026-01-04 day after: 01-06, 01-07, 01-08
            "2026-02-13T10:00, 2026-02-13, 2026-02-25", // 春节调休上班 2026-02-14 day before: 02-14 Sat, 02-24, 02-25
            "2026-02-14T10:00, 2026-02-14, 2026-02-26", // 春节调休上班 2026-02-14 on: 02-24, 02-25, 02-26
            "2026-02-14T17:30, 2026-02-24, 2026-02-27", // 春节调休上班 2026-02-14 on, after hours: 02-25, 02-26, 02-27
            "2026-02-15T10:00, 2026-02-24, 2026-02-27", // 春节调休上班 2026-02-14 day after: 02-25, 02-26, 02-27
            "2026-02-27T10:00, 2026-02-27, 2026-03-03", // 春节调休上班 2026-02-28 day before: 02-28 Sat, 03-02, 03-03
            "2026-02-28T10:00, 2026-02-28, 2026-03-04", // 春节调休上班 2026-02-28 on: 03-02, 03-03, 03-04
            "2026-02-28T17:30, 2026-03-02, 2026-03-05", // 春节调休上班 2026-02-28 on, after hours: 03-03, 03-04, 03-05
            "2026-03-01T10:00, 2026-03-02, 2026-03-05", // 春节调休上班 2026-02-28 day after: 03-03, 03-04, 03-05
            "2026-05-08T10:00, 2026-05-08, 2026-05-12", // 劳动节调休上班 2026-05-09 day before: 05-09 Sat, 05-11, 05-12
            "2026-05-09T10:00, 2026-05-09, 2026-05-13", // 劳动节调休上班 2026-05-09 on: 05-11, 05-12, 05-13
            "2026-05-09T17:30, 2026-05-11, 2026-05-14", // 劳动节调休上班 2026-05-09 on, after hours: 05-12, 05-13, 05-14
            "2026-05-10T10:00, 2026-05-11, 2026-05-14", // 劳动节调休上班 2026-05-09 day after: 05-12, 05-13, 05-14
            "2026-09-19T10:00, 2026-09-20, 2026-09-23", // 国庆节调休上班 2026-09-20 day before: 09-21, 09-22, 09-23
            "2026-09-20T10:00, 2026-09-20, 2026-09-23", // 国庆节调休上班 2026-09-20 on: 09-21, 09-22, 09-23
            "2026-09-20T17:30, 2026-09-21, 2026-09-24", // 国庆节调休上班 2026-09-20 on, after hours: 09-22, 09-23, 09-24
            "2026-09-21T10:00, 2026-09-21, 2026-09-24", // 国庆节调休上班 2026-09-20 day after: 09-22, 09-23, 09-24
            "2026-10-09T10:00, 2026-10-09, 2026-10-13", // 国庆节调休上班 2026-10-10 day before: 10-10 Sat, 10-12, 10-13
            "2026-10-10T10:00, 2026-10-10, 2026-10-14", // 国庆节调休上班 2026-10-10 on: 10-12, 10-13, 10-14
            "2026-10-10T17:30, 2026-10-12, 2026-10-15", // 国庆节调休上班 2026-10-10 on, after hours: 10-13, 10-14, 10-15
            "2026-10-11T10:00, 2026-10-12, 2026-10-15", // 国庆节调休上班 2026-10-10 day after: 10-13, 10-14, 10-15
    })
    void aroundEveryHolidayAndMakeUpDay(LocalDateTime posted, LocalDate dayZero, LocalDate dueDay) {
        DueDate due = DEFAULTS.forMessage(at(posted));
        assertEquals(dayZero, due.countFrom(), "day 0");
        assertEquals(endOf(dueDay), due.due(), "due");
        assertEquals(List.of(), due.uncoveredYears().stream().filter(y -> y >= 2025 && y <= 2026).toList());
    }

    /** The rules written as plainly as possible, to check the calculator on every official day. */
    private static final class NaiveCounter {
        final Map<LocalDate, DayKind> kinds = new HashMap<>();

        NaiveCounter(List<OfficialDay> days) {
            days.forEach(d -> kinds.put(d.date(), d.kind()));
        }

        boolean working(LocalDate d) {
            DayKind k = kinds.get(d);
            if (k != null) {
                return k == DayKind.WORKDAY;
            }
            return d.getDayOfWeek().getValue() <= 5;
        }

        LocalDate due(LocalDateTime posted, int n) {
            LocalDate d = posted.toLocalDate();
            if (!(posted.toLocalTime().isBefore(LocalTime.of(17, 0)) && working(d))) {
                do {
                    d = d.plusDays(1);
                } while (!working(d));
            }
            int counted = 0;
            while (counted < n) {
                d = d.plusDays(1);
                if (working(d)) {
                    counted++;
                }
            }
            return d;
        }
    }

    static Stream<Arguments> everyOfficialDayAtFourTimes() {
        List<Arguments> out = new ArrayList<>();
        for (OfficialDay day : DAYS) {
            for (int offset = -1; offset <= 1; offset++) {
                for (LocalTime time : List.of(LocalTime.of(0, 0), LocalTime.of(16, 59), LocalTime.of(17, 0),
                        LocalTime.of(22, 30))) {
                    out.add(Arguments.of(day.date().plusDays(offset).atTime(time), day.name()));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{1}: posted {0}")
    @MethodSource("everyOfficialDayAtFourTimes")
    void normalAndCapDueAgreeWithANaiveCountOnEveryOfficialDay(LocalDateTime posted, String name) {
        NaiveCounter naive = new NaiveCounter(DAYS);
        assertEquals(endOf(naive.due(posted, 3)), DEFAULTS.forMessage(at(posted)).due(), "normal");
        assertEquals(endOf(naive.due(posted, 5)), DEFAULTS.cap(at(posted)).due(), "cap");
        assertEquals(endOf(naive.due(posted, 3)), DEFAULTS.reopened(at(posted)).due(), "reopened");
    }

    @Test
    void everyDayOf2025And2026IsAWorkingDayExactlyWhenTheOfficialListSays() {
        NaiveCounter naive = new NaiveCounter(DAYS);
        int working = 0;
        for (LocalDate d = LocalDate.of(2025, 1, 1); d.getYear() <= 2026; d = d.plusDays(1)) {
            assertEquals(naive.working(d), OFFICIAL.isWorkingDay(d), d.toString());
            working += OFFICIAL.isWorkingDay(d) ? 1 : 0;
        }
        // 2025: 261 weekdays, 18 of them holidays, 5 make-up days; 2026: 261 weekdays, 19 holidays, 6 make-up days.
        assertEquals(248 + 248, working);
        assertEquals(248, count(2025));
        assertEquals(248, count(2026));
    }

    private static int count(int year) {
        int n = 0;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            n += OFFICIAL.isWorkingDay(d) ? 1 : 0;
        }
        return n;
    }

    @ParameterizedTest(name = "posted {0}, due {1}, +{2} → {3} (clamped: {4})")
    @CsvSource({
            // Spring Festival 2026: posted Thu 02-12, due Tue 02-24... counted: 02-13, 02-14 Sat, 02-24; cap 02-26
            "2026-02-12T10:00, 2026-02-24, 1, 2026-02-25, false",
            "2026-02-12T10:00, 2026-02-24, 2, 2026-02-26, false",
            "2026-02-12T10:00, 2026-02-24, 3, 2026-02-26, true",
            // Labour Day 2025 from Tue 04-29: due 05-07 (04-30, 05-06, 05-07); cap 05-09; +1 = 05-08
            "2025-04-29T10:00, 2025-05-07, 1, 2025-05-08, false",
            "2025-04-29T10:00, 2025-05-07, 4, 2025-05-09, true",
            // over New Year 2026 from Mon 12-29: due 12-31... 12-30, 12-31, 01-04 Sun; cap 01-06; +1 = 01-05
            "2025-12-29T10:00, 2026-01-04, 1, 2026-01-05, false",
            "2025-12-29T10:00, 2026-01-04, 2, 2026-01-06, false",
            // Dragon Boat 2026 spans a weekend (Fri..Sun): from Wed 06-17 due 06-23 (06-18, 06-22, 06-23); cap 06-25
            "2026-06-17T10:00, 2026-06-23, 2, 2026-06-25, false",
    })
    void extensionsOverHolidays(LocalDateTime posted, LocalDate currentDue, int extra, LocalDate dueDay,
                                boolean clamped) {
        assertEquals(endOf(currentDue), DEFAULTS.forMessage(at(posted)).due(), "the current due is the normal one");
        DueDate due = DEFAULTS.extendBy(at(posted), endOf(currentDue), extra);
        assertEquals(endOf(dueDay), due.due());
        assertEquals(clamped, due.clamped());
    }

    @ParameterizedTest(name = "reopened {0} → due {1}")
    @CsvSource({
            "2025-01-26T11:00, 2025-02-06", // on a make-up Sunday: 01-27, 02-05, 02-06
            "2025-10-03T09:00, 2025-10-13", // during National Day: received 10-09; 10-10, 10-11 Sat, 10-13
            "2026-06-18T17:00, 2026-06-25", // at 17:00 before Dragon Boat: received 06-22; 06-23, 06-24, 06-25
            "2026-12-31T10:00, 2027-01-05", // into uncovered 2027: 01-01 Fri, 01-04 Mon, 01-05
    })
    void reopenedAroundHolidays(LocalDateTime reopened, LocalDate dueDay) {
        assertEquals(endOf(dueDay), DEFAULTS.reopened(at(reopened)).due());
    }

    @ParameterizedTest(name = "calendar days: posted {0} → due {1}")
    @CsvSource({
            "2025-01-27T10:00, 2025-01-30", // the Spring Festival counts
            "2025-01-26T18:00, 2025-01-30", // after hours on the make-up Sunday: from 01-27
            "2026-12-30T12:00, 2027-01-02", // over the year boundary
            "2026-10-10T16:59, 2026-10-13",
    })
    void calendarDayModeIgnoresTheOfficialCalendar(LocalDateTime posted, LocalDate dueDay) {
        assertEquals(endOf(dueDay), CALENDAR_DAYS.forMessage(at(posted)).due());
    }

    @Test
    void aNewHolidayMovesADueAndRemovingItMovesItBack() {
        // 2030 has no official calendar here: weekends only. Posted Wed 2030-05-01 → due Mon 05-06.
        Instant posted = at(LocalDateTime.parse("2030-05-01T10:00"));
        assertEquals(endOf(LocalDate.parse("2030-05-06")), DEFAULTS.forMessage(posted).due());
        List<OfficialDay> withHoliday = new ArrayList<>(DAYS);
        withHoliday.add(new OfficialDay(LocalDate.parse("2030-05-02"), DayKind.HOLIDAY, "劳动节"));
        withHoliday.add(new OfficialDay(LocalDate.parse("2030-05-03"), DayKind.HOLIDAY, "劳动节"));
        DueDateCalculator changed = new DueDateCalculator(WorkingDayCalendar.of(withHoliday), DeadlinePolicy.defaults());
        DueDate due = changed.forMessage(posted);
        assertEquals(endOf(LocalDate.parse("2030-05-08")), due.due()); // 05-06, 05-07, 05-08
        assertTrue(due.explainZh().contains("05-02至05-05 劳动节休息"), due.explainZh());
        withHoliday.add(new OfficialDay(LocalDate.parse("2030-05-04"), DayKind.WORKDAY, "劳动节调休上班"));
        DueDate withMakeUp = new DueDateCalculator(WorkingDayCalendar.of(withHoliday), DeadlinePolicy.defaults())
                .forMessage(posted);
        assertEquals(endOf(LocalDate.parse("2030-05-07")), withMakeUp.due()); // 05-04 Sat, 05-06, 05-07
        assertFalse(withMakeUp.explainZh().contains("未载入"), withMakeUp.explainZh());
    }
}
