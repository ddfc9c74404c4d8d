package org.internationale.subscribers.entity;

import java.util.Locale;

/** Where a subscriber stands. Only {@code CONFIRMED} subscribers who have not paused receive campaigns. */
public enum SubscriberState {
    /** Asked to subscribe; the confirmation link has not been used. */
    PENDING,
    CONFIRMED,
    /** Unsubscribed. Subscribing again starts a new double opt-in. */
    LEFT,
    /** Mail to the address bounced for good: nothing more is sent until they subscribe again. */
    STOPPED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
