package org.wenzheng.common.mail;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How long to wait after each failed attempt: quickly at first (a mail server restart), then less often, for about
 * a day in all; after that the mail is marked FAILED and shows so on the object it was about.
 */
public record RetrySchedule(List<Duration> delays) {

    public static final RetrySchedule DEFAULT = new RetrySchedule(List.of(
            Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(30),
            Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(8)));

    public RetrySchedule {
        delays = List.copyOf(delays);
    }

    /** The wait after the given number of failed attempts (1 = the first failure), or empty when it is time to give up. */
    public Optional<Duration> delayAfter(int failedAttempts) {
        return failedAttempts >= 1 && failedAttempts <= delays.size()
                ? Optional.of(delays.get(failedAttempts - 1)) : Optional.empty();
    }
}
