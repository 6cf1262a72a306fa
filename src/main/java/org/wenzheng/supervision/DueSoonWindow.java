package org.wenzheng.supervision;

import org.wenzheng.deadline.DeadlinePolicy;
import org.wenzheng.deadline.WorkingDayCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * Which dues are "due soon" at a moment, as ranges of due instants, so that SQL can select them with the due-date
 * index instead of asking the calendar once per case.
 *
 * <p>A due {@code d} (local date {@code D}, time {@code τ}) is due soon from {@code lead} working days before it at the
 * same time of day: from {@code p(D) τ}, where {@code p(D)} is the lead-th working day before {@code D} (what
 * {@code DueDateCalculator.dueSoonFrom} does for one day). That moment has passed at {@code now} (date {@code N},
 * time {@code t}) exactly when {@code p(D) < N}, or {@code p(D) = N} and {@code τ ≤ t}. As {@code p} only grows with
 * {@code D}, the first holds for every {@code d} before {@link #allBefore()}, and the second only for
 * {@code d} in [{@link #allBefore()}, {@link #todayBefore()}) with {@code τ ≤ t}, and only when {@code N} is a working
 * day. In calendar-day mode every day counts as a working day.
 *
 * @param allBefore       every due before this instant is due soon
 * @param todayBefore     dues from {@code allBefore} up to (not including) this instant are due soon when their time of
 *                        day is at or before {@code timeOfDay}
 * @param todayCounts     whether the second range applies at all (the day of {@code now} is a working day)
 * @param timeOfDay       the local time of {@code now}
 */
public record DueSoonWindow(Instant allBefore, Instant todayBefore, boolean todayCounts, LocalTime timeOfDay) {

    /** The window at {@code now} for a lead of {@code leadDays} (≥ 1) working days (days, in calendar-day mode). */
    public static DueSoonWindow at(Instant now, int leadDays, WorkingDayCalendar calendar, DeadlinePolicy policy) {
        if (leadDays < 1) {
            throw new IllegalArgumentException("the lead must be at least one day, was " + leadDays);
        }
        ZonedDateTime local = now.atZone(policy.zone());
        LocalDate today = local.toLocalDate();
        boolean working = !policy.workingDays() || calendar.isWorkingDay(today);
        // The lead-th working day counted from today inclusive, and the lead-th strictly after today.
        LocalDate lastFromToday = policy.workingDays()
                ? calendar.addWorkingDays(today.minusDays(1), leadDays) : today.plusDays(leadDays - 1L);
        LocalDate lastAfterToday = policy.workingDays()
                ? calendar.addWorkingDays(today, leadDays) : today.plusDays(leadDays);
        return new DueSoonWindow(startOf(lastFromToday.plusDays(1), policy), startOf(lastAfterToday.plusDays(1), policy),
                working, local.toLocalTime());
    }

    /** Whether a due is due soon (or past) in this window: the same test the SQL makes. */
    public boolean contains(Instant due, DeadlinePolicy policy) {
        if (due.isBefore(allBefore)) {
            return true;
        }
        return todayCounts && due.isBefore(todayBefore)
                && !due.atZone(policy.zone()).toLocalTime().isAfter(timeOfDay);
    }

    private static Instant startOf(LocalDate day, DeadlinePolicy policy) {
        return day.atStartOfDay(policy.zone()).toInstant();
    }
}
