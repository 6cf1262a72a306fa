package org.wenzheng.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Computes due dates under one {@link DeadlinePolicy} and {@link WorkingDayCalendar}.
 *
 * <p>The counting rule, the same for every clock (message, slip, reopening):
 * <ol>
 *   <li><b>Day 0</b> is the day the start instant is taken as received, in the policy zone: the start's own date if
 *       it is a working day and the start is strictly before {@code endOfWorkingDay}; otherwise (at or after the end
 *       of the working day, or on a weekend or holiday) the next working day. As with any office, something posted
 *       while it is closed is received when it opens. Day 0 is never counted.</li>
 *   <li>The due is at {@code endOfWorkingDay} on the N<sup>th</sup> working day after day 0, so "3 working days" is
 *       "by the end of the third working day after receipt". Make-up working days count; rest days do not.</li>
 *   <li>In calendar-day mode "working day" reads "day" throughout: day 0 is the start's date, or the next day if
 *       the start is at or after {@code endOfWorkingDay}, and the due is at that time N days later.</li>
 * </ol>
 * Urgent clocks and extensions are then clamped to the cap: {@code capDays} counted the same way from the message.
 * A reopened case starts a fresh clock of {@code normalDays} and is not clamped to the first message's cap.
 */
public final class DueDateCalculator {

    private final WorkingDayCalendar calendar;
    private final DeadlinePolicy policy;

    public DueDateCalculator(WorkingDayCalendar calendar, DeadlinePolicy policy) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The normal due: {@code normalDays} from the posting. */
    public DueDate forMessage(Instant postedAt) {
        return count(DueDate.Basis.MESSAGE, postedAt, dayZero(postedAt), policy.normalDays());
    }

    /** The latest due any extension or urgent clock may reach: {@code capDays} from the posting. */
    public DueDate cap(Instant postedAt) {
        return count(DueDate.Basis.MESSAGE, postedAt, dayZero(postedAt), policy.capDays());
    }

    /** An urgent message: {@code urgentDays} from the forwarding slip, but never later than the cap. */
    public DueDate urgent(Instant postedAt, Instant slipAt) {
        if (slipAt.isBefore(postedAt)) {
            throw new IllegalArgumentException("the slip (" + slipAt + ") cannot precede the message (" + postedAt + ")");
        }
        return clamp(postedAt, count(DueDate.Basis.SLIP, slipAt, dayZero(slipAt), policy.urgentDays()));
    }

    /** An extension of {@code extraDays} after the current due day, clamped to the cap; see {@link DueDate#clamped()}. */
    public DueDate extendBy(Instant postedAt, Instant currentDue, int extraDays) {
        if (extraDays <= 0) {
            throw new IllegalArgumentException("an extension needs a positive number of days, was " + extraDays);
        }
        // Day 0 is the current due's own day: its working day is already granted, whatever the hour.
        LocalDate dueDay = currentDue.atZone(policy.zone()).toLocalDate();
        return clamp(postedAt, count(DueDate.Basis.EXTENSION, currentDue, dueDay, extraDays));
    }

    /**
     * An extension to the end of {@code requestedDay}, clamped to the cap. A requested rest day moves to the next
     * working day, as a time limit that ends on a holiday does.
     */
    public DueDate extendTo(Instant postedAt, Instant currentDue, LocalDate requestedDay) {
        LocalDate dueDay = currentDue.atZone(policy.zone()).toLocalDate();
        LocalDate target = policy.workingDays() && !calendar.isWorkingDay(requestedDay)
                ? calendar.nextWorkingDay(requestedDay) : requestedDay;
        if (!target.isAfter(dueDay)) {
            throw new IllegalArgumentException("the requested day " + requestedDay
                    + " is not after the current due day " + dueDay);
        }
        int extraDays = policy.workingDays()
                ? calendar.workingDaysBetween(dueDay, target)
                : (int) ChronoUnit.DAYS.between(dueDay, target);
        return extendBy(postedAt, currentDue, extraDays);
    }

    /** A case handled again (重办): a fresh {@code normalDays} clock from the reopening. */
    public DueDate reopened(Instant reopenedAt) {
        return count(DueDate.Basis.REOPENING, reopenedAt, dayZero(reopenedAt), policy.normalDays());
    }

    /**
     * From when a due counts as "due soon": one working day (or, in calendar-day mode, one day) before it, at the
     * same time of day, so that "less than one working day left" holds from this instant until the due.
     */
    public Instant dueSoonFrom(Instant due) {
        ZonedDateTime local = due.atZone(policy.zone());
        LocalDate day = policy.workingDays() ? calendar.previousWorkingDay(local.toLocalDate())
                : local.toLocalDate().minusDays(1);
        return day.atTime(local.toLocalTime()).atZone(policy.zone()).toInstant();
    }

    /** Where a due stands at {@code now}; {@code answered} is whether the unit gave a reply or an explanation. */
    public DeadlineState state(Instant due, Instant now, boolean answered) {
        if (now.isAfter(due)) {
            return answered ? DeadlineState.OVERDUE : DeadlineState.OVERDUE_UNANSWERED;
        }
        return now.isBefore(dueSoonFrom(due)) ? DeadlineState.ON_TIME : DeadlineState.DUE_SOON;
    }

    private DueDate clamp(Instant postedAt, DueDate wanted) {
        DueDate cap = cap(postedAt);
        return wanted.due().isAfter(cap.due()) ? cap.clampedFrom(wanted.due()) : wanted;
    }

    private LocalDate dayZero(Instant start) {
        ZonedDateTime local = start.atZone(policy.zone());
        LocalDate day = local.toLocalDate();
        boolean inHours = local.toLocalTime().isBefore(policy.endOfWorkingDay());
        if (!policy.workingDays()) {
            return inHours ? day : day.plusDays(1);
        }
        return inHours && calendar.isWorkingDay(day) ? day : calendar.nextWorkingDay(day);
    }

    private DueDate count(DueDate.Basis basis, Instant start, LocalDate dayZero, int days) {
        LocalDate dueDay = policy.workingDays() ? calendar.addWorkingDays(dayZero, days) : dayZero.plusDays(days);
        Instant due = dueDay.atTime(policy.endOfWorkingDay()).atZone(policy.zone()).toInstant();
        List<DueDate.RestRun> restRuns = new ArrayList<>();
        List<OfficialDay> makeUpDays = new ArrayList<>();
        List<Integer> uncoveredYears = new ArrayList<>();
        if (policy.workingDays()) {
            LocalDate startDay = start.atZone(policy.zone()).toLocalDate();
            walk(startDay, dayZero, dueDay, restRuns, makeUpDays);
            for (int year = startDay.getYear(); year <= dueDay.getYear(); year++) {
                if (!calendar.coversYear(year)) {
                    uncoveredYears.add(year);
                }
            }
        }
        return new DueDate(due, basis, start, dayZero, days, policy.workingDays(), restRuns, makeUpDays,
                uncoveredYears, due, policy.zone());
    }

    /** Collects rest runs from the start day, and make-up days from day 0, up to the (working) due day. */
    private void walk(LocalDate startDay, LocalDate dayZero, LocalDate dueDay,
                      List<DueDate.RestRun> restRuns, List<OfficialDay> makeUpDays) {
        LocalDate runStart = null;
        Set<String> runNames = new LinkedHashSet<>();
        for (LocalDate day = startDay; !day.isAfter(dueDay); day = day.plusDays(1)) {
            OfficialDay exception = calendar.exceptionOn(day).orElse(null);
            if (!calendar.isWorkingDay(day)) {
                runStart = runStart == null ? day : runStart;
                if (exception != null) {
                    runNames.add(exception.name());
                }
                continue;
            }
            if (runStart != null) {
                restRuns.add(new DueDate.RestRun(runStart, day.minusDays(1), List.copyOf(runNames)));
                runStart = null;
                runNames.clear();
            }
            if (exception != null && !day.isBefore(dayZero)) {
                makeUpDays.add(exception);
            }
        }
    }
}
