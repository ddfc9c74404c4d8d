package org.internationale.mailing.entity;

/**
 * Fired when a subscriber leaves or their address is stopped after bounces: whatever was queued for them must not
 * go out any more.
 */
public record SubscriptionEnded(long subscriberId) {
}
