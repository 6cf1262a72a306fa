package org.wenzheng.handling;

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
import org.wenzheng.board.Message;
import org.wenzheng.people.Person;
import org.wenzheng.people.Unit;

import java.time.OffsetDateTime;

/**
 * A unit's part in answering a message: one per unit it was routed to, the lead unit's and each co-unit's, all
 * with the same due date. Table {@code handling_case} because CASE is an SQL keyword.
 */
@Entity
@Table(name = "handling_case")
public class Case {

    @Id
    @SequenceGenerator(name = "case_seq", sequenceName = "case_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "message_id", nullable = false)
    private Message message;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_id", nullable = false)
    private Unit unit;

    @Enumerated(EnumType.STRING)
    @Column(name = "unit_role", nullable = false, length = 10)
    private UnitRole unitRole;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private CaseStatus status = CaseStatus.ROUTED;

    /** 批办意见: the leader's handling instruction. */
    @Column
    private String instruction;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "routed_by")
    private Person routedBy;

    @Column(name = "routed_at", nullable = false)
    private OffsetDateTime routedAt;

    @Column(name = "due_at", nullable = false)
    private OffsetDateTime dueAt;

    @Column(nullable = false)
    private boolean urgent;

    @Column(name = "returned_at")
    private OffsetDateTime returnedAt;

    @Column(name = "return_reason_code", length = 30)
    private String returnReasonCode;

    @Column(name = "return_reason", length = 1000)
    private String returnReason;

    /** When the unit answered an overdue notice with an explanation (情况说明) rather than a reply. */
    @Column(name = "explained_at")
    private OffsetDateTime explainedAt;

    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    /** Working (or calendar) days granted by extensions, summed; see {@link CaseClock}. */
    @Column(name = "extension_days", nullable = false)
    private int extensionDays;

    /** When the case was last reopened (重办) after an unsatisfied rating; its clock then starts here. */
    @Column(name = "reopened_at")
    private OffsetDateTime reopenedAt;

    @Column(name = "reopen_count", nullable = false)
    private int reopenCount;

    @Version
    private long version;

    protected Case() {
    }

    public Case(Message message, Unit unit, UnitRole unitRole, String instruction, Person routedBy,
                OffsetDateTime routedAt, OffsetDateTime dueAt, boolean urgent) {
        this.message = message;
        this.unit = unit;
        this.unitRole = unitRole;
        this.instruction = instruction;
        this.routedBy = routedBy;
        this.routedAt = routedAt;
        this.dueAt = dueAt;
        this.urgent = urgent;
    }

    /** Whether the unit may still return the case as misrouted: before it has sent a reply for review. */
    public boolean isReturnable() {
        return status == CaseStatus.ROUTED || status == CaseStatus.DRAFTING;
    }

    /** The unit returns (退回) a misrouted case; the time since routing is what the returns report adds up. */
    public void returnAsMisrouted(OffsetDateTime at, ReturnReason reason, String text) {
        if (!isReturnable()) {
            throw new IllegalStateException("case " + id + " is " + status);
        }
        this.status = CaseStatus.RETURNED;
        this.returnedAt = at;
        this.returnReasonCode = reason.name();
        this.returnReason = text;
    }

    /** Closed because the message goes back for re-routing: the lead unit returned it. */
    public void closeForRerouting(OffsetDateTime at) {
        if (status.isOpen()) {
            this.status = CaseStatus.CLOSED;
            this.closedAt = at;
        }
    }

    public Long getId() { return id; }
    public Message getMessage() { return message; }
    public Unit getUnit() { return unit; }
    public UnitRole getUnitRole() { return unitRole; }
    public CaseStatus getStatus() { return status; }
    public void setStatus(CaseStatus status) { this.status = status; }
    public String getInstruction() { return instruction; }
    public Person getRoutedBy() { return routedBy; }
    public OffsetDateTime getRoutedAt() { return routedAt; }
    public OffsetDateTime getDueAt() { return dueAt; }
    public void setDueAt(OffsetDateTime dueAt) { this.dueAt = dueAt; }
    public boolean isUrgent() { return urgent; }
    public OffsetDateTime getReturnedAt() { return returnedAt; }
    public String getReturnReasonCode() { return returnReasonCode; }
    public String getReturnReason() { return returnReason; }
    public OffsetDateTime getExplainedAt() { return explainedAt; }
    public OffsetDateTime getClosedAt() { return closedAt; }
    public int getExtensionDays() { return extensionDays; }
    public void setExtensionDays(int extensionDays) { this.extensionDays = extensionDays; }
    public OffsetDateTime getReopenedAt() { return reopenedAt; }
    public void setReopenedAt(OffsetDateTime reopenedAt) { this.reopenedAt = reopenedAt; }
    public int getReopenCount() { return reopenCount; }
    public void setReopenCount(int reopenCount) { this.reopenCount = reopenCount; }
    public long getVersion() { return version; }
}
