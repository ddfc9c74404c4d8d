package org.internationale.mailing.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SendingRateTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void noLimitsMeansNoWaiting() {
        SendingRate rate = new SendingRate(0, 0);
        for (int i = 0; i < 10_000; i++) {
            assertEquals(Duration.ZERO, rate.acquire("example.org", 0));
        }
    }

    @Test
    void aDomainOverItsRateWaitsWhileOtherDomainsGoOn() {
        SendingRate rate = new SendingRate(0, 2);
        assertEquals(Duration.ZERO, rate.acquire("gmail.example", 0));
        assertEquals(Duration.ZERO, rate.acquire("gmail.example", 0));
        Duration wait = rate.acquire("gmail.example", 0);
        assertTrue(wait.toMillis() >= 400 && wait.toMillis() <= 500, wait.toString());
        assertEquals(Duration.ZERO, rate.acquire("union.example", 0), "another domain is not held up");
        assertEquals(Duration.ZERO, rate.acquire("gmail.example", SECOND / 2), "half a second refills one permit at 2/s");
    }

    @Test
    void theGlobalRateBoundsAllDomainsTogether() {
        SendingRate rate = new SendingRate(10, 0);
        int granted = 0;
        for (int i = 0; i < 100; i++) {
            if (rate.acquire("d" + i + ".example", 0).isZero()) {
                granted++;
            }
        }
        assertEquals(10, granted, "one second's burst");
        int later = 0;
        for (int i = 0; i < 100; i++) {
            if (rate.acquire("d" + i + ".example", 2 * SECOND).isZero()) {
                later++;
            }
        }
        assertEquals(10, later, "refilled, but never beyond one second's worth");
    }
}
