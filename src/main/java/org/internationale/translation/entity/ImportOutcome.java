package org.internationale.translation.entity;

import java.util.Locale;

/** What an import did with one entry of a file. */
public record ImportOutcome(String id, Result result, String detail) {

    public enum Result {
        APPLIED, UNCHANGED, CONFLICT, REJECTED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
