package org.wenzheng.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * One line of the audit trail: who, in which role, when, did what to which object, with the state before and after.
 * Append-only (a database trigger refuses updates and deletes) and tamper-evident: each entry's hash covers its own
 * content and the previous entry's hash, so changing any entry breaks every hash after it.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    /** The "previous hash" of the very first entry. */
    public static final String GENESIS = "0".repeat(64);

    @Id
    @SequenceGenerator(name = "audit_seq", sequenceName = "audit_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_seq")
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private OffsetDateTime occurredAt;

    @Column(nullable = false, length = 60, updatable = false)
    private String actor;

    @Column(name = "actor_role", length = 30, updatable = false)
    private String actorRole;

    @Column(nullable = false, length = 60, updatable = false)
    private String action;

    @Column(name = "object_type", nullable = false, length = 30, updatable = false)
    private String objectType;

    @Column(name = "object_id", updatable = false)
    private Long objectId;

    @Column(name = "before_state", updatable = false)
    private String beforeState;

    @Column(name = "after_state", updatable = false)
    private String afterState;

    @Column(name = "prev_hash", nullable = false, length = 64, updatable = false)
    private String prevHash;

    @Column(name = "entry_hash", nullable = false, length = 64, unique = true, updatable = false)
    private String entryHash;

    protected AuditEntry() {
    }

    AuditEntry(OffsetDateTime occurredAt, String actor, String actorRole, String action, String objectType,
               Long objectId, String beforeState, String afterState, String prevHash) {
        // PostgreSQL keeps microseconds: hash what will be stored, so that verification recomputes the same value.
        this.occurredAt = occurredAt.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        this.actor = actor;
        this.actorRole = actorRole;
        this.action = action;
        this.objectType = objectType;
        this.objectId = objectId;
        this.beforeState = beforeState;
        this.afterState = afterState;
        this.prevHash = prevHash;
        this.entryHash = computeHash();
    }

    /** Ids handed out in bulk by {@link AuditTrail#recordAll}; a set id is kept by EclipseLink, not drawn again. */
    void assignId(long id) {
        this.id = id;
    }

    /** An entry as stored, read outside JPA (the operators' verification command); nothing is recomputed. */
    static AuditEntry stored(long id, OffsetDateTime occurredAt, String actor, String actorRole, String action,
                             String objectType, Long objectId, String beforeState, String afterState,
                             String prevHash, String entryHash) {
        AuditEntry e = new AuditEntry();
        e.id = id;
        e.occurredAt = occurredAt;
        e.actor = actor;
        e.actorRole = actorRole;
        e.action = action;
        e.objectType = objectType;
        e.objectId = objectId;
        e.beforeState = beforeState;
        e.afterState = afterState;
        e.prevHash = prevHash;
        e.entryHash = entryHash;
        return e;
    }

    /** The hash this entry should carry given its content; differs from {@link #getEntryHash()} if tampered with. */
    public String computeHash() {
        return link(prevHash, content(occurredAt, actor, actorRole, action, objectType, objectId, beforeState,
                afterState));
    }

    /**
     * What an entry's hash covers besides the previous hash, fields separated by U+001F. The database's
     * {@code audit_append} (V24) links it to the chain with {@link #link}'s formula; this is the one definition.
     */
    static String content(OffsetDateTime occurredAt, String actor, String actorRole, String action,
                          String objectType, Long objectId, String beforeState, String afterState) {
        return String.join("\u001f",
                occurredAt.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS).toString(),
                actor, String.valueOf(actorRole), action, objectType, String.valueOf(objectId),
                String.valueOf(beforeState), String.valueOf(afterState));
    }

    /** SHA-256, in hex, of the previous hash, U+001F and the content, in UTF-8. */
    static String link(String prevHash, String content) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((prevHash + "\u001f" + content)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public Long getId() { return id; }
    public OffsetDateTime getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public String getActorRole() { return actorRole; }
    public String getAction() { return action; }
    public String getObjectType() { return objectType; }
    public Long getObjectId() { return objectId; }
    public String getBeforeState() { return beforeState; }
    public String getAfterState() { return afterState; }
    public String getPrevHash() { return prevHash; }
    public String getEntryHash() { return entryHash; }
}
