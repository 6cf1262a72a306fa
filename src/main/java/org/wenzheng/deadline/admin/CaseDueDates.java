package org.wenzheng.deadline.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;
import org.wenzheng.board.Message;
import org.wenzheng.board.MessageStatus;
import org.wenzheng.deadline.DeadlinePolicy;
import org.wenzheng.deadline.DeadlineService;
import org.wenzheng.deadline.DueDate;
import org.wenzheng.deadline.DueDateCalculator;
import org.wenzheng.deadline.PolicyTimeline;
import org.wenzheng.deadline.WorkingDayCalendar;
import org.wenzheng.handling.Case;
import org.wenzheng.handling.CaseClock;
import org.wenzheng.handling.CaseStatus;
import org.wenzheng.handling.UnitRole;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Due dates of cases from their stored facts ({@link CaseClock}) under the policy each case was opened under (the
 * policy in force when it was routed): recomputing them all after a calendar change, and explaining a message's
 * due to the citizen.
 */
@ApplicationScoped
public class CaseDueDates {

    private static final Logger LOG = Logger.getLogger(CaseDueDates.class.getName());
    static final List<CaseStatus> OPEN =
            List.of(CaseStatus.ROUTED, CaseStatus.DRAFTING, CaseStatus.UNDER_REVIEW, CaseStatus.APPROVED);
    private static final int PAGE = 2000;
    private static final int UPDATE_CHUNK = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    DeadlineService deadlines;

    /** A case's due under the policy it was opened under and the current calendar. */
    public DueDate dueOf(Case c) {
        return CaseClock.due(c, deadlines.calculatorFor(c.getRoutedAt().toInstant()));
    }

    /**
     * How a message's stored due was reached: by its open lead case, or (waiting for routing) by the normal rule;
     * empty when the computation no longer gives the stored due, so that nothing wrong is ever explained.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<DueDate> explain(Message m) {
        if (m.getDueAt() == null) {
            return Optional.empty();
        }
        List<Case> leads = em.createQuery("""
                        select c from Case c where c.message.id = :m and c.unitRole = :lead and c.status in :open
                        order by c.id desc""", Case.class)
                .setParameter("m", m.getId()).setParameter("lead", UnitRole.LEAD).setParameter("open", OPEN)
                .setMaxResults(1).getResultList();
        DueDate due;
        try {
            due = leads.isEmpty() ? deadlines.forMessage(m.getPostedAt().toInstant()) : dueOf(leads.get(0));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return due.due().equals(m.getDueAt().toInstant()) ? Optional.of(due) : Optional.empty();
    }

    /**
     * Moves the due of every open case (and of its message, for a lead case) whose due the change from
     * {@code before} to {@code after} alters, and of messages waiting for routing. Runs in the caller's transaction,
     * walking the open cases in id order a page at a time and updating in bulk, one statement per new due.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Recomputed recompute(WorkingDayCalendar before, WorkingDayCalendar after, PolicyTimeline timeline,
                         DeadlinePolicy current) {
        em.flush();
        Map<DeadlinePolicy, DueDateCalculator[]> calculators = new HashMap<>();
        Map<OffsetDateTime, List<Long>> caseMoves = new TreeMap<>();
        Map<OffsetDateTime, List<Long>> messageMoves = new TreeMap<>();
        List<Long> moved = new ArrayList<>();
        int open = 0;
        long afterId = Long.MIN_VALUE;
        while (true) {
            List<Case> page = em.createQuery("""
                            select c from Case c join fetch c.message m left join fetch m.batch
                            where c.status in :open and c.id > :after order by c.id""", Case.class)
                    .setParameter("open", OPEN).setParameter("after", afterId)
                    .setHint(QueryHints.READ_ONLY, HintValues.TRUE)
                    .setMaxResults(PAGE).getResultList();
            if (page.isEmpty()) {
                break;
            }
            for (Case c : page) {
                open++;
                afterId = c.getId();
                DueDateCalculator[] pair = calculators.computeIfAbsent(
                        timeline.policyAt(c.getRoutedAt().toInstant()),
                        p -> new DueDateCalculator[]{new DueDateCalculator(before, p), new DueDateCalculator(after, p)});
                DueDate was;
                DueDate now;
                try {
                    was = CaseClock.due(c, pair[0]);
                    now = CaseClock.due(c, pair[1]);
                } catch (IllegalArgumentException e) {
                    LOG.log(Level.WARNING, "case {0}: due not recomputed: {1}", new Object[]{c.getId(), e.getMessage()});
                    continue;
                }
                // Only what the change alters: a due set otherwise (by hand, by older rules) is left alone.
                if (was.due().equals(now.due()) || now.due().equals(c.getDueAt().toInstant())) {
                    continue;
                }
                moved.add(c.getId());
                caseMoves.computeIfAbsent(now.dueAt(), k -> new ArrayList<>()).add(c.getId());
                if (c.getUnitRole() == UnitRole.LEAD) {
                    messageMoves.computeIfAbsent(now.dueAt(), k -> new ArrayList<>()).add(c.getMessage().getId());
                }
            }
            em.clear();
        }
        messagesWaitingForRouting(new DueDateCalculator(before, current), new DueDateCalculator(after, current),
                messageMoves);
        for (Map.Entry<OffsetDateTime, List<Long>> e : caseMoves.entrySet()) {
            for (List<Long> ids : chunks(e.getValue())) {
                em.createQuery("update Case c set c.dueAt = :due, c.version = c.version + 1 where c.id in :ids")
                        .setParameter("due", e.getKey()).setParameter("ids", ids).executeUpdate();
            }
        }
        for (Map.Entry<OffsetDateTime, List<Long>> e : messageMoves.entrySet()) {
            for (List<Long> ids : chunks(e.getValue())) {
                em.createQuery("update Message m set m.dueAt = :due, m.version = m.version + 1 where m.id in :ids")
                        .setParameter("due", e.getKey()).setParameter("ids", ids).executeUpdate();
            }
        }
        return new Recomputed(open, moved, messageMoves.values().stream().mapToInt(List::size).sum());
    }

    /** Batched messages not yet routed carry the normal due; a case (and the current policy) takes over at routing. */
    private void messagesWaitingForRouting(DueDateCalculator before, DueDateCalculator after,
                                          Map<OffsetDateTime, List<Long>> messageMoves) {
        long afterId = Long.MIN_VALUE;
        while (true) {
            List<Object[]> page = em.createQuery("""
                            select m.id, m.postedAt, m.dueAt from Message m
                            where m.status = :batched and m.dueAt is not null and m.id > :after order by m.id""",
                            Object[].class)
                    .setParameter("batched", MessageStatus.BATCHED).setParameter("after", afterId)
                    .setMaxResults(PAGE).getResultList();
            if (page.isEmpty()) {
                return;
            }
            for (Object[] r : page) {
                afterId = (Long) r[0];
                OffsetDateTime posted = (OffsetDateTime) r[1];
                OffsetDateTime stored = (OffsetDateTime) r[2];
                DueDate was = before.forMessage(posted.toInstant());
                DueDate now = after.forMessage(posted.toInstant());
                if (!was.due().equals(now.due()) && !now.due().equals(stored.toInstant())) {
                    messageMoves.computeIfAbsent(now.dueAt(), k -> new ArrayList<>()).add(afterId);
                }
            }
        }
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += UPDATE_CHUNK) {
            out.add(ids.subList(i, Math.min(ids.size(), i + UPDATE_CHUNK)));
        }
        return out;
    }
}
