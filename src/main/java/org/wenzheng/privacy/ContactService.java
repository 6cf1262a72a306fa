package org.wenzheng.privacy;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.wenzheng.audit.AuditTrail;
import org.wenzheng.board.Message;
import org.wenzheng.people.Role;

import java.util.Optional;

/**
 * Showing a citizen's contact data in full: only to an intake officer (who may have to call back about a message),
 * only on an explicit request, and never without an audit entry CONTACT_VIEWED that says who looked at which
 * message's contact (not the data itself). Every other view shows it masked ({@link ContactMask}).
 */
@Stateless
public class ContactService {

    public static final String VIEWED = "CONTACT_VIEWED";

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Resource
    SessionContext session;

    /** The message's contact in full, audited; empty if there is no such message. */
    @RolesAllowed(Role.INTAKE)
    public Optional<Contact> reveal(long messageId) {
        Message m = em.find(Message.class, messageId);
        if (m == null) {
            return Optional.empty();
        }
        boolean erased = ((Number) em.createNativeQuery(
                        "select count(*) from message where id = ?1 and contact_erased_at is not null")
                .setParameter(1, messageId).getSingleResult()).longValue() > 0;
        audit.record(session.getCallerPrincipal().getName(), Role.INTAKE, VIEWED, "message", messageId, null,
                Json.createObjectBuilder().add("phone", m.getContactPhone() != null)
                        .add("email", m.getContactEmail() != null).build().toString());
        return Optional.of(new Contact(m.getContactPhone(), m.getContactEmail(), erased));
    }
}
