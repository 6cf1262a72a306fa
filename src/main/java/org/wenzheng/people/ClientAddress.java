package org.wenzheng.people;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wenzheng.common.web.TrustedProxies;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The address a request comes from. {@code X-Forwarded-For} is honoured only when the peer is one of the reverse
 * proxies listed in {@code wz.http.trusted-proxies} (comma-separated addresses or CIDR ranges, IPv4 or IPv6); then
 * the right-most address that is not itself a trusted proxy is the client. Anything else could be forged by the client.
 */
@ApplicationScoped
public class ClientAddress {

    static final int MAX_LENGTH = 64;

    private static final Logger LOG = Logger.getLogger(ClientAddress.class.getName());

    @Inject
    @ConfigProperty(name = "wz.http.trusted-proxies")
    Optional<String> trustedSetting;

    private TrustedProxies trusted = TrustedProxies.NONE;

    /** Read the setting at startup, so that a mistyped entry is reported once, before the first request. */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        // Being called creates the bean: @PostConstruct does the work.
    }

    @PostConstruct
    void readSetting() {
        trusted = parse(trustedSetting.orElse(""));
        if (!trusted.malformed().isEmpty()) {
            LOG.warning("wz.http.trusted-proxies: ignored entries that are neither an IP address nor a CIDR range: "
                    + String.join(", ", trusted.malformed()));
        }
    }

    public String of(HttpServletRequest request) {
        return resolve(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), trusted);
    }

    static TrustedProxies parse(String setting) {
        return TrustedProxies.parse(setting);
    }

    /** The client's address given the peer, the forwarded-for header (may be null) and the trusted proxies. */
    static String resolve(String peer, String forwardedFor, TrustedProxies trustedProxies) {
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
