package org.wenzheng.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A due instant together with how it was reached, so that a clerk or a citizen can check it by hand.
 *
 * @param due            when the reply is due
 * @param basis          what the clock counted from
 * @param start          the instant counted from: the posting, the slip, the reopening or the previous due
 * @param countFrom      day 0 of the count, the day the start was taken as received
 * @param days           how many days were counted after day 0
 * @param workingDays    whether those were working days (else calendar days)
 * @param restRuns       the rest days skipped between the start day and the due day, as consecutive runs
 * @param makeUpDays     the make-up working days from day 0 to the due day, which counted as working days
 * @param uncoveredYears years of the count with no official calendar loaded, where only weekends were skipped
 * @param uncapped       the due the rule gave before the cap; equal to {@code due} unless {@link #clamped()}
 * @param zone           the zone the days were counted in, and in which explanations show times
 */
public record DueDate(Instant due, Basis basis, Instant start, LocalDate countFrom, int days, boolean workingDays,
                      List<RestRun> restRuns, List<OfficialDay> makeUpDays, List<Integer> uncoveredYears,
                      Instant uncapped, ZoneId zone) {

    /** What a clock counts from. */
    public enum Basis {
        /** The citizen posted the message. */
        MESSAGE,
        /** The forwarding slip (抄告单) of an urgent message was issued. */
        SLIP,
        /** The case was reopened (重办) after an unsatisfied rating. */
        REOPENING,
        /** An extension (延期) added days to the previous due. */
        EXTENSION
    }

    /** Consecutive rest days; {@code names} are the official holidays among them, empty for a plain weekend. */
    public record RestRun(LocalDate first, LocalDate last, List<String> names) {
        public RestRun {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(last, "last");
            names = List.copyOf(names);
        }
    }

    public DueDate {
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(countFrom, "countFrom");
        Objects.requireNonNull(uncapped, "uncapped");
        Objects.requireNonNull(zone, "zone");
        restRuns = List.copyOf(restRuns);
        makeUpDays = List.copyOf(makeUpDays);
        uncoveredYears = List.copyOf(uncoveredYears);
    }

    /** Whether the rule gave a later due than the cap allows, so the cap was used instead. */
    public boolean clamped() {
        return uncapped.isAfter(due);
    }

    /** The due time with the policy zone's offset, as stored in a {@code timestamptz} column. */
    public OffsetDateTime dueAt() {
        return due.atZone(zone).toOffsetDateTime();
    }

    /** E.g. "提交于 2026-09-30 周三 10:00 → 3个工作日 → 10-01至10-07 国庆节休息，10-10 周六调休上班 → 截止 2026-10-10 周六 17:00". */
    public String explainZh() {
        return DueDateText.ZH.explain(this);
    }

    /** The English equivalent of {@link #explainZh()}. */
    public String explainEn() {
        return DueDateText.EN.explain(this);
    }

    /** This (cap) due, remembering the later due that the rule asked for. */
    DueDate clampedFrom(Instant wanted) {
        return new DueDate(due, basis, start, countFrom, days, workingDays, restRuns, makeUpDays, uncoveredYears,
                wanted, zone);
    }
}
