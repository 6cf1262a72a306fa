package org.wenzheng.handling;

import org.wenzheng.common.PublicContent;
import jakarta.persistence.Column;
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
import org.wenzheng.people.Person;

import java.time.OffsetDateTime;

/** A unit's written reply (答复) to a case, one row per revision; old revisions stay in the case record. */
@PublicContent
@Entity
@Table(name = "reply")
public class Reply implements PublicContent.Conditional {

    @Id
    @SequenceGenerator(name = "reply_seq", sequenceName = "reply_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reply_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "case_id", nullable = false)
    private Case handlingCase;

    @Column(nullable = false)
    private int revision;

    /** Sanitised HTML: only what the allow-list lets through is ever stored. */
    @Column(name = "body_html", nullable = false)
    private String bodyHtml;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ReplyStatus status = ReplyStatus.DRAFT;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "drafted_by")
    private Person draftedBy;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "submitted_at")
    private OffsetDateTime submittedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "reviewed_by")
    private Person reviewedBy;

    @Column(name = "reviewed_at")
    private OffsetDateTime reviewedAt;

    @Column(name = "review_comment", length = 2000)
    private String reviewComment;

    @Column(name = "published_at")
    private OffsetDateTime publishedAt;

    /** The published reply this revision corrects (更正), or null. */
    @Column(name = "corrects_id")
    private Long correctsId;

    @Version
    private long version;

    protected Reply() {
    }

    public Reply(Case handlingCase, int revision, String bodyHtml, Person draftedBy, OffsetDateTime updatedAt) {
        this.handlingCase = handlingCase;
        this.revision = revision;
        this.bodyHtml = bodyHtml;
        this.draftedBy = draftedBy;
        this.updatedAt = updatedAt;
    }

    /** Whether the text may still change: a draft, or a draft the leader sent back. */
    public boolean isEditable() {
        return status == ReplyStatus.DRAFT || status == ReplyStatus.SENT_BACK;
    }

    /** A save of the text: the reply stays (or becomes again) a draft; a send-back comment stays visible. */
    public void edit(String sanitisedHtml, Person by, OffsetDateTime at) {
        require(isEditable());
        this.bodyHtml = sanitisedHtml;
        this.draftedBy = by;
        this.updatedAt = at;
    }

    public void submit(OffsetDateTime at) {
        require(isEditable());
        this.status = ReplyStatus.SUBMITTED;
        this.submittedAt = at;
        this.updatedAt = at;
    }

    public void sendBack(Person leader, OffsetDateTime at, String comment) {
        require(status == ReplyStatus.SUBMITTED);
        this.status = ReplyStatus.SENT_BACK;
        this.reviewedBy = leader;
        this.reviewedAt = at;
        this.reviewComment = comment;
    }

    public void approve(Person leader, OffsetDateTime at, String comment) {
        require(status == ReplyStatus.SUBMITTED);
        this.status = ReplyStatus.APPROVED;
        this.reviewedBy = leader;
        this.reviewedAt = at;
        this.reviewComment = comment;
    }

    public void publish(OffsetDateTime at) {
        require(status == ReplyStatus.APPROVED);
        this.status = ReplyStatus.PUBLISHED;
        this.publishedAt = at;
    }

    /** Replaced on the thread by a correction; stays in the case record. */
    public void supersede() {
        require(status == ReplyStatus.PUBLISHED);
        this.status = ReplyStatus.SUPERSEDED;
    }

    private void require(boolean ok) {
        if (!ok) {
            throw new IllegalStateException("reply " + id + " is " + status);
        }
    }

    /** Published replies and those a correction superseded show on the thread; drafts do not. */
    @Override
    public boolean shownPublicly() {
        return status == ReplyStatus.PUBLISHED || status == ReplyStatus.SUPERSEDED;
    }

    public Long getId() { return id; }
    public Long getCorrectsId() { return correctsId; }
    public void setCorrectsId(Long correctsId) { this.correctsId = correctsId; }
    public Case getHandlingCase() { return handlingCase; }
    public int getRevision() { return revision; }
    public String getBodyHtml() { return bodyHtml; }
    public ReplyStatus getStatus() { return status; }
    public Person getDraftedBy() { return draftedBy; }
    public OffsetDateTime getUpdatedAt() { return updatedAt; }
    public OffsetDateTime getSubmittedAt() { return submittedAt; }
    public Person getReviewedBy() { return reviewedBy; }
    public OffsetDateTime getReviewedAt() { return reviewedAt; }
    public String getReviewComment() { return reviewComment; }
    public OffsetDateTime getPublishedAt() { return publishedAt; }
    public long getVersion() { return version; }
}
