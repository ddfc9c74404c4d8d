package org.internationale.subscribers.control;

import org.internationale.testing.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-client limit on subscribe requests: a meeting behind one address may sign up, a script may not go on. */
class SubscribeThrottleTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final SubscribeThrottle throttle = new SubscribeThrottle(clock);

    @Test
    void aClientMayAskUpToTheLimitInAWindowAndIsToldHowLongToWaitAfter() {
        for (int i = 1; i <= SubscribeThrottle.REQUESTS_PER_WINDOW; i++) {
            assertTrue(throttle.admit("203.0.113.7").isEmpty(), "request " + i);
        }
        clock.advance(Duration.ofMinutes(20));
        Optional<Duration> wait = throttle.admit("203.0.113.7");
        assertEquals(Optional.of(SubscribeThrottle.WINDOW.minusMinutes(20)), wait);
    }

    @Test
    void otherClientsAreNotHeldBackAndTheNextWindowStartsAfresh() {
        for (int i = 0; i <= SubscribeThrottle.REQUESTS_PER_WINDOW; i++) {
            throttle.admit("203.0.113.7");
        }
        assertTrue(throttle.admit("203.0.113.7").isPresent());
        assertTrue(throttle.admit("198.51.100.2").isEmpty());
        clock.advance(SubscribeThrottle.WINDOW.plusSeconds(1));
        assertTrue(throttle.admit("203.0.113.7").isEmpty());
    }

    @Test
    void asManyAddressesAsOneLikesNeverGrowTheMemoryPastItsBound() {
        for (int i = 0; i < SubscribeThrottle.MAX_TRACKED + 50_000; i++) {
            throttle.admit("2001:db8::" + Integer.toHexString(i));
        }
        assertTrue(throttle.tracked() <= SubscribeThrottle.MAX_TRACKED + 1, throttle.tracked() + " addresses kept");
        clock.advance(java.time.Duration.ofSeconds(1));
        for (int i = 0; i < SubscribeThrottle.REQUESTS_PER_WINDOW; i++) {
            throttle.admit("198.51.100.7");
        }
        assertTrue(throttle.admit("198.51.100.7").isPresent(), "the newest addresses are still counted");
    }
}
