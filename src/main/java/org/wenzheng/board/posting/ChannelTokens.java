package org.wenzheng.board.posting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Verifies the channel token on each call of the messages API. A channel posting hundreds of messages a second
 * presents the same token each time, and reading it from the database in a transaction of its own was a fifth of
 * what a posting cost: a token found active is believed for {@code wz.channel.token-cache-seconds} (default 10;
 * 0 reads every time). Only tokens found active are kept, so unknown tokens cannot fill the memory; a revocation
 * on this instance forgets the token at once, one on another instance is seen within that time.
 */
@ApplicationScoped
public class ChannelTokens {

    private static final int MAX_TOKEN_LENGTH = 200;

    @Inject
    ChannelTokenService service;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "wz.channel.token-cache-seconds", defaultValue = "10")
    int cacheSeconds;

    private final ConcurrentMap<String, Verified> recent = new ConcurrentHashMap<>();

    private record Verified(String channel, long until) {
    }

    /** The channel an active token belongs to, or empty for a missing, malformed, unknown or revoked token. */
    public Optional<String> verify(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        String hash = ChannelToken.hash(token.strip());
        long now = clock.millis();
        Verified v = recent.get(hash);
        if (v != null && now < v.until()) {
            return Optional.of(v.channel());
        }
        Optional<String> channel = service.lookUp(hash);
        if (channel.isPresent() && cacheSeconds > 0) {
            recent.put(hash, new Verified(channel.get(), now + cacheSeconds * 1000L));
        } else {
            recent.remove(hash);
        }
        return channel;
    }

    /** Called once a revocation has committed. */
    public void forget(String tokenHash) {
        recent.remove(tokenHash);
    }
}
