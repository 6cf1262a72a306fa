package org.wenzheng.common.web;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NonceTemplateTest {

    private static final String OLD = NonceTemplate.freshNonce();
    private static final List<Map.Entry<String, String>> HEADERS = List.of(
            new AbstractMap.SimpleImmutableEntry<>("X-Content-Type-Options", "nosniff"),
            new AbstractMap.SimpleImmutableEntry<>("Content-Security-Policy",
                    "default-src 'self'; script-src 'self' 'nonce-" + OLD + "'"));

    @Test
    void everyPlaceOfTheNonceGetsTheFreshOneAndNothingElseChanges() throws Exception {
        String page = "<html><script nonce=\"" + OLD + "\">PrimeFaces.csp.init('" + OLD + "');</script>"
                + "<p>问政 " + "x".repeat(100) + "</p><script nonce=\"" + OLD + "\">a()</script></html>";
        NonceTemplate t = NonceTemplate.of(page.getBytes(StandardCharsets.UTF_8), HEADERS);
        assertTrue(t.hasNonce());
        assertEquals(3, t.places());
        String fresh = NonceTemplate.freshNonce();
        byte[] freshBytes = fresh.getBytes(StandardCharsets.US_ASCII);
        byte[] expected = page.replace(OLD, fresh).getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(expected, t.body(freshBytes));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        t.writeTo(out, freshBytes);
        assertArrayEquals(expected, out.toByteArray());
        assertEquals(expected.length, t.length(freshBytes.length));
        assertEquals("default-src 'self'; script-src 'self' 'nonce-" + fresh + "'",
                t.header(HEADERS.get(1).getValue(), fresh));
        assertEquals("nosniff", t.header("nosniff", fresh));
    }

    @Test
    void freshNoncesAreNewAndInPrimeFacesFormat() {
        String a = NonceTemplate.freshNonce();
        assertNotEquals(a, NonceTemplate.freshNonce());
        UUID.fromString(new String(Base64.getDecoder().decode(a), StandardCharsets.UTF_8));
        assertTrue(a.matches("[A-Za-z0-9]+"), "reads the same in HTML and in JavaScript: " + a);
    }

    @Test
    void aPageWithoutNonceIsOnePartAndAnOddNonceIsNotStored() {
        byte[] body = "<html>ok</html>".getBytes(StandardCharsets.UTF_8);
        NonceTemplate plain = NonceTemplate.of(body, List.of(
                new AbstractMap.SimpleImmutableEntry<>("Content-Security-Policy", "default-src 'self'")));
        assertFalse(plain.hasNonce());
        assertArrayEquals(body, plain.body(new byte[0]));
        assertNull(NonceTemplate.of(body, List.of(
                new AbstractMap.SimpleImmutableEntry<>("Content-Security-Policy", "script-src 'nonce-ab/c+d='"))),
                "a nonce that could be escaped differently in the page is not cut out: the page is not stored");
    }

    @Test
    void searchFindsOverlappingStarts() {
        byte[] hay = "aaab".getBytes(StandardCharsets.US_ASCII);
        assertEquals(1, NonceTemplate.indexOf(hay, "aab".getBytes(StandardCharsets.US_ASCII), 0));
        assertEquals(-1, NonceTemplate.indexOf(hay, "abc".getBytes(StandardCharsets.US_ASCII), 0));
    }
}
