package org.internationale.system.control;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientAddressTest {

    private static ClientAddress trusting(String proxies) {
        return new ClientAddress(Optional.ofNullable(proxies));
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsNeverBelieved() {
        ClientAddress none = trusting(null);
        assertEquals("203.0.113.7", none.of("203.0.113.7", List.of("198.51.100.1")));
        assertEquals("127.0.0.1", none.of("127.0.0.1", List.of("198.51.100.1")));
    }

    @Test
    void aTrustedProxyIsBelievedAnyoneElseIsNot() {
        ClientAddress proxy = trusting("10.0.0.0/8, ::1");
        assertEquals("198.51.100.1", proxy.of("10.1.2.3", List.of("198.51.100.1")));
        assertEquals("::1", proxy.of("::1", List.of()), "no header: the proxy itself");
        assertEquals("198.51.100.1", proxy.of("::1", List.of("198.51.100.1")));
        assertEquals("203.0.113.7", proxy.of("203.0.113.7", List.of("198.51.100.1")), "a client cannot name itself someone else");
    }

    @Test
    void theChainIsReadFromTheRightSkippingTrustedHopsOnly() {
        ClientAddress proxies = trusting("10.0.0.0/8");
        // the client forged a first entry; our two proxies appended what they saw
        assertEquals("198.51.100.1", proxies.of("10.0.0.2", List.of("192.0.2.99, 198.51.100.1, 10.0.0.1")));
        assertEquals("198.51.100.1", proxies.of("10.0.0.2", List.of("192.0.2.99", "198.51.100.1, 10.0.0.5")), "several header lines");
        assertEquals("10.0.0.1", proxies.of("10.0.0.2", List.of("not-an-address, 10.0.0.1")),
                "garbage ends the chain at the last proxy that spoke");
        assertEquals("10.0.0.2", proxies.of("10.0.0.2", List.of("evil.example")), "a name is never looked up");
    }

    @Test
    void rangesMatchByPrefixAndFamily() {
        ClientAddress proxy = trusting("192.168.4.0/22,2001:db8::/32");
        assertEquals("198.51.100.1", proxy.of("192.168.7.255", List.of("198.51.100.1")));
        assertEquals("192.168.8.0", proxy.of("192.168.8.0", List.of("198.51.100.1")));
        assertEquals("198.51.100.1", proxy.of("2001:db8:ffff::1", List.of("198.51.100.1")));
        assertEquals("2001:db9:0:0:0:0:0:1", proxy.of("2001:db9:0:0:0:0:0:1", List.of("198.51.100.1")));
    }

    @Test
    void aMistakeInTheSettingIsNamed() {
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class, () -> trusting("proxy.example"));
        assertTrue(name.getMessage().contains("proxy.example"), name.getMessage());
        assertThrows(IllegalArgumentException.class, () -> trusting("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> trusting("10.0.0.0/x"));
        assertTrue(ClientAddress.literal("1.2.3").isEmpty(), "shorthand IPv4 is not an address here");
        assertFalse(ClientAddress.literal("[2001:db8::1]").isEmpty());
    }
}
