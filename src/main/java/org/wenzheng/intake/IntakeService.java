package org.wenzheng.intake;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.wenzheng.board.MessageStatus;
import org.wenzheng.people.Role;

import java.util.List;

/** The intake officer's work: the queue of new messages (registration, rejection and merging follow in #5). */
@Stateless
public class IntakeService {

    @PersistenceContext
    EntityManager em;

    /** How many messages wait for the intake officer (new and held for review). */
    @RolesAllowed({Role.INTAKE, Role.LEAD, Role.SUPERVISE})
    public long waitingCount() {
        return em.createQuery("select count(m) from Message m where m.status in :waiting", Long.class)
                .setParameter("waiting", List.of(MessageStatus.SUBMITTED, MessageStatus.HELD))
                .getSingleResult();
    }
}
