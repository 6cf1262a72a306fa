package org.wenzheng.common.scheduling;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wenzheng.common.AdjustableClock;
import org.wenzheng.testsupport.Deployments;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The persistent scheduler on real PostgreSQL with a clock the test moves: a job runs when due and not before,
 * once after a long outage, once when several instances race for it, again after a crashed run's lease expires,
 * and again after a failed run.
 */
@ExtendWith(ArquillianExtension.class)
class SchedulerIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.application().addClass(HourlyTestJob.class);
    }

    @Inject
    JobScheduler scheduler;

    @Inject
    JobLeases leases;

    @Inject
    HourlyTestJob job;

    @Inject
    AdjustableClock clock;

    @PersistenceContext
    EntityManager em;

    @Resource
    ManagedExecutorService executor;

    @BeforeEach
    void dueNextHour() {
        // Whatever earlier tests did, the job is next due at the coming top of the hour and nobody holds it.
        leasesReset(job.nextRunAfter(OffsetDateTime.now(clock)));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aJobRunsWhenDueAndNotBefore() {
        long before = runs();
        scheduler.tick();
        assertEquals(before, runs(), "not due yet");
        clock.advance(Duration.ofMinutes(61));
        OffsetDateTime slot = nextRunAt();
        long logged0 = lastRunLogId();
        scheduler.tick();
        assertEquals(before + 1, runs());
        scheduler.tick();
        assertEquals(before + 1, runs(), "once per due time");
        assertTrue(nextRunAt().isAfter(OffsetDateTime.now(clock)));
        // The run log has the slot once, with this instance's name, its end and its outcome.
        Object[] logged = (Object[]) em.createNativeQuery("select count(*), min(owner), min(outcome),"
                        + " count(finished_at) from scheduled_job_run where job_name = ?1 and due_at = ?2 and id > ?3")
                .setParameter(1, job.jobName()).setParameter(2, slot).setParameter(3, logged0).getSingleResult();
        assertEquals(1L, ((Number) logged[0]).longValue());
        assertTrue(((String) logged[1]).startsWith("instance-"), (String) logged[1]);
        assertTrue(logged[2] != null && !((String) logged[2]).isBlank());
        assertEquals(1L, ((Number) logged[3]).longValue());
    }

    @Test
    void afterAnOutageItCatchesUpOnceThenGoesBackToSchedule() {
        long before = runs();
        clock.advance(Duration.ofHours(5).plusMinutes(1));
        scheduler.tick();
        scheduler.tick();
        assertEquals(before + 1, runs(), () -> "five missed hours give one catch-up run, not five " + state());
        assertTrue(nextRunAt().isAfter(OffsetDateTime.now(clock)));
    }

    @Test
    void racingInstancesGetTheLeaseOnce() throws Exception {
        clock.advance(Duration.ofMinutes(61));
        OffsetDateTime now = OffsetDateTime.now(clock);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<OffsetDateTime>>> claims = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String owner = "instance-" + i;
            claims.add(executor.submit(() -> {
                start.await();
                return leases.claim(job.jobName(), owner, now, Duration.ofMinutes(10));
            }));
        }
        start.countDown();
        int won = 0;
        for (Future<Optional<OffsetDateTime>> c : claims) {
            won += c.get().isPresent() ? 1 : 0;
        }
        assertEquals(1, won);
    }

    @Test
    void aCrashedRunIsTakenOverWhenItsLeaseExpires() {
        clock.advance(Duration.ofMinutes(61));
        OffsetDateTime now = OffsetDateTime.now(clock);
        assertTrue(leases.claim(job.jobName(), "instance-that-dies", now, Duration.ofMinutes(10)).isPresent());
        long before = runs();
        scheduler.tick();
        assertEquals(before, runs(), "the lease is still alive");
        clock.advance(Duration.ofMinutes(11));
        scheduler.tick();
        assertEquals(before + 1, runs(), () -> "taken over after the lease expired " + state());
    }

    @Test
    void aFailedRunIsTriedAgainAtTheNextTick() {
        clock.advance(Duration.ofMinutes(61));
        long before = runs();
        long logged0 = lastRunLogId();
        System.setProperty(HourlyTestJob.FAIL_NEXT, "true");
        scheduler.tick();
        assertEquals(before, runs());
        String outcome = (String) em.createNativeQuery("select last_outcome from scheduled_job where name = ?1")
                .setParameter(1, job.jobName()).getSingleResult();
        assertTrue(outcome.contains("planned failure"), () -> outcome + state());
        OffsetDateTime slot = nextRunAt();
        scheduler.tick();
        assertEquals(before + 1, runs());
        // The slot is in the run log twice: the failed run with its failure, then the run that did it.
        @SuppressWarnings("unchecked")
        List<String> outcomes = em.createNativeQuery("select outcome from scheduled_job_run where job_name = ?1"
                + " and due_at = ?2 and id > ?3 order by id").setParameter(1, job.jobName()).setParameter(2, slot)
                .setParameter(3, logged0).getResultList();
        assertEquals(2, outcomes.size(), outcomes::toString);
        assertTrue(outcomes.get(0).startsWith("failed"), outcomes::toString);
    }

    /** The scheduler's own count of completed runs. */
    private long runs() {
        return ((Number) em.createNativeQuery("select runs from scheduled_job where name = ?1")
                .setParameter(1, job.jobName()).getSingleResult()).longValue();
    }

    private String state() {
        Object[] r = (Object[]) em.createNativeQuery("select next_run_at::text, lease_owner, lease_until::text, runs,"
                + " last_outcome, now()::text from scheduled_job where name = ?1").setParameter(1, job.jobName())
                .getSingleResult();
        return java.util.Arrays.toString(r) + " clock=" + OffsetDateTime.now(clock);
    }

    /** Other tests here run the same slot: each looks only at the run log after this id. */
    private long lastRunLogId() {
        return ((Number) em.createNativeQuery("select coalesce(max(id), 0) from scheduled_job_run")
                .getSingleResult()).longValue();
    }

    private OffsetDateTime nextRunAt() {
        Object v = em.createNativeQuery("select next_run_at from scheduled_job where name = ?1")
                .setParameter(1, job.jobName()).getSingleResult();
        return v instanceof OffsetDateTime o ? o : ((java.sql.Timestamp) v).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }

    private void leasesReset(OffsetDateTime next) {
        leases.register(job.jobName(), next);
        leases.resetForTest(job.jobName(), next);
    }
}
