package org.internationale.identity.control;

import org.internationale.testing.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginThrottleTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock);

    /** Tries once; every admitted attempt here is a wrong password. */
    private boolean tries(String name, String address) {
        boolean admitted = throttle.admit(name, address).isEmpty();
        if (admitted) {
            throttle.failed(name);
        }
        return admitted;
    }

    /** Tries once with a wrong password: how long it was told to wait, or zero when it was checked (and failed). */
    private Duration refusal(String name, String address) {
        Optional<Duration> wait = throttle.admit(name, address);
        if (wait.isEmpty()) {
            throttle.failed(name);
        }
        return wait.orElse(Duration.ZERO);
    }

    @Test
    void firstFailuresAreFreeThenWaitsDouble() {
        for (int i = 0; i <= LoginThrottle.FREE_FAILURES; i++) {
            assertTrue(tries("maria", "10.0.0.1"), "attempt " + (i + 1));
        }
        assertEquals(Duration.ofSeconds(1), throttle.admit("maria", "10.0.0.1").orElseThrow());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(tries("MARIA ", "10.0.0.1"), "names are matched case-blind");
        assertEquals(Duration.ofSeconds(2), throttle.admit("maria", "10.0.0.1").orElseThrow());
    }

    @Test
    void theWaitNeverGrowsPastAMinuteAndNothingLocks() {
        for (int i = 0; i < 200; i++) {
            clock.advance(refusal("target", "10.0.0.1"));
            assertTrue(tries("target", "10.0.0.1"));
        }
        assertEquals(LoginThrottle.LONGEST_WAIT, throttle.admit("target", "10.0.0.1").orElseThrow());
        clock.advance(LoginThrottle.LONGEST_WAIT);
        assertTrue(tries("target", "10.0.0.1"), "after the longest wait the next attempt goes ahead, however many failed");
    }

    @Test
    void anAttackerElsewhereCannotKeepThePersonFromTheirOwnAddressOut() {
        String attacker = "198.51.100.66";
        String home = "192.0.2.10";
        for (int i = 0; i < 50; i++) {
            clock.advance(refusal("maria", attacker));
            tries("maria", attacker);
        }
        assertTrue(throttle.admit("maria", attacker).isPresent(), "the attacker waits");
        assertTrue(tries("maria", home), "María's first attempt from home goes ahead at once");
        Duration afterTypo = throttle.admit("maria", home).orElseThrow();
        assertTrue(afterTypo.compareTo(LoginThrottle.LONGEST_WAIT) <= 0, "after a typo she waits at most a minute: " + afterTypo);
        for (int i = 0; i < 20; i++) {
            // the attacker keeps going at full speed; her wait does not move
            clock.advance(Duration.ofSeconds(3));
            tries("maria", attacker);
        }
        assertTrue(throttle.admit("maria", home).isEmpty(), "her wait ran out although the attacker never stopped");
    }

    @Test
    void aNewAddressAfterManyFailuresGetsOneAttemptNotFreeOnes() {
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMinutes(2));
            tries("target", "10.0.0.1");
        }
        assertTrue(tries("target", "10.0.0.2"));
        assertTrue(throttle.admit("target", "10.0.0.2").isPresent(), "a botnet gets one guess per address per wait");
    }

    @Test
    void unknownAndKnownNamesAreTreatedAlike() {
        for (int i = 0; i < 5; i++) {
            tries("exists", "10.0.0.1");
            tries("does-not-exist", "10.0.0.2");
        }
        // the first wait after the free failures, for either name
        assertEquals(Optional.of(Duration.ofSeconds(1)), throttle.admit("exists", "10.0.0.1"));
        assertEquals(Optional.of(Duration.ofSeconds(1)), throttle.admit("does-not-exist", "10.0.0.2"));
    }

    @Test
    void oneAddressGuessingManyNamesIsSlowedToo() {
        for (int i = 0; i <= LoginThrottle.ADDRESS_FREE_FAILURES; i++) {
            assertTrue(tries("name" + i, "203.0.113.7"));
        }
        assertTrue(throttle.admit("someone-new", "203.0.113.7").isPresent());
        assertTrue(tries("someone-new", "198.51.100.1"));
    }

    @Test
    void successClearsTheNameWithoutChargingTheAddressAndFailuresAreForgotten() {
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(1));
            tries("maria", "10.0.0.1");
        }
        clock.advance(Duration.ofMinutes(1));
        assertTrue(throttle.admit("maria", "10.0.0.1").isEmpty());
        throttle.succeeded("maria", "10.0.0.1");
        assertTrue(tries("maria", "10.0.0.1"));
        for (int i = 0; i < 100; i++) {
            // a busy office: many good logins from one address never slow it down
            assertTrue(throttle.admit("colleague" + i, "10.0.0.9").isEmpty());
            throttle.succeeded("colleague" + i, "10.0.0.9");
        }
        for (int i = 0; i < 5; i++) {
            tries("juan", "10.0.0.4");
        }
        clock.advance(LoginThrottle.MEMORY.plusSeconds(1));
        assertTrue(tries("juan", "10.0.0.4"));
        assertTrue(tries("juan", "10.0.0.4"), "a forgotten history starts again from free failures");
    }

    @Test
    void guessingTheCurrentPasswordSlowsTheNameNotTheAddress() {
        for (int i = 0; i <= LoginThrottle.FREE_FAILURES; i++) {
            assertTrue(throttle.admitPasswordChange("maria", "10.0.0.1").isEmpty());
            throttle.failed("maria");
        }
        assertTrue(throttle.admitPasswordChange("maria", "10.0.0.1").isPresent());
        assertTrue(throttle.admit("maria", "10.0.0.1").isPresent(), "a login for the name waits too");
        for (int i = 0; i < LoginThrottle.ADDRESS_FREE_FAILURES; i++) {
            assertTrue(tries("name" + i, "10.0.0.1"), "the address was not charged");
        }
    }

    /** Runs the attempt on many threads at once, all released together; what each returned. */
    private static List<Boolean> inParallel(int threads, Callable<Boolean> attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                attempts.add(pool.submit(() -> {
                    start.await();
                    return attempt.call();
                }));
            }
            start.countDown();
            List<Boolean> results = new ArrayList<>();
            for (Future<Boolean> each : attempts) {
                results.add(each.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void parallelAttemptsCannotAllPassTheCheckBeforeAnyFailed() throws Exception {
        List<Boolean> admitted = inParallel(64, () -> tries("maria", "10.0.0.1"));
        assertEquals(LoginThrottle.FREE_FAILURES + 1, admitted.stream().filter(a -> a).count(),
                "the free failures and the one after them, of " + admitted.size());
    }

    @Test
    void parallelRightPasswordsAllGoThrough() throws Exception {
        List<Boolean> admitted = inParallel(20, () -> {
            if (throttle.admit("script", "10.0.0.5").isPresent()) {
                return false;
            }
            Thread.sleep(20);
            throttle.succeeded("script", "10.0.0.5");
            return true;
        });
        assertEquals(List.of(), admitted.stream().filter(a -> !a).toList(), "a script's parallel requests with the right password pass");
    }

    @Test
    void asManyNamesAndAddressesAsOneLikesNeverGrowTheMemoryPastItsBound() {
        for (int i = 0; i < LoginThrottle.MAX_TRACKED + 50_000; i++) {
            tries("name-" + i + "x".repeat(5_000), "2001:db8::" + Integer.toHexString(i));
        }
        // three maps (names, addresses, name-and-address pairs), each kept to the bound
        assertTrue(throttle.tracked() <= 3 * (LoginThrottle.MAX_TRACKED + 1), throttle.tracked() + " kept");
        clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i <= LoginThrottle.FREE_FAILURES; i++) {
            tries("maria", "10.0.0.1");
        }
        assertTrue(throttle.admit("maria", "10.0.0.1").isPresent(), "the newest names are still counted");
    }
}
