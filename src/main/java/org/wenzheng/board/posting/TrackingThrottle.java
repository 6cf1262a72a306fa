package org.wenzheng.board.posting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing of tracking codes: after {@value #MAX_FAILURES} wrong codes from one client within
 * {@link #WINDOW}, that client is refused until the oldest failure leaves the window. Kept in memory on purpose: it
 * is lost on restart and counted per instance, which is acceptable because a code has about 60 random bits and the
 * limit only has to make guessing hopeless, not impossible to reset. Clients are keyed by a hash, never the raw IP.
 */
@ApplicationScoped
public class TrackingThrottle {

    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(10);
    private static final int MAX_CLIENTS = 100_000;

    @Inject
    Clock clock;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    /** When the client may try again, or empty if it may try now. */
    public Optional<Instant> blockedUntil(String clientKey) {
        Deque<Instant> times = failures.get(clientKey);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            Instant now = clock.instant();
            prune(times, now);
            return times.size() >= MAX_FAILURES ? Optional.of(times.peekFirst().plus(WINDOW)) : Optional.empty();
        }
    }

    public void recordFailure(String clientKey) {
        if (failures.size() > MAX_CLIENTS) {
            // A flood of distinct clients: forget the quiet ones rather than grow without bound.
            Instant now = clock.instant();
            failures.values().removeIf(d -> {
                synchronized (d) {
                    prune(d, now);
                    return d.isEmpty();
                }
            });
        }
        Deque<Instant> times = failures.computeIfAbsent(clientKey, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(clock.instant());
            while (times.size() > MAX_FAILURES) {
                times.removeFirst();
            }
        }
    }

    private static void prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) {
            times.removeFirst();
        }
    }
}
