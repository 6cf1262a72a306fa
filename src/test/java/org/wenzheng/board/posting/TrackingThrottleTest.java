package org.wenzheng.board.posting;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TrackingThrottleTest {

    private Instant now = Instant.parse("2026-03-02T02:00:00Z");

    private TrackingThrottle throttle() {
        TrackingThrottle t = new TrackingThrottle();
        t.clock = new Clock() {
            @Override
            public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override
            public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override
            public Instant instant() { return now; }
        };
        return t;
    }

    @Test
    void tenWrongCodesInTenMinutesBlockThatClientUntilTheFirstLeavesTheWindow() {
        TrackingThrottle t = throttle();
        Instant first = now;
        for (int i = 0; i < 9; i++) {
            t.recordFailure("a");
            now = now.plusSeconds(30);
        }
        assertEquals(Optional.empty(), t.blockedUntil("a"), "nine wrong codes are still allowed");
        t.recordFailure("a");
        assertEquals(Optional.of(first.plus(Duration.ofMinutes(10))), t.blockedUntil("a"));
        assertEquals(Optional.empty(), t.blockedUntil("b"), "other clients are not affected");

        now = first.plus(Duration.ofMinutes(10));
        assertEquals(Optional.empty(), t.blockedUntil("a"), "the oldest failure has left the window");
    }

    @Test
    void failuresSpreadOverMoreThanTenMinutesNeverBlock() {
        TrackingThrottle t = throttle();
        for (int i = 0; i < 30; i++) {
            t.recordFailure("slow");
            now = now.plus(Duration.ofMinutes(2));
            assertEquals(Optional.empty(), t.blockedUntil("slow"));
        }
    }
}
