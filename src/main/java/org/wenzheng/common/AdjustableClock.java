package org.wenzheng.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The application's clock: the system clock, shifted by an offset that only a test deployment
 * (wz.clock.adjustable=true) may change. Tests move time forward instead of sleeping.
 */
public class AdjustableClock extends Clock {

    private final Clock base;
    private final boolean adjustable;
    // Not final: the CDI proxy of this class must be able to override every method.
    private volatile Duration offset = Duration.ZERO;

    /** For the CDI client proxy only. */
    protected AdjustableClock() {
        this(Clock.systemUTC(), false);
    }

    AdjustableClock(Clock base, boolean adjustable) {
        this.base = base;
        this.adjustable = adjustable;
    }

    /** Moves this application's time forward (or back); refused unless the deployment allows it. */
    public void advance(Duration by) {
        if (!adjustable) {
            throw new IllegalStateException("The clock can only be moved in a test deployment (wz.clock.adjustable)");
        }
        offset = offset.plus(by);
    }

    /** Back to real time. */
    public void reset() {
        if (adjustable) {
            offset = Duration.ZERO;
        }
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(base.withZone(zone), offset);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }
}
