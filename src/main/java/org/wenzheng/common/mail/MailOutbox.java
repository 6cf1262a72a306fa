package org.wenzheng.common.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.wenzheng.privacy.ContactMask;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The outbox: features enqueue mail in their own transaction (so a step and its notification commit together), and
 * {@link #dispatchDue(int)} sends what is due. Rows are claimed with FOR UPDATE SKIP LOCKED, so several application
 * instances never send the same mail twice.
 */
@ApplicationScoped
public class MailOutbox {

    private static final Logger LOG = Logger.getLogger(MailOutbox.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    MailTransport transport;

    @Inject
    Instance<MailAttachmentSource> attachmentSources;

    RetrySchedule schedule = RetrySchedule.DEFAULT;

    /** Queues a plain-text mail about an object (for example "case", 42). Joins the caller's transaction. */
    @Transactional
    public OutgoingMail enqueue(String recipient, String subject, String body, String relatedType, Long relatedId) {
        return enqueue(recipient, subject, body, relatedType, relatedId, List.of());
    }

    /**
     * Queues a mail with attachments, kept as references and rendered by their {@link MailAttachmentSource} when the
     * mail is sent (so a document is never stored twice). Joins the caller's transaction.
     */
    @Transactional
    public OutgoingMail enqueue(String recipient, String subject, String body, String relatedType, Long relatedId,
                                List<MailAttachment.Ref> attachments) {
        OutgoingMail mail = new OutgoingMail(recipient, subject, body, relatedType, relatedId, OffsetDateTime.now(clock));
        em.persist(mail);
        if (!attachments.isEmpty()) {
            em.flush();
            for (int i = 0; i < attachments.size(); i++) {
                MailAttachment.Ref ref = attachments.get(i);
                em.createNativeQuery("insert into mail_attachment (mail_id, position, kind, ref_id) values (?1, ?2, ?3, ?4)")
                        .setParameter(1, mail.getId()).setParameter(2, i).setParameter(3, ref.kind())
                        .setParameter(4, ref.id()).executeUpdate();
            }
        }
        return mail;
    }

    /** The attachments a queued mail carries, in order. */
    public List<MailAttachment.Ref> attachmentsOf(Long mailId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select kind, ref_id from mail_attachment where mail_id = ?1"
                + " order by position").setParameter(1, mailId).getResultList();
        return rows.stream().map(r -> new MailAttachment.Ref((String) r[0], ((Number) r[1]).longValue())).toList();
    }

    /** The mails sent or waiting about an object, newest first: what a case page shows as "notified / not yet". */
    public List<OutgoingMail> about(String relatedType, Long relatedId) {
        return em.createQuery("""
                        select m from OutgoingMail m where m.relatedType = :t and m.relatedId = :id
                        order by m.createdAt desc, m.id desc""", OutgoingMail.class)
                .setParameter("t", relatedType).setParameter("id", relatedId)
                .setMaxResults(100).getResultList();
    }

    /**
     * Sends up to {@code limit} due mails in one transaction of its own; returns how many were delivered. A failure
     * is recorded on the mail with the next attempt time and never stops the others.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int dispatchDue(int limit) {
        if (!transport.isConfigured()) {
            return 0;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                        select id from mail_outbox where status = 'PENDING' and next_attempt_at <= ?1
                        order by next_attempt_at, id limit ?2 for update skip locked""")
                .setParameter(1, now).setParameter(2, limit).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        List<Long> due = ids.stream().map(Number::longValue).toList();
        // The mails and their attachment references in two queries, whatever the number of mails.
        List<OutgoingMail> mails = em.createQuery(
                        "select m from OutgoingMail m where m.id in :ids order by m.nextAttemptAt, m.id", OutgoingMail.class)
                .setParameter("ids", due).getResultList();
        Map<Long, List<MailAttachment.Ref>> refs = attachmentsOf(due);
        int delivered = 0;
        for (OutgoingMail mail : mails) {
            try {
                transport.send(mail.getRecipient(), mail.getSubject(), mail.getBody(),
                        render(refs.getOrDefault(mail.getId(), List.of())));
                mail.sent(OffsetDateTime.now(clock));
                delivered++;
            } catch (Exception e) {
                // SMTP errors often name the recipient, who is personal data: masked in the record and the log.
                String why = ContactMask.inText(e.getMessage());
                mail.failed(OffsetDateTime.now(clock), e.getClass().getSimpleName() + ": " + why, schedule);
                LOG.warning(() -> "Mail " + mail.getId() + " not delivered (attempt " + mail.getAttempts() + "): "
                        + why);
            }
        }
        return delivered;
    }

    /** The attachment references of several mails, each list in order; mails without any are absent. */
    private Map<Long, List<MailAttachment.Ref>> attachmentsOf(List<Long> mailIds) {
        @SuppressWarnings("unchecked")
        // The ids are numbers read from the outbox, written into the SQL as such: never text from outside.
        String in = mailIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        List<Object[]> rows = em.createNativeQuery("select mail_id, kind, ref_id from mail_attachment"
                + " where mail_id in (" + in + ") order by mail_id, position").getResultList();
        Map<Long, List<MailAttachment.Ref>> out = new HashMap<>();
        for (Object[] r : rows) {
            out.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>())
                    .add(new MailAttachment.Ref((String) r[1], ((Number) r[2]).longValue()));
        }
        return out;
    }

    private List<MailAttachment> render(List<MailAttachment.Ref> refs) {
        List<MailAttachment> files = new ArrayList<>(refs.size());
        for (MailAttachment.Ref ref : refs) {
            MailAttachmentSource source = attachmentSources.stream().filter(s -> s.kind().equals(ref.kind()))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no attachment source for " + ref.kind()));
            files.add(source.render(ref.id()));
        }
        return files;
    }
}
