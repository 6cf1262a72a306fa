package org.wenzheng.supervision;

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

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** 通报: for a period, the units that passed deadlines with neither reply nor explanation. A draft until approved. */
@PublicContent
@Entity
@Table(name = "bulletin")
public class Bulletin {

    /** Draft, approved by a leader, then published on the board. */
    public enum Status { DRAFT, APPROVED, PUBLISHED }

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

    @Column(nullable = false)
    private String body;

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

    public Bulletin(LocalDate periodFrom, LocalDate periodTo, String body, Person createdBy, OffsetDateTime createdAt) {
        this.periodFrom = periodFrom;
        this.periodTo = periodTo;
        this.body = body;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
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
