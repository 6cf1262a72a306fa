package org.wenzheng.deadline;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.wenzheng.intake.Severity;

/**
 * Everything the administrator sets on the deadline policy page: the counting policy, and how soon a 重大 (MAJOR) or
 * 特别重大 (EXTRAORDINARY) message must get a first response. Lower grades have no first-response limit.
 */
public record DeadlineSettings(DeadlinePolicy policy, Duration majorFirstResponse,
                               Duration extraordinaryFirstResponse) {

    /** 重大: within 2 hours; 特别重大: within 1 hour. */
    public static final Duration DEFAULT_MAJOR = Duration.ofHours(2);
    public static final Duration DEFAULT_EXTRAORDINARY = Duration.ofHours(1);

    public DeadlineSettings {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(majorFirstResponse, "majorFirstResponse");
        Objects.requireNonNull(extraordinaryFirstResponse, "extraordinaryFirstResponse");
    }

    public static DeadlineSettings defaults() {
        return new DeadlineSettings(DeadlinePolicy.defaults(), DEFAULT_MAJOR, DEFAULT_EXTRAORDINARY);
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
