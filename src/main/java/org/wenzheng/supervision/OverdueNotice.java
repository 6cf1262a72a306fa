package org.wenzheng.supervision;

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
import org.wenzheng.handling.Case;
import org.wenzheng.people.Person;
import org.wenzheng.people.Unit;

import java.time.OffsetDateTime;

/** 督办通知单: a numbered notice to a unit about an overdue case, answered with a reply or an explanation. */
@Entity
@Table(name = "overdue_notice")
public class OverdueNotice {

    /** How the unit answered the notice. */
    public enum AnswerKind { REPLY, EXPLANATION }

    @Id
    @SequenceGenerator(name = "notice_seq", sequenceName = "notice_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notice_seq")
    private Long id;

    @Column(nullable = false)
    private int year;

    @Column(nullable = false)
    private int number;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "case_id", nullable = false)
    private Case handlingCase;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_id", nullable = false)
    private Unit unit;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "issued_by", nullable = false)
    private Person issuedBy;

    @Column(name = "issued_at", nullable = false)
    private OffsetDateTime issuedAt;

    @Column(name = "answered_at")
    private OffsetDateTime answeredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "answer_kind", length = 20)
    private AnswerKind answerKind;

    @Column(name = "answer_text")
    private String answerText;

    @Version
    private long version;

    protected OverdueNotice() {
    }

    public OverdueNotice(int year, int number, Case handlingCase, Person issuedBy, OffsetDateTime issuedAt) {
        this.year = year;
        this.number = number;
        this.handlingCase = handlingCase;
        this.unit = handlingCase.getUnit();
        this.issuedBy = issuedBy;
        this.issuedAt = issuedAt;
    }

    /** 〔2026〕第12号: the notice's number as printed. */
    public static String numberText(int year, int number) {
        return "〔" + year + "〕第" + number + "号";
    }

    public String getNumberText() {
        return numberText(year, number);
    }

    public boolean isAnswered() {
        return answeredAt != null;
    }

    /** The unit explains (情况说明) instead of replying; a notice is answered once. */
    public void explain(String text, OffsetDateTime at) {
        if (answeredAt != null) {
            throw new IllegalStateException("notice " + id + " is already answered");
        }
        this.answerKind = AnswerKind.EXPLANATION;
        this.answerText = text;
        this.answeredAt = at;
    }

    public Long getId() { return id; }
    public int getYear() { return year; }
    public int getNumber() { return number; }
    public Case getHandlingCase() { return handlingCase; }
    public Unit getUnit() { return unit; }
    public Person getIssuedBy() { return issuedBy; }
    public OffsetDateTime getIssuedAt() { return issuedAt; }
    public OffsetDateTime getAnsweredAt() { return answeredAt; }
    public AnswerKind getAnswerKind() { return answerKind; }
    public String getAnswerText() { return answerText; }
    public long getVersion() { return version; }
}
