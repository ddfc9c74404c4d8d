package org.internationale.mailing.entity;

/** A subscriber left by mailing the {@code List-Unsubscribe} address of one of their messages (RFC 2369). */
public record UnsubscribeMailed(long subscriberId) {
}
