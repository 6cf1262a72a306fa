package org.wenzheng.common.mail;

import db.migration.V19_1__encrypt_mail_outbox_recipients;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wenzheng.common.DataSourceConfiguration;
import org.wenzheng.testsupport.Deployments;
import org.wenzheng.testsupport.TestMailServer;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox against a real SMTP server (GreenMail, in the test JVM): a mail is delivered with its Chinese subject;
 * with the server down the step still commits and the mail waits with its error; once the server is back the retry
 * delivers it. The recipient is sealed at rest, also for rows queued before V19. In-container and client-side steps alternate, hence the order.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MailIT {

    private static final String FIRST = "MailIT 一 您的留言已受理";
    private static final String SECOND = "MailIT 二 服务器恢复后送达";

    @Deployment
    static WebArchive deployment() {
        return Deployments.application();
    }

    @Inject
    MailOutbox outbox;

    @Inject
    UserTransaction tx;

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
    DataSource dataSource;

    @Test
    @Order(1)
    void aQueuedMailIsDelivered() throws Exception {
        tx.begin();
        OutgoingMail mail = outbox.enqueue("citizen@example.org", FIRST, "查询码：ABCD-EFGH-JKMN\n谢谢您的留言。",
                "mailtest", 1L);
        tx.commit();
        outbox.dispatchDue(50);
        OutgoingMail stored = em.find(OutgoingMail.class, mail.getId());
        assertEquals(OutgoingMail.Status.SENT, stored.getStatus());
        assertNotNull(stored.getSentAt());
        assertEquals("citizen@example.org", stored.getRecipient());
        String raw = rawRecipient(mail.getId());
        assertTrue(raw.startsWith("v1:"), "sealed at rest: " + raw);
        assertFalse(raw.toLowerCase().contains("citizen") || raw.contains("example.org"), raw);
    }

    @Test
    @Order(7)
    void recipientsQueuedBeforeV19AreSealedByTheMigration() throws Exception {
        long plain = insertRaw("before-v19@example.org", "MailIT 迁移");
        long erased = insertRaw("", "MailIT 已删除");
        assertEquals("before-v19@example.org", rawRecipient(plain), "written as before V19");
        tx.begin();
        try (Connection c = dataSource.getConnection()) {
            org.wenzheng.testsupport.JavaMigrations.migrate(new V19_1__encrypt_mail_outbox_recipients(), c);
        }
        tx.commit();
        String sealed = rawRecipient(plain);
        assertTrue(sealed.startsWith("v1:") && !sealed.contains("before-v19"), sealed);
        assertEquals("", rawRecipient(erased), "an erased recipient stays erased");
        em.clear();
        assertEquals("before-v19@example.org", em.find(OutgoingMail.class, plain).getRecipient());
    }

    /** A sent mail as the outbox held it before V19. */
    private long insertRaw(String recipient, String subject) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     insert into mail_outbox (id, recipient, subject, body, related_type, related_id, status,
                                              next_attempt_at, created_at, sent_at)
                     values (nextval('mail_seq'), ?, ?, '…', 'mailtest', 2, 'SENT', now(), now(), now())
                     returning id""")) {
            ps.setString(1, recipient);
            ps.setString(2, subject);
            try (ResultSet r = ps.executeQuery()) {
                assertTrue(r.next());
                return r.getLong(1);
            }
        }
    }

    private String rawRecipient(long id) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select recipient from mail_outbox where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet r = ps.executeQuery()) {
                assertTrue(r.next());
                return r.getString(1);
            }
        }
    }

    @Test
    @Order(2)
    @RunAsClient
    void theMailServerReceivedItInUtf8() throws Exception {
        MimeMessage received = receivedWithSubject(FIRST);
        assertEquals("citizen@example.org", received.getAllRecipients()[0].toString());
        assertTrue(((String) received.getContent()).contains("查询码：ABCD-EFGH-JKMN"));
        TestMailServer.stop();
    }

    @Test
    @Order(3)
    void withTheServerDownTheStepCommitsAndTheMailWaits() throws Exception {
        tx.begin();
        OutgoingMail mail = outbox.enqueue("liaison@example.org", SECOND, "请办理。", "mailtest", 1L);
        tx.commit();
        outbox.dispatchDue(50);
        OutgoingMail stored = em.find(OutgoingMail.class, mail.getId());
        assertEquals(OutgoingMail.Status.PENDING, stored.getStatus());
        assertEquals(1, stored.getAttempts());
        assertNotNull(stored.getLastError());
        assertTrue(stored.getNextAttemptAt().isAfter(OffsetDateTime.now()), "retried later, not in a tight loop");
        assertEquals(List.of(SECOND, FIRST),
                outbox.about("mailtest", 1L).stream().map(OutgoingMail::getSubject).toList());
    }

    @Test
    @Order(4)
    @RunAsClient
    void theMailServerComesBack() {
        TestMailServer.start();
    }

    @Test
    @Order(5)
    void theRetryDeliversIt() throws Exception {
        tx.begin();
        // Time for the retry has come (tests move time instead of waiting for it).
        em.createNativeQuery("update mail_outbox set next_attempt_at = now() - interval '1 second' where subject = ?1")
                .setParameter(1, SECOND).executeUpdate();
        tx.commit();
        outbox.dispatchDue(50);
        OutgoingMail stored = em.createQuery("select m from OutgoingMail m where m.subject = :s", OutgoingMail.class)
                .setParameter("s", SECOND).getSingleResult();
        assertEquals(OutgoingMail.Status.SENT, stored.getStatus());
        assertEquals(2, stored.getAttempts());
    }

    @Test
    @Order(6)
    @RunAsClient
    void andItArrivedOnce() throws Exception {
        assertEquals("liaison@example.org", receivedWithSubject(SECOND).getAllRecipients()[0].toString());
    }

    private static MimeMessage receivedWithSubject(String subject) throws Exception {
        TestMailServer.greenMail().waitForIncomingEmail(10_000, 1);
        List<MimeMessage> matching = Arrays.stream(TestMailServer.greenMail().getReceivedMessages())
                .filter(m -> {
                    try {
                        return subject.equals(m.getSubject());
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                }).toList();
        assertEquals(1, matching.size(), "exactly one mail with subject " + subject);
        return matching.get(0);
    }
}
