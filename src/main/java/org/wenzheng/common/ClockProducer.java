package org.wenzheng.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The application's clock: every "now" comes from an injected {@link Clock}, so that tests can move time instead of
 * waiting for it. Times are stored as instants and shown in Asia/Shanghai.
 */
@ApplicationScoped
public class ClockProducer {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.system(ZONE);
    }
}
