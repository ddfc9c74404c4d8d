package org.internationale.identity.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiTokenTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T10:00:00Z");
    private final Account owner = new Account("maria", "María", null, "hash", Set.of("editor"), Set.of(), CREATED);

    @Test
    void anExpiredTokenIsRefused() {
        ApiToken token = new ApiToken(owner, "nightly", "intl_abcdef", "0".repeat(64), CREATED, CREATED.plus(Duration.ofDays(30)));
        assertTrue(token.usableAt(CREATED.plus(Duration.ofDays(30)).minusSeconds(1)));
        assertFalse(token.usableAt(CREATED.plus(Duration.ofDays(30))), "at its expiry it stops");
        assertFalse(token.usableAt(CREATED.plus(Duration.ofDays(400))));
    }

    @Test
    void aRevokedTokenOrADeactivatedOwnerIsRefused() {
        ApiToken token = new ApiToken(owner, "nightly", "intl_abcdef", "0".repeat(64), CREATED, CREATED.plus(Duration.ofDays(30)));
        token.revoke(CREATED.plusSeconds(60));
        assertFalse(token.usableAt(CREATED.plusSeconds(120)));
        ApiToken other = new ApiToken(owner, "other", "intl_ghijkl", "1".repeat(64), CREATED, CREATED.plus(Duration.ofDays(30)));
        owner.deactivate(CREATED.plusSeconds(60));
        assertFalse(other.usableAt(CREATED.plusSeconds(120)));
    }
}
