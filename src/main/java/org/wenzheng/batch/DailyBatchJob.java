package org.wenzheng.batch;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;

/**
 * Starts the Jakarta Batch job "daily-batch" (META-INF/batch-jobs/daily-batch.xml) and waits for it, bounded by
 * wz.batch.waitSeconds (default 300). Used by the schedule and by the start button; both always start a new
 * execution, which completes whatever an earlier, failed one left (see {@link BatchStore}).
 */
@ApplicationScoped
public class DailyBatchJob {

    public static final String JOB = "daily-batch";

    private static final Set<jakarta.batch.runtime.BatchStatus> FINISHED = EnumSet.of(
            jakarta.batch.runtime.BatchStatus.COMPLETED, jakarta.batch.runtime.BatchStatus.FAILED,
            jakarta.batch.runtime.BatchStatus.STOPPED, jakarta.batch.runtime.BatchStatus.ABANDONED);

    @Inject
    @ConfigProperty(name = "wz.batch.chunkSize", defaultValue = "1000")
    int chunkSize;

    @Inject
    @ConfigProperty(name = "wz.batch.waitSeconds", defaultValue = "300")
    int waitSeconds;

    /** How a run ended: the batch it slipped, or none because nothing was registered, or not completed. */
    public record Outcome(long executionId, jakarta.batch.runtime.BatchStatus status, String exitStatus, Long batchId) {

        public boolean completed() {
            return status == jakarta.batch.runtime.BatchStatus.COMPLETED;
        }

        /** Completed without a batch: there was nothing registered to gather. */
        public boolean nothingToGather() {
            return completed() && batchId == null;
        }
    }

    /** The job parameters of a run started by {@code actor} (user name, or "system") in {@code actorRole}. */
    public Properties parameters(String actor, String actorRole) {
        Properties p = new Properties();
        p.setProperty("actor", actor);
        p.setProperty("actorRole", actorRole);
        p.setProperty("chunkSize", String.valueOf(chunkSize));
        return p;
    }

    public Outcome runAndWait(String actor, String actorRole) {
        JobOperator operator = BatchRuntime.getJobOperator();
        return await(operator.start(JOB, parameters(actor, actorRole)));
    }

    /** Waits for the execution to finish, at most wz.batch.waitSeconds. */
    public Outcome await(long executionId) {
        JobOperator operator = BatchRuntime.getJobOperator();
        long deadline = System.nanoTime() + Duration.ofSeconds(waitSeconds).toNanos();
        JobExecution execution = operator.getJobExecution(executionId);
        while (!FINISHED.contains(execution.getBatchStatus()) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            execution = operator.getJobExecution(executionId);
        }
        String exit = execution.getExitStatus();
        Long batchId = exit != null && exit.startsWith(BatchCloseStep.SLIPPED)
                ? Long.valueOf(exit.substring(BatchCloseStep.SLIPPED.length()).strip()) : null;
        return new Outcome(executionId, execution.getBatchStatus(), exit, batchId);
    }
}
