package org.wenzheng.batch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wenzheng.common.ClockProducer;
import org.wenzheng.common.scheduling.Schedulable;
import org.wenzheng.deadline.DeadlineService;

import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * Cuts the daily batch at wz.batch.cutTime (default 16:00, Asia/Shanghai) every working day, through the persistent
 * scheduler. A failed or unfinished run throws, so the scheduler tries again at its next tick; the next run then
 * completes the same batch.
 */
@ApplicationScoped
public class DailyBatchSchedule implements Schedulable {

    @Inject
    @ConfigProperty(name = "wz.batch.cutTime", defaultValue = "16:00")
    String cutTime;

    @Inject
    DeadlineService deadlines;

    @Inject
    DailyBatchJob job;

    @Override
    public String jobName() {
        return DailyBatchJob.JOB;
    }

    @Override
    public OffsetDateTime nextRunAfter(OffsetDateTime after) {
        return new CutSchedule(LocalTime.parse(cutTime.strip()), ClockProducer.ZONE)
                .nextAfter(after, deadlines.calendar());
    }

    @Override
    public String run(OffsetDateTime due) {
        DailyBatchJob.Outcome outcome = job.runAndWait("system", "SYSTEM");
        if (!outcome.completed()) {
            throw new IllegalStateException("daily batch execution " + outcome.executionId() + " ended "
                    + outcome.status() + "; the next run completes it");
        }
        return outcome.nothingToGather() ? "nothing registered, no batch" : "slipped batch " + outcome.batchId();
    }
}
