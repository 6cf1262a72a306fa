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

    @Version
    private long version;

    protected Batch() {
    }

    public Batch(int year, int number, OffsetDateTime cutAt) {
        this.year = year;
        this.number = number;
        this.cutAt = cutAt;
    }

    public Long getId() { return id; }
    public int getYear() { return year; }
    public int getNumber() { return number; }
    public OffsetDateTime getCutAt() { return cutAt; }
    public BatchStatus getStatus() { return status; }
    public void setStatus(BatchStatus status) { this.status = status; }
    public Person getRoutedBy() { return routedBy; }
    public OffsetDateTime getRoutedAt() { return routedAt; }
}
