package org.wenzheng.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wenzheng.common.mail.MailOutbox;
import org.wenzheng.people.Role;

import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * 重大 and 特别重大 messages alert every active leader by e-mail at once, without waiting for the batch. The mail is
 * queued inside the registering transaction (outbox), so it exists exactly when the registration does.
 */
@ApplicationScoped
public class MajorAlertMail {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @PersistenceContext
    EntityManager em;

    @Inject
    MailOutbox outbox;

    @Inject
    @ConfigProperty(name = "wz.site.url", defaultValue = "http://localhost:8080")
    String siteUrl;

    void onMajor(@Observes MajorMessageRegistered e) {
        List<String> leaders = em.createQuery("""
                        select p.email from Person p join p.roles r
                        where r = :leader and p.active = true and p.email is not null""", String.class)
                .setParameter("leader", Role.LEADER).getResultList();
        String grade = switch (e.severity()) {
            case MAJOR -> "重大";
            case EXTRAORDINARY -> "特别重大";
            default -> e.severity().name();
        };
        String subject = "【" + grade + "舆情提醒】" + e.title();
        String body = "一条留言已被登记为" + grade + "舆情" + (e.urgent() ? "（紧急）" : "") + "，请及时批办。\n\n"
                + "标题：" + e.title() + "\n登记：" + e.registeredBy() + "，"
                + e.registeredAt().atZoneSameInstant(org.wenzheng.common.ClockProducer.ZONE).format(TIME) + "\n"
                + "查看：" + siteUrl.replaceAll("/+$", "") + "/office/intake/alerts.xhtml\n";
        for (String address : leaders) {
            outbox.enqueue(address, subject, body, "message", e.messageId());
        }
    }
}
