package org.wenzheng.common.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.wenzheng.privacy.ContactConverter;

import java.time.OffsetDateTime;

/** One mail in the outbox, with its delivery state; related to the object it is about (a case, a message, …). */
@Entity
@Table(name = "mail_outbox")
public class OutgoingMail {

    /** PENDING until sent; FAILED once the retries are used up. */
    public enum Status { PENDING, SENT, FAILED }

    @Id
    @SequenceGenerator(name = "mail_seq", sequenceName = "mail_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_seq")
    private Long id;

    /** Sealed at rest like a message's contact data: it may be a citizen's e-mail (V19). */
    @Convert(converter = ContactConverter.class)
    @Column(nullable = false)
    private String recipient;

    @Column(nullable = false, length = 300)
    private String subject;

    @Column(nullable = false)
    private String body;

    @Column(name = "related_type", length = 30)
    private String relatedType;

    @Column(name = "related_id")
    private Long relatedId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Status status = Status.PENDING;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private OffsetDateTime nextAttemptAt;

    @Column(name = "last_error", length = 500)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    @Version
    private long version;

    protected OutgoingMail() {
    }

    OutgoingMail(String recipient, String subject, String body, String relatedType, Long relatedId,
                 OffsetDateTime now) {
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.relatedType = relatedType;
        this.relatedId = relatedId;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    void sent(OffsetDateTime at) {
        status = Status.SENT;
        sentAt = at;
        attempts++;
        lastError = null;
    }

    /** A failed attempt: try again later, or give up once the schedule is used up. */
    void failed(OffsetDateTime at, String error, RetrySchedule schedule) {
        attempts++;
        lastError = error == null ? null : error.substring(0, Math.min(500, error.length()));
        schedule.delayAfter(attempts).ifPresentOrElse(
                delay -> nextAttemptAt = at.plus(delay),
                () -> status = Status.FAILED);
    }

    public Long getId() { return id; }
    public String getRecipient() { return recipient; }
    public String getSubject() { return subject; }
    public String getBody() { return body; }
    public String getRelatedType() { return relatedType; }
    public Long getRelatedId() { return relatedId; }
    public Status getStatus() { return status; }
    public int getAttempts() { return attempts; }
    public OffsetDateTime getNextAttemptAt() { return nextAttemptAt; }
    public String getLastError() { return lastError; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public OffsetDateTime getSentAt() { return sentAt; }
}
