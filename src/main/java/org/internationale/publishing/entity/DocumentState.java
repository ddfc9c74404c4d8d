package org.internationale.publishing.entity;

import java.util.Locale;

/** draft → in review → scheduled → published → archived (unpublished); history is kept in every state. */
public enum DocumentState {
    DRAFT, IN_REVIEW, SCHEDULED, PUBLISHED, ARCHIVED;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
