package org.wenzheng.board.posting;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import org.wenzheng.audit.AuditTrail;
import org.wenzheng.people.Role;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Channel tokens: the administrator issues them; every API call of another channel is verified here. */
@Stateless
public class ChannelTokenService {

    /** The web form's own channel; no token may take its name. */
    public static final String WEB = "WEB";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{2,30}");

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Inject
    SecurityContext security;

    /** A new channel's token; the token itself is returned this once and never stored. */
    @RolesAllowed(Role.ADMIN)
    public String issue(String name) {
        if (name == null || !NAME.matcher(name).matches() || WEB.equalsIgnoreCase(name)) {
            throw new IllegalArgumentException("channel name must be 2-30 letters, digits, - or _, and not WEB");
        }
        String token = ChannelToken.newToken();
        ChannelToken t = new ChannelToken(name, ChannelToken.hash(token), OffsetDateTime.now(clock));
        em.persist(t);
        em.flush();
        audit.record(security.getCallerPrincipal().getName(), Role.ADMIN, "CHANNEL_TOKEN_ISSUED", "channel_token",
                t.getId(), null, "{\"name\":\"" + name + "\"}");
        return token;
    }

    /** The channel name an active token belongs to, or empty for a missing, unknown or deactivated token. */
    @PermitAll
    public Optional<String> verify(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        List<String> names = em.createQuery(
                        "select t.name from ChannelToken t where t.tokenHash = :h and t.active = true", String.class)
                .setParameter("h", ChannelToken.hash(token.strip())).getResultList();
        return names.stream().findFirst();
    }
}
