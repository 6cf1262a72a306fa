package org.wenzheng.deadline;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.wenzheng.intake.Severity;

/**
 * Everything the administrator sets on the deadline policy page: the counting policy, how soon a 重大 (MAJOR) or
 * 特别重大 (EXTRAORDINARY) message must get a first response (lower grades have no first-response limit), and how many
 * working days (calendar days in calendar-day mode) before its due a case's unit is reminded (催办).
 */
public record DeadlineSettings(DeadlinePolicy policy, Duration majorFirstResponse,
                               Duration extraordinaryFirstResponse, int reminderLeadDays) {

    /** 重大: within 2 hours; 特别重大: within 1 hour. */
    public static final Duration DEFAULT_MAJOR = Duration.ofHours(2);
    public static final Duration DEFAULT_EXTRAORDINARY = Duration.ofHours(1);
    /** Reminded when less than one working day is left: the same moment a case becomes "due soon". */
    public static final int DEFAULT_REMINDER_LEAD = 1;

    public DeadlineSettings {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(majorFirstResponse, "majorFirstResponse");
        Objects.requireNonNull(extraordinaryFirstResponse, "extraordinaryFirstResponse");
        if (reminderLeadDays < 1) {
            throw new IllegalArgumentException("the reminder lead must be at least one day, was " + reminderLeadDays);
        }
    }

    public static DeadlineSettings defaults() {
        return new DeadlineSettings(DeadlinePolicy.defaults(), DEFAULT_MAJOR, DEFAULT_EXTRAORDINARY,
                DEFAULT_REMINDER_LEAD);
    }

    /** The first-response limit of a grade; empty for 一般 and 较大, which have none. */
    public Optional<Duration> firstResponseLimit(Severity severity) {
        return switch (Objects.requireNonNull(severity, "severity")) {
            case MAJOR -> Optional.of(majorFirstResponse);
            case EXTRAORDINARY -> Optional.of(extraordinaryFirstResponse);
            case ORDINARY, SIGNIFICANT -> Optional.empty();
        };
    }
}
