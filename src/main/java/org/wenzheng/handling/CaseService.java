package org.wenzheng.handling;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import org.wenzheng.audit.AuditEntry;
import org.wenzheng.audit.AuditTrail;
import org.wenzheng.batch.Batch;
import org.wenzheng.batch.BatchStatus;
import org.wenzheng.board.Message;
import org.wenzheng.board.MessageStatus;
import org.wenzheng.deadline.DeadlineService;
import org.wenzheng.deadline.DueDate;
import org.wenzheng.common.ActionRefused;
import org.wenzheng.common.ActionRefused.Kind;
import org.wenzheng.people.PeopleService;
import org.wenzheng.people.Person;
import org.wenzheng.people.Role;
import org.wenzheng.people.Unit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/** Cases in units. A liaison only ever sees the cases of the units they belong to. */
@Stateless
public class CaseService {

    static final List<CaseStatus> OPEN =
            List.of(CaseStatus.ROUTED, CaseStatus.DRAFTING, CaseStatus.UNDER_REVIEW, CaseStatus.APPROVED);

    @PersistenceContext
    EntityManager em;

    @Inject
    SecurityContext security;

    @Inject
    PeopleService people;

    @Resource
    SessionContext ctx;

    @Inject
    Clock clock;

    @Inject
    DeadlineService deadlines;

    @Inject
    AuditTrail audit;

    /** Open cases of the caller's own units, soonest due first. */
    @RolesAllowed(Role.UNIT_LIAISON)
    public List<Case> myUnitsOpenCases(int max) {
        List<Long> unitIds = callerUnitIds();
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("""
                        select c from Case c join fetch c.message join fetch c.unit
                        where c.unit.id in :units and c.status in :open order by c.dueAt, c.id""", Case.class)
                .setParameter("units", unitIds)
                .setParameter("open", OPEN)
                .setMaxResults(Math.min(max, 200))
                .getResultList();
    }

    /** All open cases, for leaders and supervisors. */
    @RolesAllowed({Role.LEAD, Role.SUPERVISE})
    public long openCount() {
        return em.createQuery("select count(c) from Case c where c.status in :open", Long.class)
                .setParameter("open", OPEN).getSingleResult();
    }

    /**
     * One case with its message, instruction, explained due date and history. A liaison only for a case of one of
     * their own units (else refused as FORBIDDEN); leaders and supervisors for any case.
     */
    @RolesAllowed({Role.UNIT_LIAISON, Role.LEAD, Role.SUPERVISE})
    public CaseDetail detail(Long caseId) {
        Case c = readableCase(caseId);
        Message m = c.getMessage();
        DueDate due = CaseClock.due(c, deadlines.calculator());
        // The explanation only if it still gives the stored due (a policy change may have moved it since).
        boolean dueMatches = due.dueAt().toInstant().equals(c.getDueAt().toInstant());
        List<Case> all = em.createQuery("select x from Case x join fetch x.unit where x.message = :m order by x.id",
                Case.class).setParameter("m", m).setMaxResults(100).getResultList();
        List<Long> ids = all.stream().map(Case::getId).toList();
        List<CaseDetail.HistoryLine> history = em.createQuery(
                        "select a from AuditEntry a where a.objectType = 'case' and a.objectId in :ids"
                                + " order by a.occurredAt, a.id", AuditEntry.class)
                .setParameter("ids", ids).setMaxResults(200).getResultList().stream()
                .map(a -> new CaseDetail.HistoryLine(a.getOccurredAt(), a.getActor(), a.getAction(), a.getObjectId()))
                .toList();
        List<CaseDetail.OtherUnit> others = all.stream().filter(x -> !x.getId().equals(c.getId()))
                .map(x -> new CaseDetail.OtherUnit(x.getId(), x.getUnit().getName(), x.getUnitRole(), x.getStatus()))
                .toList();
        boolean mayReturn = c.isReturnable() && isLiaisonOf(c.getUnit().getId());
        return new CaseDetail(c.getId(), c.getVersion(), c.getStatus(), c.getUnitRole(), c.getUnit().getId(),
                c.getUnit().getName(), m.getId(), m.getTitle(), m.getBody(), m.getPostedAt(), c.getInstruction(),
                c.getRoutedBy() == null ? null : c.getRoutedBy().getDisplayName(), c.getRoutedAt(), c.getDueAt(),
                dueMatches ? due.explainZh() : null, dueMatches ? due.explainEn() : null, c.isUrgent(),
                c.getReturnedAt(), c.getReturnReasonCode(), c.getReturnReason(), mayReturn, others, history);
    }

    /**
     * A liaison of the case's unit returns it (退回) as misrouted, with a reason. If it was the lead unit's case, the
     * message goes back to its batch for re-routing and the other units' open cases close; the batch waits again.
     */
    @RolesAllowed(Role.UNIT_LIAISON)
    public void returnCase(Long caseId, ReturnReason reason, String text, Long version) {
        Case c = findCase(caseId);
        if (!isLiaisonOf(c.getUnit().getId())) {
            throw new ActionRefused(Kind.FORBIDDEN, "case.error.forbidden");
        }
        if (reason == null || text == null || text.isBlank() || text.length() > 1000) {
            throw new ActionRefused(Kind.INVALID, "return.error.reasonRequired");
        }
        if (version != null && version != c.getVersion()) {
            throw new ActionRefused(Kind.CONFLICT, "case.error.changed");
        }
        Message m = c.getMessage();
        boolean lead = c.getUnitRole() == UnitRole.LEAD;
        if (!c.isReturnable() || (lead && m.getStatus() != MessageStatus.ROUTED
                && m.getStatus() != MessageStatus.HANDLING)) {
            throw new ActionRefused(Kind.WRONG_STATE, "return.error.notReturnable");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        String before = "{\"status\":\"" + c.getStatus() + "\"}";
        c.returnAsMisrouted(now, reason, text.strip());
        audit.record(actor(), Role.UNIT_LIAISON, "CASE_RETURNED", "case", c.getId(), before,
                "{\"status\":\"RETURNED\",\"reason\":\"" + reason + "\"}");
        if (lead) {
            List<Case> others = em.createQuery("select x from Case x where x.message = :m and x.id <> :id",
                    Case.class).setParameter("m", m).setParameter("id", c.getId()).getResultList();
            for (Case other : others) {
                if (other.getStatus().isOpen()) {
                    other.closeForRerouting(now);
                    audit.record(actor(), Role.UNIT_LIAISON, "CASE_CLOSED_FOR_REROUTING", "case", other.getId(),
                            null, "{\"returnedCase\":" + c.getId() + "}");
                }
            }
            m.backForRerouting();
            Batch batch = m.getBatch();
            if (batch != null && batch.getStatus() == BatchStatus.ROUTED) {
                batch.setStatus(BatchStatus.SLIPPED);
            }
        }
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ActionRefused(Kind.CONFLICT, "case.error.changed");
        }
    }

    private Case readableCase(Long caseId) {
        Case c = findCase(caseId);
        if (!ctx.isCallerInRole(Role.LEAD) && !ctx.isCallerInRole(Role.SUPERVISE)
                && !isLiaisonOf(c.getUnit().getId())) {
            throw new ActionRefused(Kind.FORBIDDEN, "case.error.forbidden");
        }
        return c;
    }

    private Case findCase(Long caseId) {
        List<Case> found = caseId == null ? List.of() : em.createQuery(
                        "select c from Case c join fetch c.message join fetch c.unit where c.id = :id", Case.class)
                .setParameter("id", caseId).getResultList();
        if (found.isEmpty()) {
            throw new ActionRefused(Kind.NOT_FOUND, "case.error.notFound");
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

    private List<Long> callerUnitIds() {
        return people.findByUsername(security.getCallerPrincipal().getName())
                .map(Person::getUnits).orElseGet(java.util.Set::of)
                .stream().map(Unit::getId).toList();
    }
}
