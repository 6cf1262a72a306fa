package org.wenzheng.board.posting;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.wenzheng.audit.AuditTrail;
import org.wenzheng.board.Attachment;
import org.wenzheng.common.ActionRefused;
import org.wenzheng.people.Role;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Staff open a citizen's (or a unit's reply) attachment. Intake officers, leaders and supervisors may open any; a
 * liaison only one on a message that one of their units has a case for. Every opening is audited: the files may
 * hold personal data.
 */
@Stateless
public class AttachmentDownloads {

    @PersistenceContext
    EntityManager em;

    @Inject
    AttachmentStore store;

    @Inject
    AuditTrail audit;

    @Resource
    SessionContext ctx;

    /** What is sent: the stored file with the name and type checked when it was uploaded. */
    public record Download(String fileName, String contentType, long sizeBytes, Path file) {
    }

    @RolesAllowed({Role.INTAKE, Role.LEAD, Role.SUPERVISE, Role.UNIT_LIAISON})
    public Download open(Long attachmentId) {
        Attachment a = attachmentId == null ? null : em.find(Attachment.class, attachmentId);
        // A reply's file shares the table but is not a message attachment: it is read through its case only (the
        // handling service checks the unit), never here, where intake officers could read a unit's draft files.
        if (a == null || a.getMessage() == null) {
            throw new ActionRefused(ActionRefused.Kind.NOT_FOUND, "attachment.notFound");
        }
        String role = role();
        if (role.equals(Role.UNIT_LIAISON) && !liaisonHasCase(a)) {
            // The same answer as for a missing file, so ids cannot be probed across units.
            throw new ActionRefused(ActionRefused.Kind.NOT_FOUND, "attachment.notFound");
        }
        Path file = store.resolve(a.getStorageKey());
        if (!Files.isRegularFile(file)) {
            throw new ActionRefused(ActionRefused.Kind.NOT_FOUND, "attachment.notFound");
        }
        audit.record(ctx.getCallerPrincipal().getName(), role, "ATTACHMENT_OPENED", "attachment", a.getId(), null,
                "{\"message\":" + a.getMessage().getId() + "}");
        return new Download(a.getFileName(), a.getContentType(), a.getSizeBytes(), file);
    }

    private boolean liaisonHasCase(Attachment a) {
        return !em.createQuery("""
                        select c.id from Case c join c.unit u, Person p join p.units pu
                        where c.message = :m and p.username = :me and pu = u""", Long.class)
                .setParameter("m", a.getMessage()).setParameter("me", ctx.getCallerPrincipal().getName())
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** The broadest of the caller's roles, for the check and the audit entry. */
    private String role() {
        for (String r : new String[]{Role.INTAKE, Role.LEAD, Role.SUPERVISE}) {
            if (ctx.isCallerInRole(r)) {
                return r;
            }
        }
        return Role.UNIT_LIAISON;
    }
}
