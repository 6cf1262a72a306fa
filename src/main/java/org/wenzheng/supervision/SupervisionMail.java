package org.wenzheng.supervision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wenzheng.common.ClockProducer;
import org.wenzheng.common.mail.MailAttachment;
import org.wenzheng.common.mail.MailOutbox;
import org.wenzheng.common.web.LocaleBean;
import org.wenzheng.common.web.Texts;
import org.wenzheng.people.Role;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Supervision's mail, always queued in the caller's transaction through the outbox (so a mail exists exactly when the
 * record of having sent it does): reminders to a unit's liaisons, first-response alerts to the leaders, overdue
 * notices to a unit's liaisons and head. In Chinese, like the other notifications.
 */
@ApplicationScoped
public class SupervisionMail {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @PersistenceContext
    EntityManager em;

    @Inject
    MailOutbox outbox;

    @Inject
    @ConfigProperty(name = "wz.site.url", defaultValue = "http://localhost:8080")
    String siteUrl;

    /** What a mail about a case needs to say. */
    public record CaseFacts(Long caseId, Long unitId, String unitName, String title, OffsetDateTime dueAt,
                            OffsetDateTime postedAt, String severity) {
    }

    /** The facts of the given cases, in one query. */
    List<CaseFacts> facts(Collection<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("""
                        select c.id, c.unit.id, c.unit.name, c.message.title, c.dueAt, c.message.postedAt,
                               c.message.severity
                        from Case c where c.id in :ids order by c.dueAt, c.id""", Object[].class)
                .setParameter("ids", new LinkedHashSet<>(caseIds)).getResultList().stream()
                .map(r -> new CaseFacts((Long) r[0], (Long) r[1], (String) r[2], (String) r[3],
                        (OffsetDateTime) r[4], (OffsetDateTime) r[5], r[6] == null ? null : r[6].toString()))
                .toList();
    }

    /** One reminder (催办) per case to its unit's liaisons. Returns how many mails were queued. */
    int reminders(List<CaseFacts> cases) {
        Map<Long, List<String>> liaisons = liaisonAddresses(cases.stream().map(CaseFacts::unitId).toList());
        int queued = 0;
        for (CaseFacts c : cases) {
            String subject = zh("supervision.mail.reminder.subject", c.title());
            String body = zh("supervision.mail.reminder.body", c.unitName(), c.title(), time(c.dueAt()),
                    link("/office/cases/case.xhtml?id=" + c.caseId()));
            for (String to : liaisons.getOrDefault(c.unitId(), List.of())) {
                outbox.enqueue(to, subject, body, "case", c.caseId());
                queued++;
            }
        }
        return queued;
    }

    /** The leaders are alerted that a major case has had no reply within the first-response limit. */
    int firstResponseAlerts(List<CaseFacts> cases) {
        List<String> leaders = leaderAddresses();
        int queued = 0;
        for (CaseFacts c : cases) {
            String grade = zh("supervision.severity." + c.severity());
            String subject = zh("supervision.mail.alert.subject", grade, c.title());
            String body = zh("supervision.mail.alert.body", grade, c.title(), c.unitName(), time(c.postedAt()),
                    time(c.dueAt()), link("/office/cases/case.xhtml?id=" + c.caseId()));
            for (String to : leaders) {
                outbox.enqueue(to, subject, body, "case", c.caseId());
                queued++;
            }
        }
        return queued;
    }

    /**
     * One mail for the notices just issued to a unit, to its liaisons, its head (the unit's head_email) and its
     * office mailbox (the unit's email), where recorded, with a link to each notice and each notice's PDF attached
     * (rendered when the mail is sent, see {@link NoticeDocuments}).
     */
    int notices(Long unitId, String unitName, String headEmail, String unitEmail, List<OverdueNotice> notices) {
        Set<String> to = new LinkedHashSet<>(liaisonAddresses(List.of(unitId)).getOrDefault(unitId, List.of()));
        for (String address : new String[]{headEmail, unitEmail}) {
            if (address != null && !address.isBlank()) {
                to.add(address.strip());
            }
        }
        StringBuilder list = new StringBuilder();
        for (OverdueNotice n : notices) {
            list.append(zh("supervision.mail.notice.line", n.getNumberText(), n.getHandlingCase().getMessage().getTitle(),
                    time(n.getHandlingCase().getDueAt()), link("/office/supervision/notice.xhtml?id=" + n.getId()),
                    link("/office/supervision/notice.pdf?id=" + n.getId()))).append('\n');
        }
        String subject = notices.size() == 1
                ? zh("supervision.mail.notice.subject", notices.get(0).getNumberText(), unitName)
                : zh("supervision.mail.notice.subjectMany", String.valueOf(notices.size()), unitName);
        String body = zh("supervision.mail.notice.body", unitName, list.toString()) + "\n"
                + zh("supervision.mail.notice.attached");
        List<MailAttachment.Ref> pdfs = notices.stream()
                .map(n -> new MailAttachment.Ref(NoticeDocuments.KIND, n.getId())).toList();
        for (String address : to) {
            outbox.enqueue(address, subject, body, "overdue_notice", notices.get(0).getId(), pdfs);
        }
        return to.size();
    }

    /** Liaisons' addresses by unit, in one query. */
    Map<Long, List<String>> liaisonAddresses(Collection<Long> unitIds) {
        Map<Long, List<String>> result = new HashMap<>();
        if (unitIds.isEmpty()) {
            return result;
        }
        List<Object[]> rows = em.createQuery("""
                        select u.id, p.email from Person p join p.units u join p.roles r
                        where u.id in :units and r = :role and p.active = true and p.email is not null""",
                        Object[].class)
                .setParameter("units", new LinkedHashSet<>(unitIds)).setParameter("role", Role.LIAISON)
                .getResultList();
        for (Object[] row : rows) {
            result.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((String) row[1]);
        }
        return result;
    }

    List<String> leaderAddresses() {
        return em.createQuery("""
                        select distinct p.email from Person p join p.roles r
                        where r = :leader and p.active = true and p.email is not null""", String.class)
                .setParameter("leader", Role.LEADER).getResultList();
    }

    String link(String path) {
        return siteUrl.replaceAll("/+$", "") + path;
    }

    static String time(OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(ClockProducer.ZONE).format(TIME);
    }

    static String zh(String key, Object... args) {
        return Texts.get(LocaleBean.CHINESE, key, args);
    }
}
