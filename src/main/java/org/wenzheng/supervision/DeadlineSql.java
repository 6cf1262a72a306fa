package org.wenzheng.supervision;

/**
 * The SQL pieces the board, the scan and bulletins share, so that "open", "answered" and the deadline states mean
 * the same everywhere. Case alias {@code c}. Parameters are bound by the callers (see each method).
 */
final class DeadlineSql {

    /** Open cases; written as the partial indexes on handling_case (due_at) are, so that the planner uses them. */
    static final String OPEN = "c.status not in ('CLOSED', 'RETURNED', 'PUBLISHED')";

    /** Reply statuses that count as the unit's answer: submitted for approval, or further along. */
    static final String ANSWER_STATUSES = "('SUBMITTED', 'APPROVED', 'PUBLISHED', 'SUPERSEDED')";

    /**
     * Answered: an explanation (情况说明) on the case, or a submitted reply on the case — or, for a co-unit's case,
     * on the lead unit's case of the same message, since co-units contribute to the lead unit's answer.
     */
    static final String ANSWERED = "(c.explained_at is not null or exists (select 1 from handling_case l"
            + " join reply r on r.case_id = l.id where l.message_id = c.message_id"
            + " and (l.id = c.id or l.unit_role = 'LEAD') and r.status in " + ANSWER_STATUSES + "))";

    /** When the case was first answered (null if not yet): the first submission or the explanation. */
    static final String ANSWERED_AT = "least(c.explained_at, (select min(r.submitted_at) from handling_case l"
            + " join reply r on r.case_id = l.id where l.message_id = c.message_id"
            + " and (l.id = c.id or l.unit_role = 'LEAD') and r.status in " + ANSWER_STATUSES + "))";

    private DeadlineSql() {
    }

    /**
     * Due soon or past in a {@link DueSoonWindow}: binds {@code ?a} (allBefore), {@code ?b} (todayBefore) and
     * {@code ?t} (the time of day as text) under the given positional numbers; the zone and the working-day flag are
     * written in (both come from the policy, never from a request).
     */
    static String dueSoon(DueSoonWindow w, String zone, int a, int b, int t) {
        String ranged = "c.due_at < ?" + b + " and (c.due_at < ?" + a;
        if (w.todayCounts()) {
            ranged += " or cast(c.due_at at time zone '" + zone.replace("'", "") + "' as time) <= cast(?" + t
                    + " as time)";
        } else {
            // Not a working day today: nothing is due soon "later today"; the time is bound all the same.
            ranged += " or cast(?" + t + " as time) is null";
        }
        return "(" + ranged + "))";
    }

    /**
     * The deadline state of a case as text (the names of DeadlineState): overdue once past the due ({@code ?now}),
     * due soon in the window, else on time. Same parameter numbers as {@link #dueSoon}.
     */
    static String state(DueSoonWindow w, String zone, int now, int a, int b, int t) {
        return "(case when c.due_at < ?" + now + " then (case when " + ANSWERED
                + " then 'OVERDUE' else 'OVERDUE_UNANSWERED' end) when " + dueSoon(w, zone, a, b, t)
                + " then 'DUE_SOON' else 'ON_TIME' end)";
    }
}
