package org.wenzheng.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wenzheng.common.scheduling.Schedulable;

import java.time.Clock;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * Every night at 03:30 (Asia/Shanghai), erases the contact data that {@link RetentionRule} with
 * {@code privacy.contact-retention-months} (default 24) no longer allows keeping. Safe to repeat: erased messages are
 * not looked at again.
 */
@ApplicationScoped
public class ContactRetentionJob implements Schedulable {

    public static final String JOB = "contact-retention";
    static final LocalTime AT = LocalTime.of(3, 30);
    private static final int CHUNK = 500;

    @Inject
    @ConfigProperty(name = "privacy.contact-retention-months", defaultValue = "24")
    int months;

    @Inject
    ContactRetention retention;

    @Inject
    Clock clock;

    @Override
    public String jobName() {
        return JOB;
    }

    @Override
    public OffsetDateTime nextRunAfter(OffsetDateTime after) {
        return Schedulable.dailyAt(AT, after);
    }

    @Override
    public String run(OffsetDateTime due) {
        return "erased the contact data of " + eraseNow() + " messages";
    }

    /** Erases everything due now; returns how many messages lost their contact data. */
    public int eraseNow() {
        RetentionRule rule = new RetentionRule(months);
        OffsetDateTime now = OffsetDateTime.now(clock);
        int erased = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            ContactRetention.Chunk c = retention.eraseChunk(rule, now, after, CHUNK);
            erased += c.erased();
            if (c.seen() < CHUNK) {
                return erased;
            }
            after = c.lastId();
        }
    }
}
