package org.wenzheng.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A year as a wall calendar: twelve month grids of Monday-first weeks, each day marked as a working day or not, with
 * its official holiday or make-up working day, and the list of the year's exceptions.
 *
 * @param fingerprint identifies the year's exceptions as read ({@link CalendarImport#fingerprint})
 */
public record CalendarYear(int year, List<Month> months, List<OfficialDay> exceptions, String fingerprint,
                           boolean covered) {

    /** One month: its weeks, each seven cells from Monday; a cell outside the month has no date. */
    public record Month(int month, List<List<Cell>> weeks) {
    }

    /** One day of the grid. */
    public record Cell(LocalDate date, boolean weekend, boolean working, DayKind kind, String name) {
        public boolean isBlank() {
            return date == null;
        }

        public boolean isHoliday() {
            return kind == DayKind.HOLIDAY;
        }

        public boolean isMakeUp() {
            return kind == DayKind.WORKDAY;
        }

        public int getDay() {
            return date == null ? 0 : date.getDayOfMonth();
        }
    }

    public long holidayCount() {
        return exceptions.stream().filter(d -> d.kind() == DayKind.HOLIDAY).count();
    }

    public long makeUpCount() {
        return exceptions.stream().filter(d -> d.kind() == DayKind.WORKDAY).count();
    }

    public static CalendarYear of(int year, Collection<OfficialDay> allExceptions) {
        List<OfficialDay> exceptions = allExceptions.stream().filter(d -> d.date().getYear() == year)
                .sorted(Comparator.comparing(OfficialDay::date)).toList();
        Map<LocalDate, OfficialDay> byDate = exceptions.stream()
                .collect(Collectors.toMap(OfficialDay::date, Function.identity()));
        List<Month> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth ym = YearMonth.of(year, m);
            List<List<Cell>> weeks = new ArrayList<>();
            List<Cell> week = new ArrayList<>();
            int lead = ym.atDay(1).getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
            for (int i = 0; i < lead; i++) {
                week.add(new Cell(null, false, false, null, null));
            }
            for (int d = 1; d <= ym.lengthOfMonth(); d++) {
                LocalDate date = ym.atDay(d);
                OfficialDay ex = byDate.get(date);
                boolean weekend = CalendarImport.isWeekend(date);
                boolean working = ex == null ? !weekend : ex.kind() == DayKind.WORKDAY;
                week.add(new Cell(date, weekend, working, ex == null ? null : ex.kind(), ex == null ? null : ex.name()));
                if (week.size() == 7) {
                    weeks.add(week);
                    week = new ArrayList<>();
                }
            }
            if (!week.isEmpty()) {
                while (week.size() < 7) {
                    week.add(new Cell(null, false, false, null, null));
                }
                weeks.add(week);
            }
            months.add(new Month(m, weeks.stream().map(List::copyOf).toList()));
        }
        return new CalendarYear(year, List.copyOf(months), exceptions, CalendarImport.fingerprint(year, exceptions),
                !exceptions.isEmpty());
    }
}
