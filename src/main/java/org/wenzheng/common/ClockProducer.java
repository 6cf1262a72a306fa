package org.wenzheng.common;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The application's clock: every "now" comes from an injected {@link Clock}, so that tests can move time instead of
 * waiting for it. Times are stored as instants and shown in Asia/Shanghai.
 */
@ApplicationScoped
public class ClockProducer {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    @ConfigProperty(name = "wz.clock.adjustable", defaultValue = "false")
    boolean adjustable;

    private AdjustableClock clock;

    @PostConstruct
    void init() {
        clock = new AdjustableClock(Clock.system(ZONE), adjustable);
    }

    // Application-scoped, so beans get a (serializable) client proxy: view- and session-scoped beans may hold it.
    @Produces
    @ApplicationScoped
    @Typed(Clock.class)
    Clock clock() {
        return clock;
    }

    /** For tests that move time; in production its advance() refuses. */
    @Produces
    @ApplicationScoped
    @Typed(AdjustableClock.class)
    AdjustableClock adjustableClock() {
        return clock;
    }
}
