package org.wenzheng.people;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.wenzheng.audit.AuditTrail;
import org.wenzheng.common.ActionRefused;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * API tokens: the administrator issues and revokes them; the authentication mechanism checks them on each API
 * request. The plaintext is returned once, at issue, and never stored.
 */
@Stateless
public class ApiTokenService {

    /** How often a token's last use is written: a busy integration should not write a row per request. */
    static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Resource
    SessionContext ctx;

    /** What an issued token is: the row's id and the secret, shown to the administrator once. */
    public record Issued(Long id, String token) {
    }

    /** A token as lists show it (never its secret or hash). */
    public record TokenView(Long id, String name, String username, Set<Role> roles, String prefix,
                            OffsetDateTime createdAt, String createdBy, OffsetDateTime expiresAt,
                            OffsetDateTime revokedAt, OffsetDateTime lastUsedAt) {
    }

    /** A caller the mechanism lets in: the person's user name and the roles the token grants now. */
    public record Caller(String username, Set<String> groups) {
    }

    @RolesAllowed(Role.ADMIN)
    public Issued issue(String name, String username, Set<Role> roles, OffsetDateTime expiresAt) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new ActionRefused(ActionRefused.Kind.INVALID, "token.error.name");
        }
        Person person = em.createQuery("select p from Person p where p.username = :u", Person.class)
                .setParameter("u", username).getResultStream().findFirst()
                .orElseThrow(() -> new ActionRefused(ActionRefused.Kind.INVALID, "token.error.person"));
        if (!person.isActive()) {
            throw new ActionRefused(ActionRefused.Kind.INVALID, "token.error.person");
        }
        if (roles == null || roles.isEmpty() || !person.getRoles().containsAll(roles)) {
            throw new ActionRefused(ActionRefused.Kind.INVALID, "token.error.roles");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new ActionRefused(ActionRefused.Kind.INVALID, "token.error.expiry");
        }
        String secret = ApiToken.newSecret();
        ApiToken token = new ApiToken(name.strip(), person, EnumSet.copyOf(roles), secret, now, actor(), expiresAt);
        em.persist(token);
        audit.record(actor(), Role.ADMIN, "API_TOKEN_ISSUED", "api_token", token.getId(), null,
                "{\"name\":\"" + json(token.getName()) + "\",\"person\":\"" + json(username) + "\",\"roles\":\""
                        + roles + "\",\"expires\":\"" + expiresAt + "\"}");
        return new Issued(token.getId(), secret);
    }

    @RolesAllowed(Role.ADMIN)
    public void revoke(Long id) {
        ApiToken token = em.find(ApiToken.class, id);
        if (token == null) {
            throw new ActionRefused(ActionRefused.Kind.NOT_FOUND, "token.error.notFound");
        }
        if (token.getRevokedAt() == null) {
            token.revoke(OffsetDateTime.now(clock));
            audit.record(actor(), Role.ADMIN, "API_TOKEN_REVOKED", "api_token", id, null, null);
        }
    }

    @RolesAllowed(Role.ADMIN)
    public List<TokenView> list() {
        return em.createQuery("select t from ApiToken t join fetch t.person order by t.createdAt desc, t.id desc",
                        ApiToken.class).setMaxResults(500).getResultList().stream()
                .map(t -> new TokenView(t.getId(), t.getName(), t.getPerson().getUsername(), t.getRoles(),
                        t.getPrefix(), t.getCreatedAt(), t.getCreatedBy(), t.getExpiresAt(), t.getRevokedAt(),
                        t.getLastUsedAt()))
                .toList();
    }

    /** The caller a presented secret stands for, if the token is usable and still grants a role. */
    @PermitAll
    public Optional<Caller> authenticate(String secret) {
        if (secret == null || !secret.startsWith(ApiToken.PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Optional<ApiToken> found = em.createQuery(
                        "select t from ApiToken t join fetch t.person where t.tokenHash = :h", ApiToken.class)
                .setParameter("h", ApiToken.hash(secret)).getResultStream().findFirst();
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (found.isEmpty() || !found.get().isUsable(now)) {
            return Optional.empty();
        }
        ApiToken token = found.get();
        Set<Role> roles = token.effectiveRoles();
        if (roles.isEmpty()) {
            return Optional.empty();
        }
        if (token.getLastUsedAt() == null || token.getLastUsedAt().plus(LAST_USED_GRANULARITY).isBefore(now)) {
            token.usedAt(now);
        }
        return Optional.of(new Caller(token.getPerson().getUsername(),
                roles.stream().map(Enum::name).collect(java.util.stream.Collectors.toSet())));
    }

    private String actor() {
        return ctx.getCallerPrincipal().getName();
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
