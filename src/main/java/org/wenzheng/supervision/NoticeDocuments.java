package org.wenzheng.supervision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.wenzheng.common.mail.MailAttachment;
import org.wenzheng.common.mail.MailAttachmentSource;
import org.wenzheng.deadline.DeadlinePolicy;
import org.wenzheng.deadline.DeadlineService;
import org.wenzheng.handling.Case;
import org.wenzheng.supervision.SupervisionViews.NoticeView;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * An overdue notice as a view and as its PDF. The notice mail carries the PDF as an attachment reference
 * ("overdue_notice", id), rendered here when the mail is sent, so the outbox holds no copy of it; who may read it was
 * decided when the mail was queued (the unit's liaisons and head), so rendering checks no caller.
 */
@ApplicationScoped
public class NoticeDocuments implements MailAttachmentSource {

    static final String KIND = "overdue_notice";

    @PersistenceContext
    EntityManager em;

    @Inject
    DeadlineService deadlines;

    @Inject
    Clock clock;

    @Override
    public String kind() {
        return KIND;
    }

    // No @Transactional: it reads in the sender's transaction, and an interceptor would mark that transaction for
    // rollback on a missing notice, undoing the record of the mails already sent in the batch.
    @Override
    public MailAttachment render(long noticeId) {
        List<OverdueNotice> found = em.createQuery("""
                        select n from OverdueNotice n join fetch n.handlingCase c join fetch c.message
                        join fetch n.unit join fetch n.issuedBy where n.id = :id""", OverdueNotice.class)
                .setParameter("id", noticeId).getResultList();
        if (found.isEmpty()) {
            throw new IllegalStateException("overdue notice " + noticeId + " no longer exists");
        }
        OverdueNotice n = found.get(0);
        return new MailAttachment("overdue-notice-" + n.getYear() + "-" + n.getNumber() + ".pdf", "application/pdf",
                NoticePdf.render(view(n, OffsetDateTime.now(clock), false)));
    }

    /** The notice as pages and the PDF show it at {@code now}. */
    NoticeView view(OverdueNotice n, OffsetDateTime now, boolean mayAnswer) {
        Case c = n.getHandlingCase();
        String body = c.getMessage().getBody();
        String summary = body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
        return new NoticeView(n.getId(), n.getNumberText(), n.getYear(), n.getNumber(), c.getId(),
                c.getMessage().getTitle(), summary, n.getUnit().getId(), n.getUnit().getName(), c.getDueAt(),
                daysOverdue(c.getDueAt(), now), n.getIssuedBy().getDisplayName(), n.getIssuedAt(), n.getAnsweredAt(),
                n.getAnswerKind(), n.getAnswerText(), mayAnswer, n.getVersion());
    }

    /** Whole working days (calendar days, in calendar-day mode) since the due day; 0 on the due day itself. */
    int daysOverdue(OffsetDateTime due, OffsetDateTime now) {
        if (!due.isBefore(now)) {
            return 0;
        }
        DeadlinePolicy policy = deadlines.policy();
        LocalDate dueDay = due.atZoneSameInstant(policy.zone()).toLocalDate();
        LocalDate today = now.atZoneSameInstant(policy.zone()).toLocalDate();
        return (int) Math.max(0, policy.workingDays() ? deadlines.calendar().workingDaysBetween(dueDay, today)
                : ChronoUnit.DAYS.between(dueDay, today));
    }
}
