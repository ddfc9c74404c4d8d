package org.internationale.publishing.entity;

import java.util.Locale;

/** What a document is; every type shares the one translatable-document mechanism. */
public enum DocumentType {
    UPDATE, STATEMENT, PAGE, NEWSLETTER;

    public static DocumentType parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a document type; use update, statement, page or newsletter");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
