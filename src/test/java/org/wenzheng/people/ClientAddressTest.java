package org.wenzheng.people;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientAddressTest {

    private static final Set<String> PROXIES = ClientAddress.parse(" 10.0.0.1, 10.0.0.2 ,");

    @Test
    void theForwardedAddressCountsOnlyBehindATrustedProxy() {
        assertEquals("203.0.113.9", ClientAddress.resolve("10.0.0.1", "203.0.113.9", PROXIES));
        assertEquals("198.51.100.7", ClientAddress.resolve("198.51.100.7", "203.0.113.9", PROXIES),
                "a client cannot choose its address by sending the header itself");
        assertEquals("10.0.0.1", ClientAddress.resolve("10.0.0.1", null, PROXIES));
    }

    @Test
    void theRightMostUntrustedHopIsTheClient() {
        // The client put a forged address first; our proxies appended the real one and each other.
        assertEquals("203.0.113.9", ClientAddress.resolve("10.0.0.1", "1.2.3.4, 203.0.113.9, 10.0.0.2", PROXIES));
    }

    @Test
    void addressesAreBoundedInLength() {
        assertEquals(64, ClientAddress.resolve("10.0.0.1", "x".repeat(500), PROXIES).length());
    }

    @Test
    void moreThanTheLimitRefusesTheAddress() {
        assertFalse(SignInThrottle.overLimit(20, 20));
        assertTrue(SignInThrottle.overLimit(21, 20));
    }
}
