package org.wenzheng.common.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The reverse proxies whose {@code X-Forwarded-For} is believed: exact addresses and CIDR ranges, IPv4 and IPv6
 * ({@code 10.0.0.1, 10.0.0.0/8, fd00::/8}), as {@code wz.http.trusted-proxies} lists them for
 * {@link SecurityHeadersFilter} and the people feature's client address. Only address literals are accepted, so nothing here ever asks DNS.
 */
public final class TrustedProxies {

    public static final TrustedProxies NONE = new TrustedProxies(List.of(), List.of());

    /** One range: the network's bytes (4 or 16) and how many leading bits must match. */
    record Range(byte[] network, int prefix) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }

    private final List<Range> ranges;
    private final List<String> malformed;

    private TrustedProxies(List<Range> ranges, List<String> malformed) {
        this.ranges = List.copyOf(ranges);
        this.malformed = List.copyOf(malformed);
    }

    /** Parses the comma-separated setting; entries that are no address or range are kept aside in {@link #malformed()}. */
    public static TrustedProxies parse(String setting) {
        List<Range> ranges = new ArrayList<>();
        List<String> malformed = new ArrayList<>();
        for (String raw : setting == null ? new String[0] : setting.split(",")) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            Range range = range(entry);
            if (range == null) {
                malformed.add(entry);
            } else {
                ranges.add(range);
            }
        }
        return new TrustedProxies(ranges, malformed);
    }

    private static Range range(String entry) {
        int slash = entry.indexOf('/');
        byte[] network = address(slash < 0 ? entry : entry.substring(0, slash));
        if (network == null) {
            return null;
        }
        int bits = network.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = entry.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            prefix = Integer.parseInt(p);
            if (prefix > bits) {
                return null;
            }
        }
        return new Range(network, prefix);
    }

    /** Whether the address (as a servlet container or a forwarded-for header gives it) is a trusted proxy. */
    public boolean contains(String address) {
        if (ranges.isEmpty() || address == null) {
            return false;
        }
        byte[] bytes = address(address.strip());
        if (bytes == null) {
            return false;
        }
        for (Range r : ranges) {
            if (r.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public List<String> malformed() {
        return malformed;
    }

    /**
     * The bytes of an IPv4 (dotted quad) or IPv6 literal, or null. IPv6 goes to {@link InetAddress} only when it
     * contains a colon and nothing but hex digits, colons and dots: then the JDK parses it as a literal and never
     * resolves a name. An IPv4-mapped IPv6 address counts as its IPv4 address (the JDK does the same).
     */
    public static byte[] address(String text) {
        if (text.isEmpty() || text.length() > 45) {
            return null;
        }
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        int zone = text.indexOf('%');
        if (zone >= 0) {
            text = text.substring(0, zone);
        }
        if (text.indexOf(':') < 0) {
            return ipv4(text);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
                return null;
            }
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return null;
            }
            bytes[i] = (byte) v;
        }
        return bytes;
    }

    @Override
    public String toString() {
        return ranges.size() + " trusted proxy range(s)" + (malformed.isEmpty() ? "" : ", ignored " + malformed);
    }
}
