package org.wenzheng.handling;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import org.wenzheng.people.PeopleService;
import org.wenzheng.people.Person;
import org.wenzheng.people.Role;
import org.wenzheng.people.Unit;

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

    private List<Long> callerUnitIds() {
        return people.findByUsername(security.getCallerPrincipal().getName())
                .map(Person::getUnits).orElseGet(java.util.Set::of)
                .stream().map(Unit::getId).toList();
    }
}
