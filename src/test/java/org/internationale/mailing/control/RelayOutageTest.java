package org.internationale.mailing.control;

import org.internationale.mailing.entity.RelayPause;
import org.internationale.testing.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RelayOutageTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final RelayOutage relay = new RelayOutage(clock);

    @Test
    void sendingPausesAfterTheRelayCouldNotBeReachedAndGoesOnWhenThePauseIsOver() {
        assertTrue(relay.open());
        assertTrue(relay.current().isEmpty());
        assertEquals(RelayOutage.FIRST_PAUSE, relay.unreachable("connection refused"));
        assertFalse(relay.open());
        assertEquals(new RelayPause("connection refused", clock.instant().plus(RelayOutage.FIRST_PAUSE)), relay.current().orElseThrow());
        clock.advance(RelayOutage.FIRST_PAUSE.minusMillis(1));
        assertFalse(relay.open());
        clock.advance(Duration.ofMillis(1));
        assertTrue(relay.open());
        assertTrue(relay.current().isEmpty());
    }

    @Test
    void eachFurtherFailureDoublesThePauseUpToFiveMinutesAndOneMessageSentEndsIt() {
        Duration pause = relay.unreachable("connection refused");
        for (int i = 0; i < 10; i++) {
            clock.advance(pause);
            Duration next = relay.unreachable("connection refused");
            assertEquals(pause.multipliedBy(2).compareTo(RelayOutage.LONGEST_PAUSE) > 0 ? RelayOutage.LONGEST_PAUSE : pause.multipliedBy(2), next);
            pause = next;
        }
        assertEquals(RelayOutage.LONGEST_PAUSE, pause);
        clock.advance(pause);
        relay.reachable();
        assertTrue(relay.open());
        assertEquals(RelayOutage.FIRST_PAUSE, relay.unreachable("535 authentication failed"), "a new outage starts short again");
    }

    @Test
    void lanesFindingTheSameOutageMakeOnePauseNotALongerOne() {
        Duration first = relay.unreachable("connection refused");
        clock.advance(Duration.ofSeconds(2));
        assertEquals(first.minusSeconds(2), relay.unreachable("connection refused"));
        clock.advance(first.minusSeconds(2));
        assertEquals(RelayOutage.FIRST_PAUSE.multipliedBy(2), relay.unreachable("connection refused"));
    }
}
