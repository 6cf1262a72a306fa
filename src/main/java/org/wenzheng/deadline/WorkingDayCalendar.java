package org.wenzheng.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which days are working days: Monday to Friday, except official holidays, plus official make-up working days
 * on weekends. A year with at least one official day is taken as covered; any other year falls back to the plain
 * weekend rule, which {@link #coversYear(int)} lets callers flag.
 */
public final class WorkingDayCalendar {

    private final Map<LocalDate, OfficialDay> exceptions;
    private final SortedSet<Integer> years;

    private WorkingDayCalendar(Map<LocalDate, OfficialDay> exceptions, SortedSet<Integer> years) {
        this.exceptions = exceptions;
        this.years = years;
    }

    /**
     * @throws IllegalArgumentException if a date is listed twice or a make-up working day is not on a weekend
     *                                  (both are mistakes in the data, and would make the count ambiguous)
     */
    public static WorkingDayCalendar of(Collection<OfficialDay> days) {
        Map<LocalDate, OfficialDay> byDate = new HashMap<>();
        SortedSet<Integer> years = new TreeSet<>();
        for (OfficialDay day : days) {
            if (day.kind() == DayKind.WORKDAY && !isWeekend(day.date())) {
                throw new IllegalArgumentException("make-up working day " + day.date() + " is a " + day.date().getDayOfWeek()
                        + "; make-up working days fall on weekends");
            }
            if (byDate.putIfAbsent(day.date(), day) != null) {
                throw new IllegalArgumentException(day.date() + " is listed twice in the calendar");
            }
            years.add(day.date().getYear());
        }
        return new WorkingDayCalendar(Map.copyOf(byDate), Collections.unmodifiableSortedSet(years));
    }

    public boolean isWorkingDay(LocalDate day) {
        OfficialDay exception = exceptions.get(day);
        return exception == null ? !isWeekend(day) : exception.kind() == DayKind.WORKDAY;
    }

    /** The official holiday or make-up working day on this date, with its name. */
    public Optional<OfficialDay> exceptionOn(LocalDate day) {
        return Optional.ofNullable(exceptions.get(day));
    }

    public boolean coversYear(int year) {
        return years.contains(year);
    }

    /** The covered years, ascending. */
    public SortedSet<Integer> coveredYears() {
        return years;
    }

    /** The first working day strictly after {@code day}. */
    public LocalDate nextWorkingDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    /** The last working day strictly before {@code day}. */
    public LocalDate previousWorkingDay(LocalDate day) {
        LocalDate previous = day.minusDays(1);
        while (!isWorkingDay(previous)) {
            previous = previous.minusDays(1);
        }
        return previous;
    }

    /** The {@code n}th working day after {@code from} ({@code from} itself not counted); {@code from} when n is 0. */
    public LocalDate addWorkingDays(LocalDate from, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("cannot add a negative number of working days: " + n);
        }
        LocalDate day = from;
        for (int i = 0; i < n; i++) {
            day = nextWorkingDay(day);
        }
        return day;
    }

    /**
     * Working days in {@code (from, to]}, so that {@code addWorkingDays(from, workingDaysBetween(from, to))} is
     * {@code to} for a working day {@code to}; negative when {@code to} is before {@code from}.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    private static boolean isWeekend(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }
}
