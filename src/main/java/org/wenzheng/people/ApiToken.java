package org.wenzheng.people;

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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An integrating system's credential for the staff JSON API: it acts as one person, with at most the roles it was
 * given (and never more than that person holds now). Only the hash of the secret is stored.
 */
@Entity
@Table(name = "api_token")
public class ApiToken {

    /** Every token starts with this, so that leaked tokens are easy to recognise and scan for. */
    public static final String PREFIX = "wzt_";

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @SequenceGenerator(name = "api_token_seq", sequenceName = "api_token_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_token_seq")
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id", nullable = false)
    private Person person;

    /** Role names, comma-separated. */
    @Column(nullable = false, length = 200)
    private String roles;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    /** The first characters of the token, shown in lists so that a token can be told apart without the secret. */
    @Column(nullable = false, length = 12)
    private String prefix;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, length = 60)
    private String createdBy;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    @Column(name = "last_used_at")
    private OffsetDateTime lastUsedAt;

    @Version
    private long version;

    protected ApiToken() {
    }

    public ApiToken(String name, Person person, Set<Role> roles, String secret, OffsetDateTime createdAt,
                    String createdBy, OffsetDateTime expiresAt) {
        this.name = name;
        this.person = person;
        this.roles = roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.tokenHash = hash(secret);
        this.prefix = secret.substring(0, Math.min(12, secret.length()));
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.expiresAt = expiresAt;
    }

    /** A new secret: the prefix and 256 random bits, URL-safe. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Lower-case hex SHA-256 of the secret: what is stored and looked up. */
    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Usable at {@code now}: not revoked, not expired, and its person still active. */
    public boolean isUsable(OffsetDateTime now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt)) && person.isActive();
    }

    /** The roles this token grants now: those it was given that its person still holds. */
    public Set<Role> effectiveRoles() {
        Set<Role> granted = getRoles();
        granted.retainAll(person.getRoles());
        return granted;
    }

    public Set<Role> getRoles() {
        Set<Role> set = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(",")).filter(s -> !s.isBlank()).map(Role::valueOf).forEach(set::add);
        return set;
    }

    public void revoke(OffsetDateTime at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }

    public void usedAt(OffsetDateTime at) {
        lastUsedAt = at;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public Person getPerson() { return person; }
    public String getPrefix() { return prefix; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public OffsetDateTime getExpiresAt() { return expiresAt; }
    public OffsetDateTime getRevokedAt() { return revokedAt; }
    public OffsetDateTime getLastUsedAt() { return lastUsedAt; }
}
