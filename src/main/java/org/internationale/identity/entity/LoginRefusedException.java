package org.internationale.identity.entity;

import org.internationale.api.entity.DescribedProblem;
import org.internationale.api.entity.RetryAfter;

import java.time.Duration;
import java.util.Optional;

/** Too many failed logins for this name or address: try again after {@link #retryAfter()}. */
public class LoginRefusedException extends RuntimeException implements DescribedProblem {

    private final Duration retryAfter;

    public LoginRefusedException(Duration retryAfter) {
        super("Too many failed logins. Wait " + RetryAfter.seconds(retryAfter) + " s before trying again.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public Optional<Duration> tryAgainAfter() {
        return Optional.of(retryAfter);
    }

    @Override
    public int status() {
        return 429;
    }

    @Override
    public String title() {
        return "Too Many Requests";
    }
}
