package org.wenzheng.batch;

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

/** The daily batch (批次), numbered per year: "2026年第123期". */
@Entity
@Table(name = "batch")
public class Batch {

    @Id
    @SequenceGenerator(name = "batch_seq", sequenceName = "batch_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "batch_seq")
    private Long id;

    @Column(nullable = false)
    private int year;

    @Column(nullable = false)
    private int number;

    @Column(name = "cut_at", nullable = false)
    private OffsetDateTime cutAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private BatchStatus status = BatchStatus.OPEN;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "routed_by")
    private Person routedBy;

    @Column(name = "routed_at")
    private OffsetDateTime routedAt;

    /** The staff member who started the cut by hand, or "system" for the daily schedule. */
    @Column(name = "cut_by", length = 60)
    private String cutBy;

    /** When gathering finished and the forwarding slip became final. */
    @Column(name = "slipped_at")
    private OffsetDateTime slippedAt;

    @Column(name = "message_count", nullable = false)
    private int messageCount;

    @Version
    private long version;

    protected Batch() {
    }

    public Batch(int year, int number, OffsetDateTime cutAt) {
        this.year = year;
        this.number = number;
        this.cutAt = cutAt;
    }

    public Batch(int year, int number, OffsetDateTime cutAt, String cutBy) {
        this(year, number, cutAt);
        this.cutBy = cutBy;
    }

    public Long getId() { return id; }
    public int getYear() { return year; }
    public int getNumber() { return number; }
    public OffsetDateTime getCutAt() { return cutAt; }
    public BatchStatus getStatus() { return status; }
    public void setStatus(BatchStatus status) { this.status = status; }

    /** The last of the batch's messages has been routed (批办 finished), by this leader at this time. */
    public void markRouted(Person leader, OffsetDateTime at) {
        this.status = BatchStatus.ROUTED;
        this.routedBy = leader;
        this.routedAt = at;
    }
    public Person getRoutedBy() { return routedBy; }
    public OffsetDateTime getRoutedAt() { return routedAt; }
    public String getCutBy() { return cutBy; }
    public OffsetDateTime getSlippedAt() { return slippedAt; }
    public int getMessageCount() { return messageCount; }

    /** Gathering finished: the forwarding slip lists {@code messages} messages and no longer changes. */
    void slipped(OffsetDateTime at, int messages) {
        this.status = BatchStatus.SLIPPED;
        this.slippedAt = at;
        this.messageCount = messages;
    }

    /** "2026年第123期". */
    public String label() {
        return BatchNumbering.label(year, number);
    }
}
