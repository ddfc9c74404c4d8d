package org.internationale.mailing.control;

import org.internationale.testing.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The limits on anonymous requests that send mail: a meeting behind one address may sign up, a script may not go on,
 * and nobody may ask over and over for mail to one address, from however many clients.
 */
class MailRequestThrottleTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final MailRequestThrottle throttle = new MailRequestThrottle(clock);

    @Test
    void aClientMayAskUpToTheLimitInAWindowAndIsToldHowLongToWaitAfter() {
        for (int i = 1; i <= MailRequestThrottle.REQUESTS_PER_CLIENT; i++) {
            assertTrue(throttle.admit("203.0.113.7", "member" + i + "@example.org").isEmpty(), "request " + i);
        }
        clock.advance(Duration.ofMinutes(20));
        Optional<Duration> wait = throttle.admit("203.0.113.7", "another@example.org");
        assertEquals(Optional.of(MailRequestThrottle.WINDOW.minusMinutes(20)), wait);
    }

    @Test
    void otherClientsAreNotHeldBackAndTheNextWindowStartsAfresh() {
        for (int i = 0; i <= MailRequestThrottle.REQUESTS_PER_CLIENT; i++) {
            throttle.admit("203.0.113.7", null);
        }
        assertTrue(throttle.admit("203.0.113.7", null).isPresent());
        assertTrue(throttle.admit("198.51.100.2", null).isEmpty());
        clock.advance(MailRequestThrottle.WINDOW.plusSeconds(1));
        assertTrue(throttle.admit("203.0.113.7", null).isEmpty());
    }

    @Test
    void oneAddressIsLimitedWhicheverClientsAskAndHoweverItIsSpelt() {
        for (int i = 1; i <= MailRequestThrottle.REQUESTS_PER_ADDRESS; i++) {
            String spelling = i % 2 == 0 ? "Victim@Example.org " : "victim@example.org";
            assertTrue(throttle.admit("198.51.100." + i, spelling).isEmpty(), "request " + i);
        }
        clock.advance(Duration.ofMinutes(5));
        assertEquals(Optional.of(MailRequestThrottle.WINDOW.minusMinutes(5)), throttle.admit("192.0.2.99", "VICTIM@example.org"));
        assertTrue(throttle.admit("192.0.2.99", "someone-else@example.org").isEmpty(), "the client itself is not held back");
        clock.advance(MailRequestThrottle.WINDOW);
        assertTrue(throttle.admit("192.0.2.99", "victim@example.org").isEmpty());
    }

    @Test
    void asManyAddressesAsOneLikesNeverGrowTheMemoryPastItsBound() {
        for (int i = 0; i < MailRequestThrottle.MAX_TRACKED + 50_000; i++) {
            throttle.admit("2001:db8::" + Integer.toHexString(i), null);
        }
        assertTrue(throttle.tracked() <= MailRequestThrottle.MAX_TRACKED + 1, throttle.tracked() + " addresses kept");
        clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < MailRequestThrottle.REQUESTS_PER_CLIENT; i++) {
            throttle.admit("198.51.100.7", null);
        }
        assertTrue(throttle.admit("198.51.100.7", null).isPresent(), "the newest addresses are still counted");
    }
}
