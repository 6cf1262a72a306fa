package org.wenzheng.common.scheduling;

import java.time.OffsetDateTime;

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
}
