package org.wenzheng.board.posting;

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
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A bearer token the administrator issues to another channel (e.g. "12345" hotline). Only the SHA-256 of the token is
 * stored: the token is 256 random bits, so an unsalted hash cannot be reversed, and a leaked table grants nothing.
 * The name is recorded as the channel of every message posted with it. A channel may hold several tokens while it
 * rotates them; a revoked token is kept, inactive, so that the list and the audit trail still show it.
 */
@Entity
@Table(name = "channel_token")
public class ChannelToken {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** 36 of the token's 256 bits: enough to tell tokens apart, far too few to help a guess. */
    static final int PREFIX_LENGTH = 6;

    @Id
    @SequenceGenerator(name = "channel_token_seq", sequenceName = "channel_token_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "channel_token_seq")
    private Long id;

    @Column(nullable = false, length = 30, updatable = false)
    private String name;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64, updatable = false)
    private String tokenHash;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    /** The token's first characters, so that the administrator can tell which one a channel holds; null before V23. */
    @Column(name = "token_prefix", length = 8, updatable = false)
    private String prefix;

    @Column(name = "created_by", length = 100, updatable = false)
    private String createdBy;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    @Column(name = "last_used_at")
    private OffsetDateTime lastUsedAt;

    protected ChannelToken() {
    }

    public ChannelToken(String name, String tokenHash, OffsetDateTime createdAt) {
        this.name = name;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
    }

    /** A token issued by an administrator: what the list shows of it besides its hash. */
    public ChannelToken(String name, String token, OffsetDateTime createdAt, String createdBy) {
        this(name, hash(token), createdAt);
        this.prefix = token.substring(0, PREFIX_LENGTH);
        this.createdBy = createdBy;
    }

    /** Stops the token at once; revoking twice keeps the first time. */
    public void revoke(OffsetDateTime at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
        active = false;
    }

    public void usedAt(OffsetDateTime at) {
        lastUsedAt = at;
    }

    /** A new random token, URL-safe, to hand to the channel once. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getTokenHash() { return tokenHash; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public String getPrefix() { return prefix; }
    public String getCreatedBy() { return createdBy; }
    public OffsetDateTime getRevokedAt() { return revokedAt; }
    public OffsetDateTime getLastUsedAt() { return lastUsedAt; }
}
