package org.wenzheng.batch;

import org.wenzheng.common.SqlTimes;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.wenzheng.board.MessageKind;
import org.wenzheng.people.Role;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The daily batch's use cases: cutting a batch by hand (intake officer, leader), listing batches and showing or
 * printing a batch's forwarding slip (also the supervisor).
 */
@Stateless
public class BatchService {

    /** The slip page shows at most this many messages; the PDF always has all of them. */
    public static final int SLIP_PAGE_LIMIT = 2000;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext caller;

    @Inject
    DailyBatchJob job;

    /**
     * Runs the daily batch job now and waits for it. Completes an unfinished batch if there is one; creates none when
     * nothing is registered. No transaction of its own: the job's steps have theirs.
     */
    @RolesAllowed({Role.INTAKE, Role.LEAD})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public CutResult startNow() {
        String role = caller.isCallerInRole(Role.INTAKE) ? Role.INTAKE : Role.LEAD;
        DailyBatchJob.Outcome outcome = job.runAndWait(caller.getCallerPrincipal().getName(), role);
        Optional<BatchSummary> batch = outcome.batchId() == null ? Optional.empty() : find(outcome.batchId());
        return new CutResult(outcome.completed(), batch.orElse(null), outcome.executionId());
    }

    /** The outcome of a cut by hand: the slipped batch, or none (nothing registered), or not completed. */
    public record CutResult(boolean completed, BatchSummary batch, long executionId) {
        public boolean nothingToGather() {
            return completed && batch == null;
        }
    }

    /** Batches, newest first. */
    @RolesAllowed({Role.INTAKE, Role.LEAD, Role.SUPERVISE})
    public List<BatchSummary> latest(int max) {
        return em.createQuery("select b from Batch b order by b.year desc, b.number desc", Batch.class)
                .setMaxResults(Math.max(1, Math.min(max, 500))).getResultList()
                .stream().map(BatchSummary::of).toList();
    }

    @RolesAllowed({Role.INTAKE, Role.LEAD, Role.SUPERVISE})
    public Optional<BatchSummary> find(long id) {
        return Optional.ofNullable(em.find(Batch.class, id)).map(BatchSummary::of);
    }

    /** The forwarding slip with at most {@code max} messages, in slip order. */
    @RolesAllowed({Role.INTAKE, Role.LEAD, Role.SUPERVISE})
    public Optional<Slip> slip(long id, int max) {
        return find(id).map(b -> new Slip(b, lines(id, max)));
    }

    /** The forwarding slip as a PDF with every message of the batch. */
    @RolesAllowed({Role.INTAKE, Role.LEAD, Role.SUPERVISE})
    public Optional<byte[]> slipPdf(long id) {
        return slip(id, Integer.MAX_VALUE).map(s -> SlipPdf.render(s, caller.getCallerPrincipal().getName()));
    }

    /**
     * The slip's lines with each message's suggested unit as the routing feature stored it when the batch was
     * gathered (routing_suggestion; NONE prints 待定); a message batched before suggestions were stored shows the
     * citizen's choice.
     */
    private List<SlipLine> lines(long batchId, int max) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select m.batch_seq, m.id, m.posted_at, m.kind, m.title, m.body,
                               case when s.message_id is null then u.name else su.name end,
                               m.due_at, m.urgent,
                               case when s.message_id is null then (case when u.id is not null then 'CITIZEN' end)
                                    when s.unit_id is null then null else s.why end,
                               s.detail
                        from message m
                        left join unit u on u.id = m.target_unit_id
                        left join routing_suggestion s on s.message_id = m.id
                        left join unit su on su.id = s.unit_id
                        where m.batch_id = ?1 order by m.batch_seq limit ?2""")
                .setParameter(1, batchId).setParameter(2, max).getResultList();
        return rows.stream().map(r -> new SlipLine(((Number) r[0]).intValue(), ((Number) r[1]).longValue(),
                SqlTimes.offsetDateTime(r[2]), MessageKind.valueOf((String) r[3]), (String) r[4], (String) r[5], (String) r[6],
                SqlTimes.offsetDateTime(r[7]), Boolean.TRUE.equals(r[8]), (String) r[9], r[10] == null ? "" : (String) r[10])).toList();
    }

}
