package org.internationale.mailing.entity;

/**
 * A bounce report for a subscriber's message was recorded for the first time: the subscribers feature counts it and
 * may stop mail to the address. Fired inside the transaction that records the report, so both happen or neither.
 */
public record RecipientBounced(long subscriberId, boolean hard, String reason) {
}
