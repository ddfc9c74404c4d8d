package org.internationale.text.entity;

import java.util.Locale;

/** How much a source revision changed: only {@link #MEANING} makes translations outdated. */
public enum ChangeKind {
    TYPO, WORDING, MEANING;

    public static ChangeKind parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a change kind is required: typo, wording or meaning");
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a change kind; use typo, wording or meaning");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
