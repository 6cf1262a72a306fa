package org.wenzheng.batch;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.wenzheng.audit.AuditTrail;
import org.wenzheng.common.ClockProducer;
import org.wenzheng.common.DataSourceConfiguration;
import org.wenzheng.deadline.DeadlineService;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The database work of the daily batch job, in bulk: one query per chunk to read, one UPDATE per chunk to assign.
 * <p>
 * Why re-running never loses or duplicates anything, even when the batch runtime's own job repository is lost (Payara
 * keeps it in an in-memory H2 by default):
 * <ul>
 * <li>At most one batch is OPEN (a unique partial index). {@link #cutOrResume} returns that batch if a previous job
 * died before finishing it, so the next run, by hand or by schedule, completes it instead of cutting a second one.</li>
 * <li>Messages are read by id after the checkpoint, and {@link #assign} (committed per chunk) only touches rows still
 * REGISTERED with no batch, so a chunk written twice (a crash between its commit and the checkpoint, or a fresh
 * start from id 0) changes nothing the second time.</li>
 * <li>A batch becomes SLIPPED only in {@link #close}, after every chunk committed.</li>
 * </ul>
 */
@ApplicationScoped
public class BatchStore {

    /** Advisory lock keys: one for cutting, and one per batch for numbering its messages. */
    private static final long CUT_LOCK = 0x5A_42_41_54_43_48L;
    private static final int SEQ_LOCK_SPACE = 0x5A_42_53_51;

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
    DataSource dataSource;

    @Inject
    AuditTrail audit;

    @Inject
    DeadlineService deadlines;

    @Inject
    Clock clock;

    @Inject
    Event<MessagesGathered> gathered;

    /** A registered message waiting for a batch, as the reader hands it to the writer. */
    public record Pending(long id, OffsetDateTime postedAt) {
    }

    /**
     * The OPEN batch left by a job that died, or a new batch numbered after the year's last one (with its audit
     * entry, in this transaction), or empty when no registered message waits (no empty batch is ever cut).
     */
    @Transactional
    public Optional<Batch> cutOrResume(String actor, String actorRole) {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, CUT_LOCK).getSingleResult();
        List<Batch> open = em.createQuery("select b from Batch b where b.status = :open", Batch.class)
                .setParameter("open", BatchStatus.OPEN).getResultList();
        if (!open.isEmpty()) {
            return Optional.of(open.get(0));
        }
        boolean waiting = !em.createNativeQuery(
                "select 1 from message where status = 'REGISTERED' and batch_id is null limit 1").getResultList().isEmpty();
        if (!waiting) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        int year = BatchNumbering.yearOf(now.toInstant(), ClockProducer.ZONE);
        Integer highest = em.createQuery("select max(b.number) from Batch b where b.year = :year", Integer.class)
                .setParameter("year", year).getSingleResult();
        Batch batch = new Batch(year, BatchNumbering.next(highest), now, actor);
        em.persist(batch);
        em.flush();
        audit.record(actor, actorRole, "BATCH_CUT", "batch", batch.getId(), null,
                "{\"year\":" + year + ",\"number\":" + batch.getNumber() + "}");
        return Optional.of(batch);
    }

    /** Up to {@code limit} registered messages without a batch with ids above {@code afterId}, in id order. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Pending> pendingAfter(long afterId, int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select id, posted_at from message
                     where status = 'REGISTERED' and batch_id is null and id > ? order by id limit ?""")) {
            ps.setLong(1, afterId);
            ps.setInt(2, limit);
            List<Pending> result = new ArrayList<>(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new Pending(rs.getLong(1), rs.getObject(2, OffsetDateTime.class)));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read registered messages", e);
        }
    }

    /**
     * Puts these messages into the batch with one UPDATE: status BATCHED, the next sequence numbers on the slip in
     * id order, and the normal due date counted from posting. Rows no longer REGISTERED-without-batch are left alone.
     * Then announces the assigned ones ({@link MessagesGathered}) in the same transaction. Returns how many were
     * assigned.
     * <p>
     * Its own transaction, not the chunk's: the chunk transaction holds the batch runtime's checkpoint (its job
     * repository is another, non-XA data source, and a local transaction takes only one). So this commits just before
     * the checkpoint; if the checkpoint is then lost, the re-run finds these rows already assigned and skips them.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int assign(long batchId, List<Pending> items) {
        if (items.isEmpty()) {
            return 0;
        }
        Long[] ids = new Long[items.size()];
        Long[] dues = new Long[items.size()];
        for (int i = 0; i < items.size(); i++) {
            Pending p = items.get(i);
            ids[i] = p.id();
            // Normal rule for every message; an urgent one gets the urgent rule when it is routed.
            dues[i] = deadlines.forMessage(p.postedAt().toInstant()).due().toEpochMilli();
        }
        List<Long> assigned = new ArrayList<>(items.size());
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(?, ?)")) {
                lock.setInt(1, SEQ_LOCK_SPACE);
                lock.setInt(2, (int) batchId);
                lock.execute();
            }
            // Driven by the ids (an index scan on = any(...)), never by the status filter: right after a day's
            // registrations the statistics are stale, and a plan that scans for REGISTERED rows and joins them
            // against the chunk took tens of seconds per chunk. FOR UPDATE makes the guard exact under concurrency.
            try (PreparedStatement ps = c.prepareStatement("""
                    with locked as (
                        select m.id from message m
                        where m.id = any(?) and m.batch_id is null and m.status = 'REGISTERED'
                        for update
                    ), picked as (
                        select id, row_number() over (order by id) as rn from locked
                    ), base as (
                        select coalesce(max(batch_seq), 0) as b from message where batch_id = ?
                    )
                    update message m
                    set batch_id = ?, status = 'BATCHED', batch_seq = base.b + picked.rn,
                        due_at = to_timestamp((?::bigint[])[array_position(?::bigint[], m.id)] / 1000.0),
                        version = m.version + 1
                    from picked, base
                    where m.id = picked.id
                    returning m.id""")) {
                java.sql.Array idArray = c.createArrayOf("bigint", ids);
                ps.setArray(1, idArray);
                ps.setLong(2, batchId);
                ps.setLong(3, batchId);
                ps.setArray(4, c.createArrayOf("bigint", dues));
                ps.setArray(5, idArray);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        assigned.add(rs.getLong(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not assign messages to batch " + batchId, e);
        }
        if (!assigned.isEmpty()) {
            gathered.fire(new MessagesGathered(batchId, List.copyOf(assigned)));
        }
        return assigned.size();
    }

    /**
     * Finishes the batch once every chunk is in: SLIPPED with its message count. A batch that ended up empty (its
     * messages were taken elsewhere meanwhile) is removed, so that no empty batch remains; returns empty then.
     */
    @Transactional
    public Optional<Batch> close(long batchId, String actor, String actorRole) {
        Batch batch = em.find(Batch.class, batchId);
        if (batch == null) {
            return Optional.empty();
        }
        if (batch.getStatus() != BatchStatus.OPEN) {
            return Optional.of(batch);
        }
        int count = ((Number) em.createNativeQuery("select count(*) from message where batch_id = ?1")
                .setParameter(1, batchId).getSingleResult()).intValue();
        if (count == 0) {
            em.remove(batch);
            audit.record(actor, actorRole, "BATCH_DISCARDED", "batch", batchId, null, "{\"messages\":0}");
            return Optional.empty();
        }
        batch.slipped(OffsetDateTime.now(clock), count);
        return Optional.of(batch);
    }
}
