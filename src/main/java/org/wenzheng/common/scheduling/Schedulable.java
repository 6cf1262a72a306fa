package org.wenzheng.common.scheduling;

import org.wenzheng.common.ClockProducer;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/**
 * A piece of scheduled work. Implementations are CDI beans; the {@link JobScheduler} finds them all. A run must be
 * safe to repeat (a crash mid-run means the job runs again after its lease expires).
 */
public interface Schedulable {

    /** Stable name, the key of its row in scheduled_job. */
    String jobName();

    /** When the job should next run, strictly after {@code after}. */
    OffsetDateTime nextRunAfter(OffsetDateTime after);

    /** Does the work that was due at {@code due}; returns a short outcome for the record. */
    String run(OffsetDateTime due);

    /** The next {@code at} (Asia/Shanghai) strictly after {@code after}: for jobs that run once a night. */
    static OffsetDateTime dailyAt(LocalTime at, OffsetDateTime after) {
        ZonedDateTime local = after.atZoneSameInstant(ClockProducer.ZONE);
        ZonedDateTime next = local.toLocalDate().atTime(at).atZone(ClockProducer.ZONE);
        return (next.isAfter(local) ? next : next.plusDays(1)).toOffsetDateTime();
    }
}
