package org.wenzheng.common.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stored page with its CSP nonce cut out: the body split once, at store time, at every place the nonce stood
 * (the {@code nonce="…"} attributes and PrimeFaces' {@code csp.init('…')}), so that each replay writes the same bytes
 * with a fresh nonce in between and the same nonce in the Content-Security-Policy header. A nonce that every reader
 * of a cached page shares would be one an attacker could read off the page and use for an injected script.
 */
final class NonceTemplate {

    private static final Pattern HEADER_NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/=_-]+)'");
    /** PrimeFaces' nonce is Base64 of a UUID's text: letters and digits only, so it reads the same in HTML and JS. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9]{16,}");

    private final byte[][] parts;
    private final String nonce;
    private final int length;

    private NonceTemplate(byte[][] parts, String nonce) {
        this.parts = parts;
        this.nonce = nonce;
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        this.length = n;
    }

    /**
     * The template of a page given the headers it was sent with; a page without a nonce is one part. Returns null
     * if the page has a nonce that cannot be replaced safely (it would then not be stored).
     */
    static NonceTemplate of(byte[] body, List<Map.Entry<String, String>> headers) {
        String found = null;
        for (Map.Entry<String, String> h : headers) {
            if (SecurityHeadersFilter.CSP.equalsIgnoreCase(h.getKey())) {
                Matcher m = HEADER_NONCE.matcher(h.getValue());
                if (m.find()) {
                    if (found != null && !found.equals(m.group(1))) {
                        return null;
                    }
                    found = m.group(1);
                }
            }
        }
        if (found == null) {
            return new NonceTemplate(new byte[][]{body}, null);
        }
        if (!PLAIN.matcher(found).matches()) {
            return null;
        }
        byte[] needle = found.getBytes(StandardCharsets.US_ASCII);
        List<byte[]> parts = new ArrayList<>();
        int from = 0;
        for (int at = indexOf(body, needle, 0); at >= 0; at = indexOf(body, needle, from)) {
            parts.add(Arrays.copyOfRange(body, from, at));
            from = at + needle.length;
        }
        parts.add(Arrays.copyOfRange(body, from, body.length));
        return new NonceTemplate(parts.toArray(byte[][]::new), found);
    }

    static int indexOf(byte[] haystack, byte[] needle, int from) {
        byte first = needle[0];
        int last = haystack.length - needle.length;
        outer:
        for (int i = from; i <= last; i++) {
            if (haystack[i] != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A new nonce in PrimeFaces' format, so that a postback from the replayed page passes its check. */
    static String freshNonce() {
        return Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));
    }

    boolean hasNonce() {
        return nonce != null;
    }

    /** The nonce the page was rendered with (null if none). */
    String storedNonce() {
        return nonce;
    }

    /** The stored bytes (without the nonce), for the cache's size bound. */
    int size() {
        return length;
    }

    /** How many places in the body held the nonce. */
    int places() {
        return parts.length - 1;
    }

    /** The body length with a nonce of {@code nonceLength} bytes in each place. */
    int length(int nonceLength) {
        return length + places() * nonceLength;
    }

    /** The body with {@code fresh} in each place (US-ASCII). */
    byte[] body(byte[] fresh) {
        byte[] out = new byte[length(fresh.length)];
        int at = 0;
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                System.arraycopy(fresh, 0, out, at, fresh.length);
                at += fresh.length;
            }
            System.arraycopy(parts[i], 0, out, at, parts[i].length);
            at += parts[i].length;
        }
        return out;
    }

    /** Writes the body with {@code fresh} in each place, straight from the stored parts. */
    void writeTo(OutputStream out, byte[] fresh) throws IOException {
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out.write(fresh);
            }
            out.write(parts[i]);
        }
    }

    /** A header value with the stored nonce replaced (headers are short; only the CSP holds it). */
    String header(String value, String fresh) {
        return nonce == null ? value : value.replace(nonce, fresh);
    }
}
