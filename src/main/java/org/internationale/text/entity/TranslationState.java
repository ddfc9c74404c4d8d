package org.internationale.text.entity;

import java.util.Locale;

/** A translation's standing against its source, derived from revision history. */
public enum TranslationState {
    MISSING, OUTDATED, CURRENT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
