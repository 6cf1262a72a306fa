package org.wenzheng.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.wenzheng.audit.AuditTrail;
import org.wenzheng.board.MessageStatus;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Erases the contact data of messages the {@link RetentionRule} says are done with it, a chunk per transaction, each
 * chunk audited (CONTACT_ERASED with the count, never the data). Erased: phone, e-mail, the keyed hashes of the contact
 * and of the client address, and the citizen's address on mails about the message (the tracking-code mail); the
 * message's text, status and the fact that mails were sent stay.
 */
@ApplicationScoped
public class ContactRetention {

    public static final String ERASED = "CONTACT_ERASED";
    private static final Logger LOG = Logger.getLogger(ContactRetention.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    ContactCrypto crypto;

    /** One chunk of at most {@code limit} messages after id {@code afterId}; returns the ids looked at (erased or not). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Chunk eraseChunk(RetentionRule rule, OffsetDateTime now, long afterId, int limit) {
        OffsetDateTime cutoff = rule.cutoff(now);
        Timestamp cut = Timestamp.from(cutoff.toInstant());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select c.id, c.status, c.last_activity, c.contact_email from (
                          select m.id, m.status, m.contact_email,
                                 greatest(m.posted_at, m.registered_at, m.replied_at, m.closed_at,
                                          (select max(f.posted_at) from follow_up f where f.message_id = m.id),
                                          (select max(r.rated_at) from rating r where r.message_id = m.id))
                                   as last_activity
                          from message m
                          where m.id > ?1 and m.contact_erased_at is null and m.posted_at < ?2
                            and m.status in (""" + RetentionRule.finishedSql() + """
                        )
                            and (m.contact_phone is not null or m.contact_email is not null
                                 or m.contact_hash is not null or m.client_hash is not null)
                          order by m.id) c
                        where c.last_activity < ?2
                        order by c.id limit ?3""")
                .setParameter(1, afterId).setParameter(2, cut).setParameter(3, limit)
                .getResultList();
        List<Long> erase = new ArrayList<>();
        long last = afterId;
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            last = id;
            OffsetDateTime activity = r[2] == null ? null
                    : ((Timestamp) r[2]).toInstant().atOffset(ZoneOffset.UTC);
            if (!rule.erasable(MessageStatus.valueOf((String) r[1]), activity, now)) {
                continue;
            }
            eraseMailRecipient(id, (String) r[3]);
            erase.add(id);
        }
        if (!erase.isEmpty()) {
            for (Long id : erase) {
                em.createNativeQuery("""
                                update message set contact_phone = null, contact_email = null, contact_hash = null,
                                       client_hash = null, contact_erased_at = ?1
                                where id = ?2""")
                        .setParameter(1, Timestamp.from(now.toInstant())).setParameter(2, id).executeUpdate();
            }
            audit.record("system", "SYSTEM", ERASED, "message", null, null, Json.createObjectBuilder()
                    .add("messages", erase.size()).add("retentionMonths", rule.months())
                    .add("lastActivityBefore", cutoff.toString()).build().toString());
        }
        return new Chunk(rows.size(), erase.size(), last);
    }

    /** The citizen's address on mails about the message; staff recipients of the same message's alerts stay. */
    private void eraseMailRecipient(long messageId, String storedEmail) {
        if (storedEmail == null) {
            return;
        }
        String email;
        try {
            email = crypto.decrypt(storedEmail);
        } catch (ContactDataException e) {
            LOG.warning(() -> "Message " + messageId + ": contact e-mail unreadable (" + e.getMessage()
                    + "); erased without looking for its mails");
            return;
        }
        // Recipients are sealed with a fresh IV each (V19), so they are compared opened, not in SQL; a message has
        // only a few mails.
        @SuppressWarnings("unchecked")
        List<Object[]> mails = em.createNativeQuery("""
                        select id, recipient from mail_outbox where related_type = 'message' and related_id = ?1
                          and recipient <> ''""")
                .setParameter(1, messageId).getResultList();
        for (Object[] mail : mails) {
            String recipient;
            try {
                recipient = crypto.decrypt((String) mail[1]);
            } catch (ContactDataException e) {
                LOG.warning(() -> "Mail " + mail[0] + ": recipient unreadable (" + e.getMessage() + "); left as is");
                continue;
            }
            if (email.equalsIgnoreCase(recipient)) {
                em.createNativeQuery("update mail_outbox set recipient = '' where id = ?1")
                        .setParameter(1, ((Number) mail[0]).longValue()).executeUpdate();
            }
        }
    }

    /** What one chunk did: rows looked at, rows erased, the last id looked at (where the next chunk starts). */
    public record Chunk(int seen, int erased, long lastId) {
    }
}
