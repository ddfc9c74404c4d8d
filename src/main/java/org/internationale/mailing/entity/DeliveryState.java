package org.internationale.mailing.entity;

import java.util.Locale;

/** A ledger row's state: pending → sending → sent | failed | unknown; cancelled when it must not go out any more. */
public enum DeliveryState {
    PENDING, SENDING, SENT, FAILED, UNKNOWN, CANCELLED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
