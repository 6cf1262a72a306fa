package org.wenzheng.common.scheduling;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wenzheng.common.DatabaseMigrator;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs every {@link Schedulable} bean from a tick every wz.scheduler.tickSeconds (default 10). The schedule lives in
 * the database (see {@link JobLeases}), so it survives restarts, catches up on what was missed while the server was
 * down (one run, then back on schedule), and runs each job once however many instances share the database.
 * wz.scheduler.instance names this instance in the lease and run records (a random suffix keeps names unique);
 * wz.scheduler.jobs, when set, limits this instance to the listed jobs (for example to keep heavy work on one).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class JobScheduler {

    private static final Logger LOG = Logger.getLogger(JobScheduler.class.getName());

    /** This instance's name in lease and run records. */
    String owner;

    @Inject
    @ConfigProperty(name = "wz.scheduler.instance", defaultValue = "instance")
    String instanceName;

    // A comma-separated string: an EJB's injected Optional<List<String>> is not supported by Payara.
    @Inject
    @ConfigProperty(name = "wz.scheduler.jobs")
    Optional<String> onlyJobs;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    Instance<Schedulable> jobs;

    @Inject
    JobLeases leases;

    @Inject
    DatabaseMigrator migrator;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "wz.scheduler.tickSeconds", defaultValue = "10")
    int tickSeconds;

    @Inject
    @ConfigProperty(name = "wz.scheduler.leaseMinutes", defaultValue = "10")
    int leaseMinutes;

    @Inject
    @ConfigProperty(name = "wz.scheduler.enabled", defaultValue = "true")
    boolean enabled;

    private ScheduledFuture<?> ticker;

    @PostConstruct
    void start() {
        String name = instanceName.strip();
        owner = (name.length() > 60 ? name.substring(0, 60) : name) + "-" + UUID.randomUUID();
        if (!enabled || migrator.problem() != null) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Schedulable job : jobs) {
            if (!runsHere(job)) {
                continue;
            }
            leases.register(job.jobName(), job.nextRunAfter(now));
        }
        ticker = executor.scheduleWithFixedDelay(this::tickSafely, tickSeconds, tickSeconds, TimeUnit.SECONDS);
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Scheduler tick failed; the next tick tries again", e);
        }
    }

    /** Runs every job that is due now and not leased elsewhere; returns how many ran. Also called by tests. */
    public int tick() {
        int ran = 0;
        for (Schedulable job : jobs) {
            if (runsHere(job) && runIfDue(job)) {
                ran++;
            }
        }
        return ran;
    }

    private boolean runsHere(Schedulable job) {
        return onlyJobs.filter(names -> !names.isBlank())
                .map(names -> List.of(names.split(",")).stream().anyMatch(n -> n.strip().equals(job.jobName())))
                .orElse(true);
    }

    private boolean runIfDue(Schedulable job) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        var due = leases.claim(job.jobName(), owner, now, Duration.ofMinutes(leaseMinutes));
        if (due.isEmpty()) {
            return false;
        }
        try {
            String outcome = job.run(due.get());
            OffsetDateTime finished = OffsetDateTime.now(clock);
            // After a long outage, the next run is the next one in the future, not every one that was missed.
            leases.release(job.jobName(), owner, finished, job.nextRunAfter(finished), outcome);
            LOG.fine(() -> job.jobName() + ": " + outcome);
        } catch (RuntimeException e) {
            leases.fail(job.jobName(), owner, OffsetDateTime.now(clock), "failed: " + e);
            LOG.log(Level.WARNING, "Scheduled job " + job.jobName() + " failed; it will be tried again", e);
        }
        return true;
    }

    @PreDestroy
    void stop() {
        if (ticker != null) {
            ticker.cancel(false);
        }
    }
}
