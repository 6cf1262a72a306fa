package org.wenzheng.handling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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

/** 延期申请: a unit asks for more days; a leader grants (never past the cap) or refuses. */
@Entity
@Table(name = "extension_request")
public class ExtensionRequest {

    /** A leader's answer to the request. */
    public enum Decision { GRANTED, REFUSED }

    @Id
    @SequenceGenerator(name = "extension_seq", sequenceName = "extension_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "extension_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "case_id", nullable = false)
    private Case handlingCase;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "requested_by", nullable = false)
    private Person requestedBy;

    @Column(name = "requested_at", nullable = false)
    private OffsetDateTime requestedAt;

    @Column(nullable = false)
    private int days;

    @Column(nullable = false, length = 1000)
    private String reason;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(length = 10)
    private Decision decision;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "decided_by")
    private Person decidedBy;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    @Column(name = "new_due_at")
    private OffsetDateTime newDueAt;

    @Column(name = "decision_comment", length = 1000)
    private String decisionComment;

    @Version
    private long version;

    protected ExtensionRequest() {
    }

    public ExtensionRequest(Case handlingCase, Person requestedBy, OffsetDateTime requestedAt, int days,
                            String reason) {
        this.handlingCase = handlingCase;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.days = days;
        this.reason = reason;
    }

    /** A leader's answer; {@code newDueAt} only when granted. */
    public void decide(Decision decision, Person leader, OffsetDateTime at, OffsetDateTime newDueAt, String comment) {
        if (this.decision != null) {
            throw new IllegalStateException("extension request " + id + " was already decided");
        }
        this.decision = decision;
        this.decidedBy = leader;
        this.decidedAt = at;
        this.newDueAt = newDueAt;
        this.decisionComment = comment;
    }

    public boolean isPending() { return decision == null; }
    public String getDecisionComment() { return decisionComment; }
    public long getVersion() { return version; }
    public Long getId() { return id; }
    public Case getHandlingCase() { return handlingCase; }
    public Person getRequestedBy() { return requestedBy; }
    public OffsetDateTime getRequestedAt() { return requestedAt; }
    public int getDays() { return days; }
    public String getReason() { return reason; }
    public Decision getDecision() { return decision; }
    public Person getDecidedBy() { return decidedBy; }
    public OffsetDateTime getDecidedAt() { return decidedAt; }
    public OffsetDateTime getNewDueAt() { return newDueAt; }
}
