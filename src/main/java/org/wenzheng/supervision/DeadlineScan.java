package org.wenzheng.supervision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wenzheng.common.scheduling.Schedulable;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * The deadline scan (job {@code deadline-scan}, every wz.supervision.scanMinutes, default 1): records deadline
 * states, reminds units of cases falling due, alerts the leaders about major cases without a first response, and
 * marks notices answered by a reply. It looks at everything not yet done, not only at what fell due since the last
 * run, so a missed run or a restart is caught up at the next one; see {@link DeadlineScanSteps} for why nothing is
 * done twice.
 */
@ApplicationScoped
// Outside the caller's transaction (the scheduler's tick may hold one with another job's resources): each step
// below is a transaction of its own, and the settings are plain reads.
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class DeadlineScan implements Schedulable {

    public static final String JOB = "deadline-scan";
    /** Cases per transaction: big enough to be set-based, small enough not to hold locks long. */
    static final int STATE_CHUNK = 10_000;
    static final int MAIL_CHUNK = 2_000;

    @Inject
    DeadlineScanSteps steps;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "wz.supervision.scanMinutes", defaultValue = "1")
    int scanMinutes;

    /** When set, the interval in seconds instead of minutes: for tests that watch real instances run the scan. */
    @Inject
    @ConfigProperty(name = "wz.supervision.scanSeconds")
    Optional<Integer> scanSeconds;

    /** What one scan did. */
    public record Result(int stateChanges, int reminders, int alerts, int noticesAnswered, long millis,
                         long stateMillis, long reminderMillis) {
        @Override
        public String toString() {
            return "states " + stateChanges + " (" + stateMillis + " ms), reminders " + reminders + " ("
                    + reminderMillis + " ms), alerts " + alerts + ", notices answered " + noticesAnswered + " in "
                    + millis + " ms";
        }
    }

    @Override
    public String jobName() {
        return JOB;
    }

    @Override
    public OffsetDateTime nextRunAfter(OffsetDateTime after) {
        return scanSeconds.filter(s -> s > 0).map(after::plusSeconds)
                .orElseGet(() -> after.plusMinutes(Math.max(1, scanMinutes)));
    }

    @Override
    public String run(OffsetDateTime due) {
        return scan().toString();
    }

    /** One full scan at the clock's now. Safe to call concurrently and repeatedly. */
    public Result scan() {
        long start = System.nanoTime();
        OffsetDateTime now = OffsetDateTime.now(clock);
        DeadlineScanSteps.Plan plan = steps.plan(now);
        int changed = chunks(STATE_CHUNK, () -> steps.recordStates(now, plan.states(), plan.zone(), STATE_CHUNK));
        long statesDone = System.nanoTime();
        int reminded = chunks(MAIL_CHUNK, () -> steps.remind(now, plan.reminders(), plan.zone(), MAIL_CHUNK));
        long remindersDone = System.nanoTime();
        int alerted = chunks(MAIL_CHUNK, () -> steps.alertFirstResponse(now, plan.major(), plan.extraordinary(),
                MAIL_CHUNK));
        int answered = steps.linkReplies(now);
        long end = System.nanoTime();
        return new Result(changed, reminded, alerted, answered, (end - start) / 1_000_000,
                (statesDone - start) / 1_000_000, (remindersDone - statesDone) / 1_000_000);
    }

    private static int chunks(int size, IntSupplier step) {
        int total = 0;
        int n;
        do {
            n = step.getAsInt();
            total += n;
        } while (n >= size);
        return total;
    }
}
