package org.wenzheng.people;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The address a request comes from. {@code X-Forwarded-For} is honoured only when the peer is one of the reverse
 * proxies listed in {@code wz.http.trusted-proxies} (comma-separated exact addresses); then the right-most address
 * that is not itself a trusted proxy is the client. Anything else could be forged by the client.
 */
@ApplicationScoped
public class ClientAddress {

    static final int MAX_LENGTH = 64;

    @Inject
    @ConfigProperty(name = "wz.http.trusted-proxies")
    Optional<String> trustedSetting;

    private Set<String> trusted;

    public String of(HttpServletRequest request) {
        if (trusted == null) {
            trusted = parse(trustedSetting.orElse(""));
        }
        return resolve(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), trusted);
    }

    static Set<String> parse(String setting) {
        return Arrays.stream(setting.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The client's address given the peer, the forwarded-for header (may be null) and the trusted proxies. */
    static String resolve(String peer, String forwardedFor, Set<String> trustedProxies) {
        String address = peer == null ? "unknown" : peer;
        if (forwardedFor != null && trustedProxies.contains(address)) {
            List<String> hops = Arrays.stream(forwardedFor.split(",")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
            for (int i = hops.size() - 1; i >= 0; i--) {
                address = hops.get(i);
                if (!trustedProxies.contains(address)) {
                    break;
                }
            }
        }
        return address.length() > MAX_LENGTH ? address.substring(0, MAX_LENGTH) : address;
    }
}
