package org.internationale.newsletter.entity;

import java.util.Locale;

/**
 * A campaign's life: drafted; scheduled (waiting for its time or for its required languages to be approved);
 * sending; paused; and finally sent or cancelled — by an editor, or by its send-by deadline passing.
 */
public enum CampaignState {
    DRAFT, SCHEDULED, SENDING, PAUSED, SENT, CANCELLED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean finished() {
        return this == SENT || this == CANCELLED;
    }
}
