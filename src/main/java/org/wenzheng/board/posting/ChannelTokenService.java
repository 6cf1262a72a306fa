package org.wenzheng.board.posting;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.wenzheng.audit.AuditTrail;
import org.wenzheng.common.ActionRefused;
import org.wenzheng.people.Role;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Channel tokens: the administrator issues, lists and revokes them (back office and {@code /api/v1/admin/channels});
 * {@link ChannelTokens} asks {@link #lookUp} when a token it has not seen lately is presented to the API.
 */
@Stateless
public class ChannelTokenService {

    /** The web form's own channel; no token may take its name. */
    public static final String WEB = "WEB";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{2,30}");
    /** How often a token's last use is written: a busy channel should not write a row per request. */
    static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Inject
    ChannelTokens verified;

    @Resource
    SessionContext ctx;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** A token just issued: the secret is here this once and never stored. */
    public record Issued(Long id, String name, String token) {
    }

    /** A token as the administrator's list shows it (never its secret or hash). */
    public record ChannelTokenView(Long id, String name, String prefix, OffsetDateTime createdAt, String createdBy,
                                   boolean active, OffsetDateTime revokedAt, OffsetDateTime lastUsedAt) {
    }

    /**
     * A new token for a channel. The name becomes the channel of every message posted with the token: 2–30 letters,
     * digits, - or _, not WEB. A channel may already have tokens (rotation: issue the new one, then revoke the old).
     */
    @RolesAllowed(Role.ADMIN)
    public Issued issue(String name) {
        String n = name == null ? null : name.strip();
        if (n == null || !NAME.matcher(n).matches() || WEB.equalsIgnoreCase(n)) {
            throw new ActionRefused(ActionRefused.Kind.INVALID, "channel.error.name");
        }
        String token = ChannelToken.newToken();
        ChannelToken t = new ChannelToken(n, token, OffsetDateTime.now(clock), actor());
        em.persist(t);
        em.flush();
        audit.record(actor(), Role.ADMIN, "CHANNEL_TOKEN_ISSUED", "channel_token", t.getId(), null,
                "{\"name\":\"" + n + "\",\"prefix\":\"" + t.getPrefix() + "\"}");
        return new Issued(t.getId(), n, token);
    }

    /** Every token, newest first: active ones and those revoked. */
    @RolesAllowed(Role.ADMIN)
    public List<ChannelTokenView> list() {
        return em.createQuery("select t from ChannelToken t order by t.createdAt desc, t.id desc", ChannelToken.class)
                .setMaxResults(500).getResultList().stream()
                .map(t -> new ChannelTokenView(t.getId(), t.getName(), t.getPrefix(), t.getCreatedAt(),
                        t.getCreatedBy(), t.isActive(), t.getRevokedAt(), t.getLastUsedAt()))
                .toList();
    }

    /**
     * Revokes a token. This instance refuses it from the commit on; another instance may still accept it for up to
     * {@code wz.channel.token-cache-seconds}.
     */
    @RolesAllowed(Role.ADMIN)
    public void revoke(Long id) {
        ChannelToken t = id == null ? null : em.find(ChannelToken.class, id);
        if (t == null) {
            throw new ActionRefused(ActionRefused.Kind.NOT_FOUND, "channel.error.notFound");
        }
        if (!t.isActive()) {
            return;
        }
        t.revoke(OffsetDateTime.now(clock));
        audit.record(actor(), Role.ADMIN, "CHANNEL_TOKEN_REVOKED", "channel_token", id, null,
                "{\"name\":\"" + t.getName() + "\"}");
        String hash = t.getTokenHash();
        // After the commit, or a search in between could read the token as active again and keep it.
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    verified.forget(hash);
                }
            }
        });
    }

    /** The channel an active token with this hash belongs to; notes its use at most once a minute. */
    @PermitAll
    public Optional<String> lookUp(String tokenHash) {
        Optional<ChannelToken> found = em.createQuery(
                        "select t from ChannelToken t where t.tokenHash = :h and t.active = true", ChannelToken.class)
                .setParameter("h", tokenHash).getResultStream().findFirst();
        OffsetDateTime now = OffsetDateTime.now(clock);
        found.filter(t -> t.getLastUsedAt() == null || t.getLastUsedAt().plus(LAST_USED_GRANULARITY).isBefore(now))
                .ifPresent(t -> t.usedAt(now));
        return found.map(ChannelToken::getName);
    }

    private String actor() {
        return ctx.getCallerPrincipal().getName();
    }
}
