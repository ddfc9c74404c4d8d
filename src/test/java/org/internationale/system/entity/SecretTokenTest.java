package org.internationale.system.entity;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretTokenTest {

    @Test
    void tokensAreUrlSafeUniqueAndStoredOnlyAsTheirHash() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            SecretToken token = SecretToken.random();
            assertEquals(43, token.value().length(), "256 bits in unpadded base64url");
            assertTrue(token.value().matches("[A-Za-z0-9_-]+"), token.value());
            assertTrue(seen.add(token.value()));
            assertEquals(SecretToken.hashOf(token.value()), token.hash());
            assertNotEquals(token.value(), token.hash());
        }
        assertEquals("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", SecretToken.hashOf("test"));
        SecretToken logged = SecretToken.random();
        assertEquals("SecretToken[…]", logged.toString(), "never printed");
        assertFalse(logged.toString().contains(logged.value()));
    }
}
