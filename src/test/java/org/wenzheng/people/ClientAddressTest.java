package org.wenzheng.people;

import org.junit.jupiter.api.Test;
import org.wenzheng.common.web.TrustedProxies;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientAddressTest {

    private static final TrustedProxies PROXIES = ClientAddress.parse(" 10.0.0.1, 10.0.0.2 ,");

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

    @Test
    void cidrRangesOfBothFamiliesAreTrusted() {
        TrustedProxies p = ClientAddress.parse("10.0.0.0/8, fd00::/8, 192.168.1.7");
        assertEquals("203.0.113.9", ClientAddress.resolve("10.200.3.4", "203.0.113.9", p));
        assertEquals("203.0.113.9", ClientAddress.resolve("fd12:3456::1", "203.0.113.9", p));
        assertEquals("203.0.113.9", ClientAddress.resolve("192.168.1.7", "203.0.113.9", p), "an exact address");
        assertEquals("11.0.0.1", ClientAddress.resolve("11.0.0.1", "203.0.113.9", p), "outside the range");
        assertEquals("fe00::1", ClientAddress.resolve("fe00::1", "203.0.113.9", p), "outside the IPv6 range");
        assertEquals("203.0.113.9", ClientAddress.resolve("10.0.0.1", "203.0.113.9, fd00::7, 10.9.9.9", p),
                "hops inside the ranges are skipped, whatever their family");
    }

    @Test
    void prefixEdgeCases() {
        TrustedProxies all4 = TrustedProxies.parse("0.0.0.0/0");
        assertTrue(all4.contains("1.2.3.4") && all4.contains("255.255.255.255"));
        assertFalse(all4.contains("::1"), "an IPv4 range never holds an IPv6 address");
        TrustedProxies all6 = TrustedProxies.parse("::/0");
        assertTrue(all6.contains("2001:db8::1") && all6.contains("0:0:0:0:0:0:0:1"));
        assertFalse(all6.contains("10.0.0.1"));
        TrustedProxies one = TrustedProxies.parse("203.0.113.5/32, 2001:db8::5/128");
        assertTrue(one.contains("203.0.113.5") && one.contains("2001:0db8:0:0:0:0:0:5"));
        assertFalse(one.contains("203.0.113.4") || one.contains("203.0.113.6") || one.contains("2001:db8::4"));
        TrustedProxies odd = TrustedProxies.parse("172.16.0.0/12, 2001:db8:8000::/33");
        assertTrue(odd.contains("172.31.255.255") && odd.contains("172.16.0.0"));
        assertFalse(odd.contains("172.32.0.0") || odd.contains("172.15.255.255"));
        assertTrue(odd.contains("2001:db8:ffff::1"));
        assertFalse(odd.contains("2001:db8:7fff::1"));
        assertTrue(TrustedProxies.parse("10.0.0.0/8").contains("::ffff:10.1.2.3"),
                "an IPv4-mapped peer counts as its IPv4 address");
        assertTrue(TrustedProxies.parse("::1").contains("[::1]") && TrustedProxies.parse("fe80::1").contains("fe80::1%eth0"));
    }

    @Test
    void malformedEntriesAreSetAsideAndNeverResolved() {
        TrustedProxies p = TrustedProxies.parse("10.0.0.0/8, proxy.example.org, 10.0.0.0/33, ::/129, 300.1.1.1, 10.1/8,"
                + " 1.2.3.4/, /8, 1.2.3.4/-1, 1.2.3.4/ 8, gg::1, 10.0.0.1/08x, localhost");
        assertEquals(List.of("proxy.example.org", "10.0.0.0/33", "::/129", "300.1.1.1", "10.1/8", "1.2.3.4/", "/8",
                "1.2.3.4/-1", "1.2.3.4/ 8", "gg::1", "10.0.0.1/08x", "localhost"), p.malformed());
        assertTrue(p.contains("10.1.1.1"), "the good entry still counts");
        assertFalse(p.contains("proxy.example.org") || p.contains("localhost"), "a name is never looked up");
        assertFalse(p.contains("unknown"));
        assertTrue(TrustedProxies.parse("").isEmpty() && TrustedProxies.parse(" , ,").malformed().isEmpty());
    }

    @Test
    void aForgedHopThatIsNoAddressIsTheClientAsSent() {
        TrustedProxies p = TrustedProxies.parse("10.0.0.0/8");
        assertEquals("not-an-ip", ClientAddress.resolve("10.0.0.1", "not-an-ip", p));
    }
}
