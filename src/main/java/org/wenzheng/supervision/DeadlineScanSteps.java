package org.wenzheng.supervision;

import org.wenzheng.common.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.wenzheng.audit.AuditTrail;
import org.wenzheng.deadline.DeadlinePolicy;
import org.wenzheng.deadline.DeadlineService;
import org.wenzheng.deadline.DeadlineState;
import org.wenzheng.deadline.WorkingDayCalendar;
import org.wenzheng.intake.Severity;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The deadline scan's steps, each a transaction of its own over at most {@code limit} cases, set-based: one
 * statement picks and records the cases, then their mail is queued in the same transaction. What makes each step
 * happen once is a row with a unique key inserted with ON CONFLICT DO NOTHING (a reminder per case and due, an alert
 * per case): a second scan, a second instance or a rerun after a crash finds the row and does nothing. Each step also
 * takes a transaction-level advisory lock so that two scans at once queue behind each other instead of both
 * computing the same work.
 */
@ApplicationScoped
public class DeadlineScanSteps {

    private static final long LOCK_STATES = 0x5355_5045_5201L;
    private static final long LOCK_REMINDERS = 0x5355_5045_5202L;
    private static final long LOCK_ALERTS = 0x5355_5045_5203L;
    private static final long LOCK_NOTICES = 0x5355_5045_5204L;
    static final String SYSTEM = "system";
    /** The audit action of a case whose deadline state became OVERDUE or OVERDUE_UNANSWERED. */
    static final String OVERDUE_ACTION = "CASE_OVERDUE";

    @PersistenceContext
    EntityManager em;

    @Inject
    SupervisionMail mail;

    @Inject
    AuditTrail audit;

    @Inject
    DeadlineService deadlines;

    @Inject
    SupervisionSettings settings;

    /** What one scan works with, read once at its start. */
    public record Plan(DueSoonWindow states, DueSoonWindow reminders, String zone, Duration major,
                       Duration extraordinary) {
    }

    /** Reads the policy, calendar and settings in a transaction of its own (never a bare read in a worker thread). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Plan plan(OffsetDateTime now) {
        DeadlinePolicy policy = deadlines.policy();
        WorkingDayCalendar calendar = deadlines.calendar();
        return new Plan(DueSoonWindow.at(now.toInstant(), 1, calendar, policy),
                DueSoonWindow.at(now.toInstant(), settings.reminderLeadDays(), calendar, policy),
                policy.zone().getId(), settings.firstResponseLimit(Severity.MAJOR).orElseThrow(),
                settings.firstResponseLimit(Severity.EXTRAORDINARY).orElseThrow());
    }

    /**
     * Records up to {@code limit} deadline-state changes (new open cases, changed states or dues) in case_deadline, with
     * when each case entered its state, and audits each case that became overdue (answered or not).
     * Returns how many rows changed.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int recordStates(OffsetDateTime now, DueSoonWindow w, String zone, int limit) {
        lock(LOCK_STATES);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("with s as (select c.id, c.due_at, "
                        + DeadlineSql.state(w, zone, 1, 2, 3, 4) + " as state from handling_case c where "
                        + DeadlineSql.OPEN + "), changed as (select s.id, s.due_at, s.state, d.state as old_state"
                        + " from s left join case_deadline d on d.case_id = s.id"
                        + " where d.case_id is null or d.state <> s.state or d.due_at <> s.due_at limit ?5),"
                        + " up as (insert into case_deadline (case_id, state, due_at, state_changed_at)"
                        + " select id, state, due_at, ?1 from changed on conflict (case_id) do update"
                        + " set due_at = excluded.due_at, state = excluded.state, state_changed_at = case"
                        + " when case_deadline.state = excluded.state then case_deadline.state_changed_at"
                        + " else excluded.state_changed_at end returning case_id)"
                        + " select id, state, old_state, due_at from changed")
                .setParameter(1, now).setParameter(2, w.allBefore().atOffset(now.getOffset()))
                .setParameter(3, w.todayBefore().atOffset(now.getOffset())).setParameter(4, timeText(w))
                .setParameter(5, limit).getResultList();
        // One entry per case that became overdue (answered or not), in this transaction, written in one go: a chunk of
        // 10,000 cases passing their due at once is one lock and batched inserts, not 10,000 round trips.
        List<AuditTrail.Change> overdue = new ArrayList<>();
        for (Object[] r : rows) {
            DeadlineState state = DeadlineState.valueOf((String) r[1]);
            if (state.isOverdue() && !state.name().equals(r[2])) {
                String due = SqlTimes.offsetDateTime(r[3]).toString();
                overdue.add(new AuditTrail.Change(OVERDUE_ACTION, "case", ((Number) r[0]).longValue(),
                        r[2] == null ? null : "{\"state\":\"" + r[2] + "\"}",
                        "{\"state\":\"" + state + "\",\"dueAt\":\"" + due + "\",\"at\":\"" + now + "\"}"));
            }
        }
        audit.recordAll(SYSTEM, null, overdue);
        if (rows.size() < limit) {
            // Cases no longer open leave the table; what they were is in the audit trail.
            em.createNativeQuery("delete from case_deadline d using handling_case c where c.id = d.case_id and not ("
                    + DeadlineSql.OPEN + ")").executeUpdate();
        }
        return rows.size();
    }

    /**
     * Reminds (催办) up to {@code limit} unanswered open cases whose reminder moment has passed and that have no
     * reminder for their current due: records (case, due) and queues one mail per case to its unit's liaisons.
     * Returns how many cases were reminded.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int remind(OffsetDateTime now, DueSoonWindow w, String zone, int limit) {
        lock(LOCK_REMINDERS);
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("insert into case_reminder (case_id, due_at, reminded_at)"
                        + " select c.id, c.due_at, ?1 from handling_case c where " + DeadlineSql.OPEN
                        + " and " + DeadlineSql.dueSoon(w, zone, 2, 3, 4) + " and not " + DeadlineSql.ANSWERED
                        + " and not exists (select 1 from case_reminder x where x.case_id = c.id"
                        + " and x.due_at = c.due_at) order by c.due_at, c.id limit ?5"
                        + " on conflict (case_id, due_at) do nothing returning case_id")
                .setParameter(1, now).setParameter(2, w.allBefore().atOffset(now.getOffset()))
                .setParameter(3, w.todayBefore().atOffset(now.getOffset())).setParameter(4, timeText(w))
                .setParameter(5, limit).getResultList();
        mail.reminders(mail.facts(longs(ids)));
        return ids.size();
    }

    /**
     * Alerts the leaders about up to {@code limit} open 重大/特别重大 cases with no submitted reply although their
     * first-response limit (from the message's posting) has passed; once per case.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int alertFirstResponse(OffsetDateTime now, Duration majorLimit, Duration extraordinaryLimit, int limit) {
        lock(LOCK_ALERTS);
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("insert into first_response_alert (case_id, alerted_at)"
                        + " select c.id, ?1 from handling_case c join message m on m.id = c.message_id where "
                        + DeadlineSql.OPEN + " and ((m.severity = 'MAJOR' and m.posted_at <= ?2)"
                        + " or (m.severity = 'EXTRAORDINARY' and m.posted_at <= ?3))"
                        + " and not exists (select 1 from handling_case l join reply r on r.case_id = l.id"
                        + " where l.message_id = c.message_id and (l.id = c.id or l.unit_role = 'LEAD')"
                        + " and r.status in " + DeadlineSql.ANSWER_STATUSES + ")"
                        + " and not exists (select 1 from first_response_alert a where a.case_id = c.id)"
                        + " order by c.id limit ?4 on conflict (case_id) do nothing returning case_id")
                .setParameter(1, now).setParameter(2, now.minus(majorLimit))
                .setParameter(3, now.minus(extraordinaryLimit)).setParameter(4, limit).getResultList();
        mail.firstResponseAlerts(mail.facts(longs(ids)));
        return ids.size();
    }

    /** Notices whose case has since got a submitted reply are answered by that reply. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int linkReplies(OffsetDateTime now) {
        lock(LOCK_NOTICES);
        String replies = "from handling_case l join reply r on r.case_id = l.id where l.message_id = c.message_id"
                + " and (l.id = c.id or l.unit_role = 'LEAD') and r.status in " + DeadlineSql.ANSWER_STATUSES;
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("update overdue_notice n set answer_kind = 'REPLY',"
                        + " version = n.version + 1, answered_at = least(?1, greatest(n.issued_at,"
                        + " (select min(r.submitted_at) " + replies + "))) from handling_case c"
                        + " where c.id = n.case_id and n.answered_at is null and exists (select 1 " + replies + ")"
                        + " returning n.id, n.case_id")
                .setParameter(1, now).getResultList().stream().map(r -> (Number) ((Object[]) r)[1]).toList();
        audit.recordAll(SYSTEM, null, ids.stream().map(caseId -> new AuditTrail.Change("NOTICE_ANSWERED_BY_REPLY",
                "case", caseId.longValue(), null, null)).toList());
        return ids.size();
    }

    /** The window's time of day as PostgreSQL reads it (microseconds, as timestamptz keeps them). */
    private static String timeText(DueSoonWindow w) {
        return w.timeOfDay().truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString();
    }


    private void lock(long key) {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, key).getSingleResult();
    }

    private static List<Long> longs(List<Number> ids) {
        List<Long> result = new ArrayList<>(ids.size());
        ids.forEach(n -> result.add(n.longValue()));
        return result;
    }
}
