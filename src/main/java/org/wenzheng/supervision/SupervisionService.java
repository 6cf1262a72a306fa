package org.wenzheng.supervision;

import org.wenzheng.common.SqlTimes;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import org.wenzheng.audit.AuditTrail;
import org.wenzheng.batch.BatchNumbering;
import org.wenzheng.deadline.DeadlineService;
import org.wenzheng.deadline.DeadlineState;
import org.wenzheng.common.ActionRefused;
import org.wenzheng.common.ActionRefused.Kind;
import org.wenzheng.handling.Case;
import org.wenzheng.handling.CaseStatus;
import org.wenzheng.handling.UnitRole;
import org.wenzheng.intake.Severity;
import org.wenzheng.people.PeopleService;
import org.wenzheng.people.Person;
import org.wenzheng.people.Role;
import org.wenzheng.people.Unit;
import org.wenzheng.supervision.SupervisionViews.BoardPage;
import org.wenzheng.supervision.SupervisionViews.BoardRow;
import org.wenzheng.supervision.SupervisionViews.Filter;
import org.wenzheng.supervision.SupervisionViews.NoticeView;
import org.wenzheng.supervision.SupervisionViews.Option;
import org.wenzheng.supervision.SupervisionViews.StateCounts;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Supervision of open cases (督办): the supervisor's board of every open case by deadline state, and overdue notices
 * (督办通知单) — issued by the supervisor, read by supervisors, leaders and the unit's liaisons, answered by the
 * unit's liaison with an explanation (情况说明) or by a reply (linked by the deadline scan).
 */
@Stateless
public class SupervisionService {

    static final int MAX_PAGE = 200;
    static final int MAX_EXPLANATION = 4000;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext ctx;

    @Inject
    PeopleService people;

    @Inject
    DeadlineService deadlines;

    @Inject
    SupervisionMail mail;

    @Inject
    NoticeDocuments documents;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    // --- the board -------------------------------------------------------------------------------------------------

    /** Open cases matching the filter, oldest due first, with the counts per state under the other filters. */
    @RolesAllowed({Role.SUPERVISE, Role.LEAD})
    public BoardPage board(Filter filter, int first, int size) {
        Filter f = filter == null ? Filter.none() : filter;
        StateCounts counts = counts(f);
        Query q = new Query(OffsetDateTime.now(clock), window(), zone());
        String state = q.state();
        StringBuilder sql = new StringBuilder("select c.id, m.title, u.id as unit_id, u.name, u.name_en, c.unit_role,"
                + " c.status, c.due_at, " + state + " as state, m.severity, b.year, b.number,"
                + " d.state as recorded, d.state_changed_at,"
                + " (select count(*) from overdue_notice n where n.case_id = c.id and n.answered_at is null)"
                + " from handling_case c join message m on m.id = c.message_id join unit u on u.id = c.unit_id"
                + " left join batch b on b.id = m.batch_id left join case_deadline d on d.case_id = c.id"
                + " where " + DeadlineSql.OPEN);
        q.filters(sql, f);
        if (f.state() != null) {
            sql.append(f.state().isOverdue() ? " and c.due_at < ?1" : " and c.due_at >= ?1");
            sql.append(" and ").append(state).append(" = ").append(q.bind(f.state().name()));
        }
        sql.append(" order by c.due_at, c.id limit ").append(q.bind(Math.max(1, Math.min(size, MAX_PAGE))))
                .append(" offset ").append(q.bind(Math.max(0, first)));
        List<BoardRow> rows = new ArrayList<>();
        for (Object[] r : q.list(em, sql.toString())) {
            DeadlineState s = DeadlineState.valueOf((String) r[8]);
            rows.add(new BoardRow(num(r[0]), (String) r[1], num(r[2]), (String) r[3], (String) r[4],
                    UnitRole.valueOf((String) r[5]), CaseStatus.valueOf((String) r[6]), SqlTimes.offsetDateTime(r[7]), s,
                    r[9] == null ? null : Severity.valueOf((String) r[9]),
                    r[10] == null ? null : BatchNumbering.label(((Number) r[10]).intValue(), ((Number) r[11]).intValue()),
                    s.name().equals(r[12]) ? SqlTimes.offsetDateTime(r[13]) : null, ((Number) r[14]).intValue()));
        }
        return new BoardPage(rows, counts.of(f.state()), counts);
    }

    /** Open cases per deadline state under the filter's unit, severity and batch. */
    @RolesAllowed({Role.SUPERVISE, Role.LEAD})
    public StateCounts counts(Filter filter) {
        Filter f = filter == null ? Filter.none() : filter;
        Query q = new Query(OffsetDateTime.now(clock), window(), zone());
        StringBuilder sql = new StringBuilder("select s, count(*) from (select " + q.state() + " as s"
                + " from handling_case c join message m on m.id = c.message_id where " + DeadlineSql.OPEN);
        q.filters(sql, f);
        sql.append(") x group by s");
        Map<DeadlineState, Long> byState = new EnumMap<>(DeadlineState.class);
        for (Object[] r : q.list(em, sql.toString())) {
            byState.put(DeadlineState.valueOf((String) r[0]), ((Number) r[1]).longValue());
        }
        return new StateCounts(byState.getOrDefault(DeadlineState.ON_TIME, 0L),
                byState.getOrDefault(DeadlineState.DUE_SOON, 0L), byState.getOrDefault(DeadlineState.OVERDUE, 0L),
                byState.getOrDefault(DeadlineState.OVERDUE_UNANSWERED, 0L));
    }

    /** Units for the filter: active units, by name. */
    @RolesAllowed({Role.SUPERVISE, Role.LEAD})
    public List<Option> unitOptions(boolean english) {
        return people.activeUnits().stream()
                .map(u -> new Option(u.getId(), english && u.getNameEn() != null ? u.getNameEn() : u.getName()))
                .toList();
    }

    /** Batches that still have open cases, newest first. */
    @RolesAllowed({Role.SUPERVISE, Role.LEAD})
    public List<Option> batchOptions() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select b.id, b.year, b.number from batch b where exists"
                + " (select 1 from message m join handling_case c on c.message_id = m.id where m.batch_id = b.id and "
                + DeadlineSql.OPEN + ") order by b.cut_at desc limit 100").getResultList();
        return rows.stream().map(r -> new Option(num(r[0]),
                BatchNumbering.label(((Number) r[1]).intValue(), ((Number) r[2]).intValue()))).toList();
    }

    // --- overdue notices -------------------------------------------------------------------------------------------

    /** Issues a notice for one overdue case with neither reply nor explanation, and mails the unit. */
    @RolesAllowed(Role.SUPERVISE)
    public NoticeView issueForCase(Long caseId) {
        Case c = findCase(caseId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        refuseUnlessNoticeable(c, now);
        List<OverdueNotice> issued = issue(List.of(c), now);
        return view(issued.get(0), now);
    }

    /** Issues a notice for each of a unit's overdue cases with neither reply nor explanation (and no open notice). */
    @RolesAllowed(Role.SUPERVISE)
    public List<NoticeView> issueForUnit(Long unitId) {
        Unit unit = unitId == null ? null : em.find(Unit.class, unitId);
        if (unit == null) {
            throw new ActionRefused(Kind.NOT_FOUND, "supervision.error.unitNotFound");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select c.id from handling_case c where c.unit_id = ?1 and "
                        + DeadlineSql.OPEN + " and c.due_at < ?2 and not " + DeadlineSql.ANSWERED
                        + " and not exists (select 1 from overdue_notice n where n.case_id = c.id"
                        + " and n.answered_at is null) order by c.due_at, c.id limit 500")
                .setParameter(1, unitId).setParameter(2, now).getResultList();
        if (ids.isEmpty()) {
            throw new ActionRefused(Kind.WRONG_STATE, "supervision.error.nothingOverdue", unit.getName());
        }
        List<Case> cases = em.createQuery("select c from Case c join fetch c.message join fetch c.unit"
                        + " where c.id in :ids order by c.dueAt, c.id", Case.class)
                .setParameter("ids", ids.stream().map(Number::longValue).toList()).getResultList();
        return issue(cases, now).stream().map(n -> view(n, now)).toList();
    }

    /** A notice, for supervisors, leaders and the liaisons of the unit it was issued to. */
    @RolesAllowed({Role.SUPERVISE, Role.LEAD, Role.UNIT_LIAISON})
    public NoticeView notice(Long noticeId) {
        return view(readableNotice(noticeId), OffsetDateTime.now(clock));
    }

    /** The notices issued about a case, newest first; the same readers as the case. */
    @RolesAllowed({Role.SUPERVISE, Role.LEAD, Role.UNIT_LIAISON})
    public List<NoticeView> noticesOfCase(Long caseId) {
        Case c = findCase(caseId);
        if (!mayRead(c.getUnit().getId())) {
            throw new ActionRefused(Kind.FORBIDDEN, "supervision.error.forbidden");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return em.createQuery("select n from OverdueNotice n join fetch n.handlingCase where n.handlingCase.id = :c"
                        + " order by n.issuedAt desc, n.id desc", OverdueNotice.class)
                .setParameter("c", caseId).setMaxResults(50).getResultList().stream().map(n -> view(n, now)).toList();
    }

    /** The notice as an A4 PDF, for the same readers as {@link #notice}. */
    @RolesAllowed({Role.SUPERVISE, Role.LEAD, Role.UNIT_LIAISON})
    public byte[] noticePdf(Long noticeId) {
        return NoticePdf.render(view(readableNotice(noticeId), OffsetDateTime.now(clock)));
    }

    /**
     * The unit's liaison answers a notice with an explanation (情况说明): the notice is answered and the case counts
     * as explained, so it is no longer "overdue without reply or explanation".
     */
    @RolesAllowed(Role.UNIT_LIAISON)
    public NoticeView explain(Long noticeId, String text, Long version) {
        OverdueNotice n = findNotice(noticeId);
        if (!isLiaisonOf(n.getUnit().getId())) {
            throw new ActionRefused(Kind.FORBIDDEN, "supervision.error.forbidden");
        }
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.length() > MAX_EXPLANATION) {
            throw new ActionRefused(Kind.INVALID, "supervision.error.explanationRequired",
                    String.valueOf(MAX_EXPLANATION));
        }
        if (n.isAnswered()) {
            throw new ActionRefused(Kind.WRONG_STATE, "supervision.error.alreadyAnswered");
        }
        if (version != null && version != n.getVersion()) {
            throw new ActionRefused(Kind.CONFLICT, "supervision.error.changed");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        n.explain(t, now);
        // Case belongs to handling; its explanation time is set here in SQL (with its version) rather than through a
        // setter, so handling's entity stays as its owner shapes it.
        em.flush();
        em.createNativeQuery("update handling_case set explained_at = coalesce(explained_at, ?1),"
                        + " version = version + 1 where id = ?2")
                .setParameter(1, now).setParameter(2, n.getHandlingCase().getId()).executeUpdate();
        audit.record(actor(), Role.UNIT_LIAISON, "NOTICE_EXPLAINED", "case", n.getHandlingCase().getId(), null,
                "{\"notice\":\"" + n.getNumberText() + "\"}");
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ActionRefused(Kind.CONFLICT, "supervision.error.changed");
        }
        return view(n, now);
    }

    // --- internals -------------------------------------------------------------------------------------------------

    private List<OverdueNotice> issue(List<Case> cases, OffsetDateTime now) {
        Person issuer = people.findByUsername(actor())
                .orElseThrow(() -> new ActionRefused(Kind.FORBIDDEN, "supervision.error.forbidden"));
        int year = now.atZoneSameInstant(zoneId()).getYear();
        Map<Long, List<OverdueNotice>> byUnit = new LinkedHashMap<>();
        for (Case c : cases) {
            OverdueNotice n = new OverdueNotice(year, nextNumber(year), c, issuer, now);
            em.persist(n);
            byUnit.computeIfAbsent(c.getUnit().getId(), k -> new ArrayList<>()).add(n);
        }
        em.flush();
        for (List<OverdueNotice> notices : byUnit.values()) {
            for (OverdueNotice n : notices) {
                audit.record(actor(), Role.SUPERVISE, "NOTICE_ISSUED", "case", n.getHandlingCase().getId(), null,
                        "{\"notice\":\"" + n.getNumberText() + "\",\"id\":" + n.getId() + "}");
            }
            Unit u = notices.get(0).getUnit();
            mail.notices(u.getId(), u.getName(), u.getHeadEmail(), u.getEmail(), notices);
        }
        return byUnit.values().stream().flatMap(List::stream).toList();
    }

    /** The next number of the year: one row per year, incremented under its row lock, so never twice and no gaps. */
    private int nextNumber(int year) {
        return ((Number) em.createNativeQuery("insert into notice_number (year, last_number) values (?1, 1)"
                        + " on conflict (year) do update set last_number = notice_number.last_number + 1"
                        + " returning last_number")
                .setParameter(1, year).getSingleResult()).intValue();
    }

    private void refuseUnlessNoticeable(Case c, OffsetDateTime now) {
        if (!c.getStatus().isOpen()) {
            throw new ActionRefused(Kind.WRONG_STATE, "supervision.error.notOpen");
        }
        if (!c.getDueAt().isBefore(now)) {
            throw new ActionRefused(Kind.WRONG_STATE, "supervision.error.notOverdue");
        }
        boolean answered = ((Number) em.createNativeQuery("select count(*) from handling_case c where c.id = ?1 and "
                + DeadlineSql.ANSWERED).setParameter(1, c.getId()).getSingleResult()).longValue() > 0;
        if (answered) {
            throw new ActionRefused(Kind.WRONG_STATE, "supervision.error.alreadyAnswered");
        }
        long open = em.createQuery("select count(n) from OverdueNotice n where n.handlingCase = :c"
                + " and n.answeredAt is null", Long.class).setParameter("c", c).getSingleResult();
        if (open > 0) {
            throw new ActionRefused(Kind.WRONG_STATE, "supervision.error.alreadyNoticed");
        }
    }

    private NoticeView view(OverdueNotice n, OffsetDateTime now) {
        return documents.view(n, now, !n.isAnswered() && isLiaisonOf(n.getUnit().getId()));
    }

    private OverdueNotice readableNotice(Long noticeId) {
        OverdueNotice n = findNotice(noticeId);
        if (!mayRead(n.getUnit().getId())) {
            throw new ActionRefused(Kind.FORBIDDEN, "supervision.error.forbidden");
        }
        return n;
    }

    private boolean mayRead(Long unitId) {
        return ctx.isCallerInRole(Role.SUPERVISE) || ctx.isCallerInRole(Role.LEAD) || isLiaisonOf(unitId);
    }

    private OverdueNotice findNotice(Long id) {
        List<OverdueNotice> found = id == null ? List.of() : em.createQuery("""
                        select n from OverdueNotice n join fetch n.handlingCase c join fetch c.message
                        join fetch n.unit join fetch n.issuedBy where n.id = :id""", OverdueNotice.class)
                .setParameter("id", id).getResultList();
        if (found.isEmpty()) {
            throw new ActionRefused(Kind.NOT_FOUND, "supervision.error.noticeNotFound");
        }
        return found.get(0);
    }

    private Case findCase(Long caseId) {
        List<Case> found = caseId == null ? List.of() : em.createQuery(
                        "select c from Case c join fetch c.message join fetch c.unit where c.id = :id", Case.class)
                .setParameter("id", caseId).getResultList();
        if (found.isEmpty()) {
            throw new ActionRefused(Kind.NOT_FOUND, "supervision.error.caseNotFound");
        }
        return found.get(0);
    }

    private boolean isLiaisonOf(Long unitId) {
        return ctx.isCallerInRole(Role.UNIT_LIAISON) && people.findByUsername(actor())
                .map(p -> p.isLiaisonOf(unitId)).orElse(false);
    }

    private String actor() {
        return ctx.getCallerPrincipal().getName();
    }

    private DueSoonWindow window() {
        return DueSoonWindow.at(clock.instant(), 1, deadlines.calendar(), deadlines.policy());
    }

    private java.time.ZoneId zoneId() {
        return deadlines.policy().zone();
    }

    private String zone() {
        return zoneId().getId();
    }

    private static Long num(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }


    /** A native query with the state parameters at ?1–?4 and the filters' values after them. */
    private static final class Query {
        private final List<Object> params = new ArrayList<>();
        private final DueSoonWindow w;
        private final String zone;

        Query(OffsetDateTime now, DueSoonWindow w, String zone) {
            this.w = w;
            this.zone = zone;
            params.add(now);
            params.add(w.allBefore().atOffset(now.getOffset()));
            params.add(w.todayBefore().atOffset(now.getOffset()));
            params.add(w.timeOfDay().truncatedTo(ChronoUnit.MICROS).toString());
        }

        String state() {
            return DeadlineSql.state(w, zone, 1, 2, 3, 4);
        }

        String bind(Object value) {
            params.add(value);
            return "?" + params.size();
        }

        void filters(StringBuilder sql, Filter f) {
            if (f.unitId() != null) {
                sql.append(" and c.unit_id = ").append(bind(f.unitId()));
            }
            if (f.severity() != null) {
                sql.append(" and m.severity = ").append(bind(f.severity().name()));
            }
            if (f.batchId() != null) {
                sql.append(" and m.batch_id = ").append(bind(f.batchId()));
            }
        }

        @SuppressWarnings("unchecked")
        List<Object[]> list(EntityManager em, String sql) {
            jakarta.persistence.Query q = em.createNativeQuery(sql);
            for (int i = 0; i < params.size(); i++) {
                q.setParameter(i + 1, params.get(i));
            }
            return q.getResultList();
        }
    }
}
