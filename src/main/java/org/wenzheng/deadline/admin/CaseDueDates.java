package org.wenzheng.deadline.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.wenzheng.board.Message;
import org.wenzheng.board.MessageKind;
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

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

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
    private static final int PAGE = 5000;
    private static final int UPDATE_CHUNK = 10_000;

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
     * {@code before} to {@code after} alters, and of messages waiting for routing. Only cases whose count can touch
     * the changed days are read: due on or after the first of them, posted before the day after the last. Runs in the
     * caller's transaction, reading a page of plain values at a time and updating in a few set-based statements.
     *
     * @param first the earliest day whose kind changed
     * @param last  the latest day whose kind changed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Recomputed recompute(WorkingDayCalendar before, WorkingDayCalendar after, PolicyTimeline timeline,
                         LocalDate first, LocalDate last) {
        em.flush();
        ZoneId zone = timeline.current().zone();
        OffsetDateTime from = first.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = last.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        Moves moves = new Moves(before, after, timeline);
        int open = 0;
        long afterId = Long.MIN_VALUE;
        while (true) {
            List<Object[]> page = em.createQuery("""
                            select c.id, c.unitRole, c.urgent, c.extensionDays, c.reopenedAt, c.routedAt, c.dueAt,
                                   m.id, m.postedAt, b.cutAt
                            from Case c join c.message m left join m.batch b
                            where c.status in :open and c.id > :after and c.dueAt >= :from and m.postedAt < :to
                            order by c.id""", Object[].class)
                    .setParameter("open", OPEN).setParameter("after", afterId)
                    .setParameter("from", from).setParameter("to", to)
                    .setMaxResults(PAGE).getResultList();
            if (page.isEmpty()) {
                break;
            }
            List<Long> urgent = new ArrayList<>();
            for (Object[] r : page) {
                open++;
                afterId = (Long) r[0];
                if (Boolean.TRUE.equals(r[2]) && r[9] != null) {
                    // Its clock runs from the slip, which only the managed message's batch carries.
                    urgent.add(afterId);
                } else {
                    moves.consider(afterId, (Long) r[7], facts(r));
                }
            }
            if (!urgent.isEmpty()) {
                em.createQuery("select c from Case c join fetch c.message m left join fetch m.batch where c.id in :ids",
                                Case.class).setParameter("ids", urgent).getResultList()
                        .forEach(c -> moves.consider(c.getId(), c.getMessage().getId(), c));
                em.clear();
            }
        }
        messagesWaitingForRouting(new DueDateCalculator(before, timeline.current()),
                new DueDateCalculator(after, timeline.current()), from, to, moves.messages, moves.messageDues);
        update("handling_case", moves.cases, moves.caseDues);
        update("message", moves.messages, moves.messageDues);
        return new Recomputed(open, moves.cases, moves.messages.size());
    }

    /** The cases (and lead cases' messages) a calendar change moves, with their new dues. */
    private static final class Moves {
        final WorkingDayCalendar before;
        final WorkingDayCalendar after;
        final PolicyTimeline timeline;
        final Map<DeadlinePolicy, DueDateCalculator[]> calculators = new HashMap<>();
        final List<Long> cases = new ArrayList<>();
        final List<OffsetDateTime> caseDues = new ArrayList<>();
        final List<Long> messages = new ArrayList<>();
        final List<OffsetDateTime> messageDues = new ArrayList<>();

        Moves(WorkingDayCalendar before, WorkingDayCalendar after, PolicyTimeline timeline) {
            this.before = before;
            this.after = after;
            this.timeline = timeline;
        }

        void consider(Long caseId, Long messageId, Case c) {
            DueDateCalculator[] pair = calculators.computeIfAbsent(timeline.policyAt(c.getRoutedAt().toInstant()),
                    p -> new DueDateCalculator[]{new DueDateCalculator(before, p), new DueDateCalculator(after, p)});
            DueDate was;
            DueDate now;
            try {
                was = CaseClock.due(c, pair[0]);
                now = CaseClock.due(c, pair[1]);
            } catch (IllegalArgumentException e) {
                LOG.log(Level.WARNING, "case {0}: due not recomputed: {1}", new Object[]{caseId, e.getMessage()});
                return;
            }
            // Only what the change alters: a due set otherwise (by hand, by older rules) is left alone.
            if (was.due().equals(now.due()) || now.due().equals(c.getDueAt().toInstant())) {
                return;
            }
            cases.add(caseId);
            caseDues.add(now.dueAt());
            if (c.getUnitRole() == UnitRole.LEAD) {
                messages.add(messageId);
                messageDues.add(now.dueAt());
            }
        }
    }

    /**
     * The stored facts CaseClock counts from, as a case that is never persisted: reading plain values is several
     * times faster than building managed entities. Not for an urgent case with a slip (its batch is not settable).
     */
    private static Case facts(Object[] r) {
        Message m = new Message("", MessageKind.OTHER, "", "", (OffsetDateTime) r[8]);
        Case c = new Case(m, null, (UnitRole) r[1], null, null, (OffsetDateTime) r[5], (OffsetDateTime) r[6],
                (Boolean) r[2]);
        c.setExtensionDays(((Number) r[3]).intValue());
        c.setReopenedAt((OffsetDateTime) r[4]);
        return c;
    }

    /** Batched messages not yet routed carry the normal due; a case (and the current policy) takes over at routing. */
    private void messagesWaitingForRouting(DueDateCalculator before, DueDateCalculator after, OffsetDateTime from,
                                           OffsetDateTime to, List<Long> ids, List<OffsetDateTime> dues) {
        long afterId = Long.MIN_VALUE;
        while (true) {
            List<Object[]> page = em.createQuery("""
                            select m.id, m.postedAt, m.dueAt from Message m
                            where m.status = :batched and m.id > :after and m.dueAt >= :from and m.postedAt < :to
                            order by m.id""", Object[].class)
                    .setParameter("batched", MessageStatus.BATCHED).setParameter("after", afterId)
                    .setParameter("from", from).setParameter("to", to)
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
                    ids.add(afterId);
                    dues.add(now.dueAt());
                }
            }
        }
    }

    /** Sets each row's due (and bumps its version, so that a form opened before the change sees it) in bulk. */
    private void update(String table, List<Long> ids, List<OffsetDateTime> dues) {
        for (int i = 0; i < ids.size(); i += UPDATE_CHUNK) {
            int end = Math.min(ids.size(), i + UPDATE_CHUNK);
            String idArray = ids.subList(i, end).stream().map(String::valueOf)
                    .collect(Collectors.joining(",", "{", "}"));
            String dueArray = dues.subList(i, end).stream().map(d -> "\"" + d + "\"")
                    .collect(Collectors.joining(",", "{", "}"));
            em.createNativeQuery("update " + table + " t set due_at = v.due, version = t.version + 1"
                            + " from unnest(cast(?1 as bigint[]), cast(?2 as timestamptz[])) as v(id, due)"
                            + " where t.id = v.id")
                    .setParameter(1, idArray).setParameter(2, dueArray).executeUpdate();
        }
    }
}
