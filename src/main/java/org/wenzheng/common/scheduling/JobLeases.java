package org.wenzheng.common.scheduling;

import org.wenzheng.common.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/** The database side of scheduling: registering jobs, taking and releasing leases. Each call is its own transaction. */
@ApplicationScoped
public class JobLeases {

    @PersistenceContext
    EntityManager em;

    /** Adds the job's row with its first run time, unless it already has one (then its schedule is kept). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void register(String name, OffsetDateTime firstRun) {
        em.createNativeQuery("insert into scheduled_job (name, next_run_at) values (?1, ?2) on conflict (name) do nothing")
                .setParameter(1, name).setParameter(2, firstRun).executeUpdate();
    }

    /**
     * Takes the lease if the job is due and nobody holds a live lease; returns the due time it was taken for. One
     * UPDATE decides, so two instances racing for it cannot both win.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<OffsetDateTime> claim(String name, String owner, OffsetDateTime now, Duration lease) {
        @SuppressWarnings("unchecked")
        var due = (java.util.List<Object>) em.createNativeQuery("""
                        update scheduled_job set lease_owner = ?1, lease_until = ?2, last_started_at = ?3
                        where name = ?4 and next_run_at <= ?3 and (lease_until is null or lease_until < ?3)
                        returning next_run_at""")
                .setParameter(1, owner).setParameter(2, now.plus(lease)).setParameter(3, now).setParameter(4, name)
                .getResultList();
        Optional<OffsetDateTime> slot = due.stream().findFirst().map(SqlTimes::offsetDateTime);
        // The run log, in the claim's transaction: a run is on record exactly when its lease was taken.
        slot.ifPresent(d -> em.createNativeQuery("insert into scheduled_job_run (job_name, due_at, owner, started_at)"
                        + " values (?1, ?2, ?3, ?4)")
                .setParameter(1, name).setParameter(2, d).setParameter(3, owner).setParameter(4, now).executeUpdate());
        return slot;
    }

    /** Records the outcome, sets the next run and frees the lease (only if this owner still holds it). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean release(String name, String owner, OffsetDateTime finishedAt, OffsetDateTime nextRun, String outcome) {
        finishRun(name, owner, finishedAt, outcome);
        em.createNativeQuery("delete from scheduled_job_run where job_name = ?1 and started_at < ?2")
                .setParameter(1, name).setParameter(2, finishedAt.minusDays(30)).executeUpdate();
        return em.createNativeQuery("""
                        update scheduled_job set lease_owner = null, lease_until = null, next_run_at = ?1,
                               last_finished_at = ?2, last_outcome = ?3, runs = runs + 1
                        where name = ?4 and lease_owner = ?5""")
                .setParameter(1, nextRun).setParameter(2, finishedAt)
                .setParameter(3, outcome.length() > 500 ? outcome.substring(0, 500) : outcome)
                .setParameter(4, name).setParameter(5, owner).executeUpdate() == 1;
    }

    /** A failed run frees the lease without moving the schedule, so it is tried again at the next tick. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void fail(String name, String owner, OffsetDateTime at, String outcome) {
        finishRun(name, owner, at, outcome);
        em.createNativeQuery("""
                        update scheduled_job set lease_owner = null, lease_until = null, last_finished_at = ?1,
                               last_outcome = ?2 where name = ?3 and lease_owner = ?4""")
                .setParameter(1, at).setParameter(2, outcome.length() > 500 ? outcome.substring(0, 500) : outcome)
                .setParameter(3, name).setParameter(4, owner).executeUpdate();
    }

    /** Puts a job back on a given schedule with no lease; for tests and for an administrator's "run again at". */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void resetForTest(String name, OffsetDateTime nextRun) {
        em.createNativeQuery("update scheduled_job set next_run_at = ?1, lease_owner = null, lease_until = null"
                + " where name = ?2").setParameter(1, nextRun).setParameter(2, name).executeUpdate();
    }

    private void finishRun(String name, String owner, OffsetDateTime at, String outcome) {
        em.createNativeQuery("update scheduled_job_run set finished_at = ?1, outcome = ?2 where id = (select max(id)"
                        + " from scheduled_job_run where job_name = ?3 and owner = ?4 and finished_at is null)")
                .setParameter(1, at).setParameter(2, outcome.length() > 500 ? outcome.substring(0, 500) : outcome)
                .setParameter(3, name).setParameter(4, owner).executeUpdate();
    }

}
