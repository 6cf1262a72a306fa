package org.wenzheng.people;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.wenzheng.audit.AuditTrail;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** What a member of staff does to their own account beyond the password: ending all their sessions. */
@Stateless
@RolesAllowed({Role.INTAKE, Role.LEAD, Role.UNIT_LIAISON, Role.SUPERVISE, Role.ADMIN})
public class AccountService {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext ctx;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    /**
     * Ends every back-office session of the caller, this one included: each is sent to the sign-in page at its next
     * request. Returns the moment from which new sessions count.
     */
    public OffsetDateTime signOutEverywhere() {
        String username = ctx.getCallerPrincipal().getName();
        Person p = em.createQuery("select p from Person p where p.username = :u", Person.class)
                .setParameter("u", username).getSingleResult();
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        String before = p.getSessionsValidAfter() == null ? null
                : "{\"sessionsValidAfter\":\"" + p.getSessionsValidAfter() + "\"}";
        p.setSessionsValidAfter(now);
        audit.record(username, null, "SESSIONS_ENDED", "person", p.getId(), before,
                "{\"sessionsValidAfter\":\"" + now + "\"}");
        return now;
    }
}
