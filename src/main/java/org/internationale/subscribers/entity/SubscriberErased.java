package org.internationale.subscribers.entity;

/**
 * Fired inside the transaction that erases a subscriber: every feature that kept something about them (the delivery
 * ledger, bounces) forgets it in the same transaction, or the erasure does not happen.
 */
public record SubscriberErased(long subscriberId) {
}
