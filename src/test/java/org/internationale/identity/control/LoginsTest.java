package org.internationale.identity.control;

import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import org.internationale.identity.entity.LoginRefusedException;
import org.internationale.testing.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LoginsTest {

    /** A password check as slow as a real one, counting how many ran: every password is wrong. */
    private static final class SlowWrongPasswords extends AccountIdentityStore {
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public CredentialValidationResult validate(Credential credential) {
            checks.incrementAndGet();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return CredentialValidationResult.INVALID_RESULT;
        }
    }

    @Test
    void parallelWrongPasswordsGetNoMoreHashChecksThanTheThrottleAllows() throws Exception {
        Logins logins = new Logins();
        SlowWrongPasswords store = new SlowWrongPasswords();
        logins.identityStore = store;
        logins.throttle = new LoginThrottle(new ManualClock(Instant.parse("2026-03-01T10:00:00Z")));
        int parallel = 40;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger refused = new AtomicInteger();
        try {
            List<Future<?>> attempts = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                attempts.add(pool.submit(() -> {
                    start.await();
                    try {
                        logins.attempt("maria", "guess", "203.0.113.7");
                    } catch (LoginRefusedException e) {
                        refused.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> attempt : attempts) {
                attempt.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(LoginThrottle.FREE_FAILURES + 1, store.checks.get(), "hash checks of " + parallel + " parallel guesses");
        assertEquals(parallel - LoginThrottle.FREE_FAILURES - 1, refused.get(), "the rest are answered 429");
    }
}
