package org.internationale.identity.entity;

import java.time.Duration;

/** Too many failed logins for this name or address: try again after {@link #retryAfter()}. */
public class LoginRefusedException extends RuntimeException {

    private final Duration retryAfter;

    public LoginRefusedException(Duration retryAfter) {
        super("Too many failed logins. Wait " + seconds(retryAfter) + " s before trying again.");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up: a client that waits exactly this long is let in. */
    public static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
