package org.wenzheng.supervision;

import jakarta.persistence.Basic;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.wenzheng.common.PublicContent;
import org.wenzheng.people.Person;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** 通报: for a period, the units that passed deadlines with neither reply nor explanation. A draft until approved. */
@PublicContent
@Entity
@Table(name = "bulletin")
public class Bulletin {

    /** Draft, approved by a leader (or sent back to be revised), then published on the board. */
    public enum Status { DRAFT, SENT_BACK, APPROVED, PUBLISHED }

    @Id
    @SequenceGenerator(name = "bulletin_seq", sequenceName = "bulletin_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "bulletin_seq")
    private Long id;

    @Column(name = "period_from", nullable = false)
    private LocalDate periodFrom;

    @Column(name = "period_to", nullable = false)
    private LocalDate periodTo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status = Status.DRAFT;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false)
    private String body;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "bulletin_line", joinColumns = @JoinColumn(name = "bulletin_id"))
    @OrderColumn(name = "position")
    private List<BulletinLine> lines = new ArrayList<>();

    @Column(name = "review_comment", length = 2000)
    private String reviewComment;

    /** The PDF as published, kept so the published bulletin never changes. */
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "pdf")
    private byte[] pdf;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "created_by", nullable = false)
    private Person createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "approved_by")
    private Person approvedBy;

    @Column(name = "approved_at")
    private OffsetDateTime approvedAt;

    @Column(name = "published_at")
    private OffsetDateTime publishedAt;

    @Version
    private long version;

    protected Bulletin() {
    }

    public Bulletin(LocalDate periodFrom, LocalDate periodTo, String title, String body, List<BulletinLine> lines,
                    Person createdBy, OffsetDateTime createdAt) {
        this.periodFrom = periodFrom;
        this.periodTo = periodTo;
        this.title = title;
        this.body = body;
        this.lines = new ArrayList<>(lines);
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** A leader approves a draft. */
    public void approve(Person leader, OffsetDateTime at) {
        require(Status.DRAFT);
        this.status = Status.APPROVED;
        this.approvedBy = leader;
        this.approvedAt = at;
        this.reviewComment = null;
    }

    /** A leader sends a draft back with a comment; the supervisor revises it. */
    public void sendBack(String comment) {
        require(Status.DRAFT);
        this.status = Status.SENT_BACK;
        this.reviewComment = comment;
    }

    /** The supervisor revises the text of a draft or a sent-back bulletin; it is a draft again. */
    public void revise(String newBody) {
        if (status != Status.DRAFT && status != Status.SENT_BACK) {
            throw new IllegalStateException("bulletin " + id + " is " + status);
        }
        this.body = newBody;
        this.status = Status.DRAFT;
    }

    /** Published on the board, with the PDF as it is kept from now on. */
    public void publish(byte[] pdfBytes, OffsetDateTime at) {
        require(Status.APPROVED);
        // The PDF first: touching the lazy column makes EclipseLink fetch the rest of the row, which would undo
        // changes made before it.
        this.pdf = pdfBytes;
        this.status = Status.PUBLISHED;
        this.publishedAt = at;
    }

    private void require(Status expected) {
        if (status != expected) {
            throw new IllegalStateException("bulletin " + id + " is " + status + ", not " + expected);
        }
    }

    public Long getId() { return id; }
    public String getTitle() { return title; }
    public List<BulletinLine> getLines() { return lines; }
    public String getReviewComment() { return reviewComment; }
    public byte[] getPdf() { return pdf; }
    public long getVersion() { return version; }
    public LocalDate getPeriodFrom() { return periodFrom; }
    public LocalDate getPeriodTo() { return periodTo; }
    public Status getStatus() { return status; }
    public String getBody() { return body; }
    public Person getCreatedBy() { return createdBy; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public Person getApprovedBy() { return approvedBy; }
    public OffsetDateTime getApprovedAt() { return approvedAt; }
    public OffsetDateTime getPublishedAt() { return publishedAt; }
}
