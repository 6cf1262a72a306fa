package org.wenzheng.supervision;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import org.wenzheng.audit.AuditTrail;
import org.wenzheng.deadline.DeadlineService;
import org.wenzheng.common.ActionRefused;
import org.wenzheng.common.ActionRefused.Kind;
import org.wenzheng.people.PeopleService;
import org.wenzheng.people.Person;
import org.wenzheng.people.Role;
import org.wenzheng.supervision.SupervisionViews.BulletinSummary;
import org.wenzheng.supervision.SupervisionViews.BulletinView;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Bulletins (通报): the supervisor generates one for a period — every unit with cases due in it, their on-time rate,
 * and the units named for passing a due with neither reply nor explanation — a leader approves it or sends it back,
 * and once approved it is published on the public board with its PDF kept. Every step is audited.
 */
@Stateless
public class BulletinService {

    static final int MAX_DAYS = 366;
    static final int MAX_BODY = 20_000;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext ctx;

    @Inject
    PeopleService people;

    @Inject
    DeadlineService deadlines;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** Generates a draft for the period [from, to] (dates in the policy's zone, both included). */
    @RolesAllowed(Role.SUPERVISE)
    public BulletinView generate(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new ActionRefused(Kind.INVALID, "bulletin.error.period", String.valueOf(MAX_DAYS));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<BulletinLine> lines = figures(from, to, now);
        String title = SupervisionMail.zh("bulletin.text.title", BulletinText.date(from), BulletinText.date(to));
        Bulletin b = new Bulletin(from, to, title, BulletinText.body(from, to, now, lines), lines, me(), now);
        em.persist(b);
        em.flush();
        audit.record(actor(), Role.SUPERVISE, "BULLETIN_GENERATED", "bulletin", b.getId(), null,
                "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"named\":"
                        + lines.stream().filter(BulletinLine::isNamed).count() + "}");
        return view(b);
    }

    /** All bulletins, newest first. */
    @RolesAllowed({Role.SUPERVISE, Role.LEAD})
    public List<BulletinSummary> list() {
        return em.createQuery("select b from Bulletin b join fetch b.createdBy order by b.createdAt desc, b.id desc",
                Bulletin.class).setMaxResults(100).getResultList().stream().map(BulletinService::summary).toList();
    }

    @RolesAllowed({Role.SUPERVISE, Role.LEAD})
    public BulletinView bulletin(Long id) {
        return view(find(id));
    }

    /** A leader approves a draft. */
    @RolesAllowed(Role.LEAD)
    public BulletinView approve(Long id, Long version) {
        Bulletin b = find(id, version, Bulletin.Status.DRAFT);
        b.approve(me(), OffsetDateTime.now(clock));
        audit.record(actor(), Role.LEAD, "BULLETIN_APPROVED", "bulletin", b.getId(), "{\"status\":\"DRAFT\"}",
                "{\"status\":\"APPROVED\"}");
        return flushed(b);
    }

    /** A leader sends a draft back with a comment. */
    @RolesAllowed(Role.LEAD)
    public BulletinView sendBack(Long id, String comment, Long version) {
        String c = comment == null ? "" : comment.strip();
        if (c.isEmpty() || c.length() > 2000) {
            throw new ActionRefused(Kind.INVALID, "bulletin.error.commentRequired");
        }
        Bulletin b = find(id, version, Bulletin.Status.DRAFT);
        b.sendBack(c);
        audit.record(actor(), Role.LEAD, "BULLETIN_SENT_BACK", "bulletin", b.getId(), "{\"status\":\"DRAFT\"}",
                "{\"status\":\"SENT_BACK\"}");
        return flushed(b);
    }

    /** The supervisor revises the text of a draft or sent-back bulletin; it goes to the leader again. */
    @RolesAllowed(Role.SUPERVISE)
    public BulletinView revise(Long id, String body, Long version) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > MAX_BODY) {
            throw new ActionRefused(Kind.INVALID, "bulletin.error.bodyRequired");
        }
        Bulletin b = find(id);
        checkVersion(b, version);
        if (b.getStatus() != Bulletin.Status.DRAFT && b.getStatus() != Bulletin.Status.SENT_BACK) {
            throw new ActionRefused(Kind.WRONG_STATE, "bulletin.error.state");
        }
        String before = "{\"status\":\"" + b.getStatus() + "\"}";
        b.revise(text);
        audit.record(actor(), Role.SUPERVISE, "BULLETIN_REVISED", "bulletin", b.getId(), before,
                "{\"status\":\"DRAFT\"}");
        return flushed(b);
    }

    /** Publishes an approved bulletin on the board and keeps its PDF. */
    @RolesAllowed({Role.SUPERVISE, Role.LEAD})
    public BulletinView publish(Long id, Long version) {
        Bulletin b = find(id, version, Bulletin.Status.APPROVED);
        OffsetDateTime now = OffsetDateTime.now(clock);
        b.publish(BulletinPdf.render(view(b), now), now);
        audit.record(actor(), ctx.isCallerInRole(Role.SUPERVISE) ? Role.SUPERVISE : Role.LEAD, "BULLETIN_PUBLISHED",
                "bulletin", b.getId(), "{\"status\":\"APPROVED\"}", "{\"status\":\"PUBLISHED\"}");
        return flushed(b);
    }

    /** The PDF: as kept once published, else as it would print now. */
    @RolesAllowed({Role.SUPERVISE, Role.LEAD})
    public byte[] pdf(Long id) {
        Bulletin b = find(id);
        return b.getPdf() != null ? b.getPdf() : BulletinPdf.render(view(b), OffsetDateTime.now(clock));
    }

    /**
     * Per unit, the cases due in the period (returned cases are not the unit's; cases closed unanswered went back for
     * re-routing), those answered by their due, and those past their due with neither reply nor explanation now.
     */
    List<BulletinLine> figures(LocalDate from, LocalDate to, OffsetDateTime now) {
        ZoneId zone = deadlines.policy().zone();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select x.unit_id, u.name, count(*),"
                        + " count(*) filter (where x.answered_at <= x.due_at),"
                        + " count(*) filter (where x.due_at < ?3 and x.answered_at is null)"
                        + " from (select c.unit_id, c.status, c.due_at, " + DeadlineSql.ANSWERED_AT + " as answered_at"
                        + " from handling_case c where c.due_at >= ?1 and c.due_at < ?2 and c.status <> 'RETURNED') x"
                        + " join unit u on u.id = x.unit_id where not (x.status = 'CLOSED' and x.answered_at is null)"
                        + " group by x.unit_id, u.name order by 5 desc, u.name")
                .setParameter(1, from.atStartOfDay(zone).toOffsetDateTime())
                .setParameter(2, to.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
                .setParameter(3, now).getResultList();
        List<BulletinLine> lines = new ArrayList<>();
        for (Object[] r : rows) {
            lines.add(new BulletinLine(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).intValue(),
                    ((Number) r[3]).intValue(), ((Number) r[4]).intValue()));
        }
        return lines;
    }

    private Bulletin find(Long id, Long version, Bulletin.Status required) {
        Bulletin b = find(id);
        checkVersion(b, version);
        if (b.getStatus() != required) {
            throw new ActionRefused(Kind.WRONG_STATE, "bulletin.error.state");
        }
        return b;
    }

    private static void checkVersion(Bulletin b, Long version) {
        if (version != null && version != b.getVersion()) {
            throw new ActionRefused(Kind.CONFLICT, "bulletin.error.changed");
        }
    }

    private Bulletin find(Long id) {
        Bulletin b = id == null ? null : em.find(Bulletin.class, id);
        if (b == null) {
            throw new ActionRefused(Kind.NOT_FOUND, "bulletin.error.notFound");
        }
        return b;
    }

    private BulletinView flushed(Bulletin b) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ActionRefused(Kind.CONFLICT, "bulletin.error.changed");
        }
        return view(b);
    }

    private Person me() {
        return people.findByUsername(actor())
                .orElseThrow(() -> new ActionRefused(Kind.FORBIDDEN, "supervision.error.forbidden"));
    }

    private String actor() {
        return ctx.getCallerPrincipal().getName();
    }

    static BulletinView view(Bulletin b) {
        return new BulletinView(b.getId(), b.getTitle(), b.getPeriodFrom(), b.getPeriodTo(), b.getStatus(), b.getBody(),
                b.getLines().stream().map(SupervisionViews.LineView::of).toList(),
                b.getCreatedBy().getDisplayName(), b.getCreatedAt(),
                b.getApprovedBy() == null ? null : b.getApprovedBy().getDisplayName(), b.getApprovedAt(),
                b.getPublishedAt(), b.getReviewComment(), b.getVersion());
    }

    static BulletinSummary summary(Bulletin b) {
        return new BulletinSummary(b.getId(), b.getTitle(), b.getPeriodFrom(), b.getPeriodTo(), b.getStatus(),
                b.getCreatedBy().getDisplayName(), b.getCreatedAt(), b.getPublishedAt(),
                (int) b.getLines().stream().filter(BulletinLine::isNamed).count());
    }
}
