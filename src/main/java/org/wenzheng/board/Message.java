package org.wenzheng.board;

import org.wenzheng.common.PublicContent;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.wenzheng.batch.Batch;
import org.wenzheng.intake.Severity;
import org.wenzheng.intake.WarningColour;
import org.wenzheng.people.Person;
import org.wenzheng.people.Unit;
import org.wenzheng.privacy.ContactConverter;

import java.time.OffsetDateTime;

/**
 * A citizen's message (留言). Its text is never public until an intake officer accepts it (先审后发); contact data is
 * never public at all. {@link #publicVisible} is kept in step with the status so that the board's index only holds
 * what may be shown.
 */
@PublicContent(insertsShown = false)
@Entity
@Table(name = "message")
public class Message {

    @Id
    @SequenceGenerator(name = "message_seq", sequenceName = "message_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "message_seq")
    private Long id;

    @Column(name = "tracking_code", nullable = false, unique = true, length = 16, updatable = false)
    private String trackingCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private MessageKind kind;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "category_id")
    private Category category;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "target_unit_id")
    private Unit targetUnit;

    @Column(nullable = false, length = 100)
    private String title;

    @Column(nullable = false)
    private String body;

    @Column(name = "display_name", length = 50)
    private String displayName;

    /** Encrypted at rest (AES-256-GCM, see org.wenzheng.privacy); the attribute holds the plain value. */
    @Convert(converter = ContactConverter.class)
    @Column(name = "contact_phone")
    private String contactPhone;

    @Convert(converter = ContactConverter.class)
    @Column(name = "contact_email")
    private String contactEmail;

    @Column(name = "private_message", nullable = false)
    private boolean privateMessage;

    @Column(nullable = false, length = 30)
    private String channel = "WEB";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private MessageStatus status = MessageStatus.SUBMITTED;

    @Column(name = "public_visible", nullable = false)
    private boolean publicVisible;

    @Column(name = "posted_at", nullable = false, updatable = false)
    private OffsetDateTime postedAt;

    @Column(name = "registered_at")
    private OffsetDateTime registeredAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "registered_by")
    private Person registeredBy;

    @Column(name = "rejected_reason", length = 500)
    private String rejectedReason;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "merged_into_id")
    private Message mergedInto;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private Severity severity;

    @Enumerated(EnumType.STRING)
    @Column(name = "warning_colour", length = 10)
    private WarningColour warningColour;

    @Column(nullable = false)
    private boolean urgent;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "batch_id")
    private Batch batch;

    @Column(name = "due_at")
    private OffsetDateTime dueAt;

    @Column(name = "replied_at")
    private OffsetDateTime repliedAt;

    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    /**
     * Posting's keys (V3), written with the row and never changed through JPA: keyed hashes of the client address
     * and the contact, for rate limits and duplicates (retention erases them with SQL), and a channel's
     * Idempotency-Key. Set at insertion because a later UPDATE would rewrite every index of the row.
     */
    @Column(name = "client_hash", length = 64, updatable = false)
    private String clientHash;

    @Column(name = "contact_hash", length = 64, updatable = false)
    private String contactHash;

    @Column(name = "idempotency_key", length = 100, updatable = false)
    private String idempotencyKey;

    /** Segmented words and grams for search; PostgreSQL derives the indexed tsvector from it. */
    @Column(name = "search_text")
    private String searchText;

    @Version
    private long version;

    protected Message() {
    }

    public Message(String trackingCode, MessageKind kind, String title, String body, OffsetDateTime postedAt) {
        this.trackingCode = trackingCode;
        this.kind = kind;
        this.title = title;
        this.body = body;
        this.postedAt = postedAt;
    }

    /** The intake officer accepts the message; it becomes public unless the citizen asked to keep it private. */
    public void register(Person officer, OffsetDateTime at, Severity severity, WarningColour colour, boolean urgent,
                         boolean makePublic) {
        requireStatus(MessageStatus.SUBMITTED, MessageStatus.HELD);
        this.status = MessageStatus.REGISTERED;
        this.registeredBy = officer;
        this.registeredAt = at;
        this.severity = severity;
        this.warningColour = colour;
        this.urgent = urgent;
        this.publicVisible = makePublic && !privateMessage;
    }

    /** Not accepted (不予受理): the reason is shown to the citizen on the tracking page, never on the board. */
    public void reject(Person officer, OffsetDateTime at, String reason) {
        requireStatus(MessageStatus.SUBMITTED, MessageStatus.HELD);
        this.status = MessageStatus.REJECTED;
        this.registeredBy = officer;
        this.registeredAt = at;
        this.rejectedReason = reason;
        this.publicVisible = false;
    }

    /**
     * Registration with the intake officer's classification: the kind as the officer judges it and the topic. A null
     * kind or category keeps what the citizen chose.
     */
    public void register(Person officer, OffsetDateTime at, MessageKind officerKind, Category topic, Severity severity,
                         WarningColour colour, boolean urgent, boolean makePublic) {
        register(officer, at, severity, colour, urgent, makePublic);
        if (officerKind != null) {
            this.kind = officerKind;
        }
        if (topic != null) {
            this.category = topic;
        }
    }

    /**
     * Merged into another message about the same matter (重复留言): the citizen is told which one and follows it there;
     * this one is never public. The target must be a different, accepted message that is not itself merged, so that
     * there are no merge chains.
     */
    public void mergeInto(Person officer, OffsetDateTime at, Message target) {
        requireStatus(MessageStatus.SUBMITTED, MessageStatus.HELD);
        if (target == null || target == this || (id != null && id.equals(target.getId()))) {
            throw new IllegalArgumentException("message " + id + " cannot be merged into itself");
        }
        if (target.getStatus() == MessageStatus.MERGED) {
            throw new IllegalStateException("message " + target.getId() + " is itself merged: no merge chains");
        }
        if (!target.getStatus().isAccepted()) {
            throw new IllegalStateException("message " + target.getId() + " is " + target.getStatus());
        }
        this.status = MessageStatus.MERGED;
        this.registeredBy = officer;
        this.registeredAt = at;
        this.mergedInto = target;
        this.publicVisible = false;
    }

    /** Who registered, rejected or merged it (null while waiting). */
    public Person getRegisteredBy() {
        return registeredBy;
    }

    /** Before it is first stored: the keys posting counts and finds it by (see the fields). */
    public void setPostingKeys(String clientHash, String contactHash, String idempotencyKey) {
        this.clientHash = clientHash;
        this.contactHash = contactHash;
        this.idempotencyKey = idempotencyKey;
    }

    /** A new message with a banned word waits for the intake officer's review instead of the usual queue. */
    public void holdForReview() {
        requireStatus(MessageStatus.SUBMITTED);
        this.status = MessageStatus.HELD;
    }

    /** Waiting for the intake officer: new, or held for review because of banned words. */
    public boolean isWaitingForIntake() {
        return status == MessageStatus.SUBMITTED || status == MessageStatus.HELD;
    }

    /** The leader routed it (批办): its cases exist and it is due at {@code dueAt}. */
    public void route(OffsetDateTime dueAt, boolean urgent) {
        requireStatus(MessageStatus.BATCHED);
        this.status = MessageStatus.ROUTED;
        this.dueAt = dueAt;
        this.urgent = urgent;
    }

    /** The lead unit returned it as misrouted: back on its batch's routing page, without a due date. */
    public void backForRerouting() {
        requireStatus(MessageStatus.ROUTED, MessageStatus.HANDLING);
        this.status = MessageStatus.BATCHED;
        this.dueAt = null;
    }

    /** A unit started on the reply (its first draft): the citizen sees 办理中. Later steps leave it as it is. */
    public void startHandling() {
        if (status == MessageStatus.ROUTED) {
            this.status = MessageStatus.HANDLING;
        }
    }

    /** The approved reply is published under the message (or, after 重办, the new one). */
    public void replied(OffsetDateTime at) {
        requireStatus(MessageStatus.ROUTED, MessageStatus.HANDLING, MessageStatus.REPLIED);
        this.status = MessageStatus.REPLIED;
        this.repliedAt = at;
    }

    /** Handled again (重办) after the citizen was not satisfied: in handling again, with the new due date. */
    public void reopen(OffsetDateTime newDueAt) {
        requireStatus(MessageStatus.REPLIED);
        this.status = MessageStatus.HANDLING;
        this.dueAt = newDueAt;
    }

    private void requireStatus(MessageStatus... allowed) {
        for (MessageStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new IllegalStateException("message " + id + " is " + status);
    }

    public Long getId() { return id; }
    public String getTrackingCode() { return trackingCode; }
    public MessageKind getKind() { return kind; }
    public Category getCategory() { return category; }
    public void setCategory(Category category) { this.category = category; }
    public Unit getTargetUnit() { return targetUnit; }
    public void setTargetUnit(Unit targetUnit) { this.targetUnit = targetUnit; }
    public String getTitle() { return title; }
    public String getBody() { return body; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getContactPhone() { return contactPhone; }
    public void setContactPhone(String contactPhone) { this.contactPhone = contactPhone; }
    public String getContactEmail() { return contactEmail; }
    public void setContactEmail(String contactEmail) { this.contactEmail = contactEmail; }
    public boolean isPrivateMessage() { return privateMessage; }
    public void setPrivateMessage(boolean privateMessage) { this.privateMessage = privateMessage; }
    public String getChannel() { return channel; }
    public void setChannel(String channel) { this.channel = channel; }
    public MessageStatus getStatus() { return status; }
    public boolean isPublicVisible() { return publicVisible; }
    public OffsetDateTime getPostedAt() { return postedAt; }
    public OffsetDateTime getRegisteredAt() { return registeredAt; }
    public String getRejectedReason() { return rejectedReason; }
    public Message getMergedInto() { return mergedInto; }
    public Severity getSeverity() { return severity; }
    public WarningColour getWarningColour() { return warningColour; }
    public boolean isUrgent() { return urgent; }
    public Batch getBatch() { return batch; }
    public OffsetDateTime getDueAt() { return dueAt; }
    public void setDueAt(OffsetDateTime dueAt) { this.dueAt = dueAt; }
    public OffsetDateTime getRepliedAt() { return repliedAt; }
    public OffsetDateTime getClosedAt() { return closedAt; }
    public String getSearchText() { return searchText; }
    public void setSearchText(String searchText) { this.searchText = searchText; }
    public long getVersion() { return version; }
}
