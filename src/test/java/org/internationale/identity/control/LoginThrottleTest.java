package org.internationale.identity.control;

import org.internationale.testing.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginThrottleTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void firstFailuresAreFreeThenWaitsDouble() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertTrue(throttle.refusal("maria", "10.0.0.1").isEmpty());
            throttle.failed("maria", "10.0.0.1");
        }
        assertTrue(throttle.refusal("maria", "10.0.0.1").isEmpty());
        throttle.failed("maria", "10.0.0.1");
        assertEquals(Duration.ofSeconds(1), throttle.refusal("maria", "10.0.0.1").orElseThrow());
        clock.advance(Duration.ofSeconds(1));
        throttle.failed("maria", "10.0.0.1");
        assertEquals(Duration.ofSeconds(2), throttle.refusal("MARIA ", "10.0.0.2").orElseThrow(), "names are matched case-blind");
    }

    @Test
    void locksAfterManyFailuresForAWhile() {
        for (int i = 0; i < LoginThrottle.NAME_LOCK_AFTER; i++) {
            clock.advance(Duration.ofMinutes(2));
            throttle.failed("target", "10.0.0." + i);
        }
        assertEquals(LoginThrottle.LOCK, throttle.refusal("target", "10.9.9.9").orElseThrow());
        clock.advance(LoginThrottle.LOCK);
        assertTrue(throttle.refusal("target", "10.9.9.9").isEmpty());
    }

    @Test
    void unknownAndKnownNamesAreTreatedAlike() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("exists", "10.0.0.1");
            throttle.failed("does-not-exist", "10.0.0.2");
        }
        assertEquals(throttle.refusal("exists", "10.1.1.1"), throttle.refusal("does-not-exist", "10.1.1.1"));
    }

    @Test
    void oneAddressGuessingManyNamesIsSlowedToo() {
        for (int i = 0; i <= LoginThrottle.ADDRESS_FREE_FAILURES; i++) {
            throttle.failed("name" + i, "203.0.113.7");
        }
        assertTrue(throttle.refusal("someone-new", "203.0.113.7").isPresent());
        assertTrue(throttle.refusal("someone-new", "198.51.100.1").isEmpty());
    }

    @Test
    void successClearsTheNameAndFailuresAreForgotten() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("maria", "10.0.0.1");
        }
        throttle.succeeded("maria");
        assertTrue(throttle.refusal("maria", "10.0.0.3").isEmpty());
        for (int i = 0; i < 5; i++) {
            throttle.failed("juan", "10.0.0.4");
        }
        clock.advance(LoginThrottle.MEMORY.plusSeconds(1));
        assertTrue(throttle.refusal("juan", "10.0.0.4").isEmpty());
        throttle.failed("juan", "10.0.0.4");
        assertTrue(throttle.refusal("juan", "10.0.0.4").isEmpty(), "a forgotten history starts again from free failures");
    }

    @Test
    void asManyNamesAndAddressesAsOneLikesNeverGrowTheMemoryPastItsBound() {
        for (int i = 0; i < LoginThrottle.MAX_TRACKED; i++) {
            throttle.failed("name-" + i + "x".repeat(5_000), "2001:db8::" + Integer.toHexString(i));
        }
        assertTrue(throttle.tracked() <= LoginThrottle.MAX_TRACKED + 2, throttle.tracked() + " kept");
    }
}
