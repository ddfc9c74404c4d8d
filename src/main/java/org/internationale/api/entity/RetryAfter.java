package org.internationale.api.entity;

import java.time.Duration;

/** The {@code Retry-After} value for a wait: whole seconds, rounded up, so a client that waits exactly that long is let in. */
public final class RetryAfter {

    private RetryAfter() {
    }

    public static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
