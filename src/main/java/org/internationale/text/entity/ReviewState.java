package org.internationale.text.entity;

import java.util.Locale;

/** Where a translation stands in review; only {@link #APPROVED} is served publicly by default. */
public enum ReviewState {
    DRAFT, SUBMITTED, APPROVED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
