package org.internationale.api.entity;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * An exception that knows which problem it is for a client: its status, title and the fields a client can act on.
 * Features' exceptions implement it, so the one mapper at the edge turns them into problem details without knowing
 * any feature; the message is the problem's detail and must be safe to show (no addresses, no secrets).
 */
public interface DescribedProblem {

    int status();

    String title();

    String getMessage();

    /** The problem's detail for the client: the message unless the exception keeps its message for the log. */
    default String detail() {
        return getMessage();
    }

    /** Extension members of the problem body, in order; values are strings, numbers or null. */
    default Map<String, Object> fields() {
        return Map.of();
    }

    /** How long a client should wait before trying again (a 429 or 503 with {@code Retry-After}). */
    default Optional<Duration> tryAgainAfter() {
        return Optional.empty();
    }
}
