package org.wenzheng.common.scheduling;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** A job for SchedulerIT only: due at the top of every hour; fails when told to (its runs are counted in scheduled_job). */
@ApplicationScoped
public class HourlyTestJob implements Schedulable {

    /** A JVM-wide switch: the test and the scheduler need not share this bean's instance. */
    static final String FAIL_NEXT = "wz.test.hourlyJob.failNext";

    @Override
    public String jobName() {
        return "test-hourly";
    }

    @Override
    public OffsetDateTime nextRunAfter(OffsetDateTime after) {
        return after.truncatedTo(ChronoUnit.HOURS).plusHours(1);
    }

    @Override
    public String run(OffsetDateTime due) {
        if (Boolean.parseBoolean(System.clearProperty(FAIL_NEXT))) {
            throw new IllegalStateException("planned failure");
        }
        return "ran for " + due;
    }
}
