package org.internationale.mailing.entity;

/**
 * What one SMTP transaction came to. {@code TEMPORARY} is a 4xx reply or a broken connection (try again later),
 * {@code PERMANENT} a 5xx reply (never try again), {@code UNREACHABLE} no transaction at all: no connection to the
 * relay could be opened (refused, timed out, login or TLS refused), so the message was never attempted.
 */
public record SendOutcome(Kind kind, String reply) {

    public enum Kind {
        SENT, TEMPORARY, PERMANENT, UNREACHABLE
    }

    public static SendOutcome sent(String reply) {
        return new SendOutcome(Kind.SENT, reply);
    }

    public static SendOutcome temporary(String reply) {
        return new SendOutcome(Kind.TEMPORARY, reply);
    }

    public static SendOutcome permanent(String reply) {
        return new SendOutcome(Kind.PERMANENT, reply);
    }

    public static SendOutcome unreachable(String reason) {
        return new SendOutcome(Kind.UNREACHABLE, reason);
    }
}
