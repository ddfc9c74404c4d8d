package org.internationale.mailing.entity;

/**
 * Fired inside the transaction that erases a subscriber: every feature that kept something about them (the delivery
 * ledger and its SMTP replies, bounces, the daily mail cap, the outbox folder) forgets it in the same transaction, or
 * the erasure does not happen. It carries the address because some of those copies are found only by it.
 */
public record SubscriberErased(long subscriberId, String email) {
}
