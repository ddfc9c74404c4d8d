package org.internationale.platform.entity;

import org.internationale.text.entity.Segment;

/**
 * One addressable text of the platform, a clause or a section's heading, by the id readers, editors and translators
 * share: a clause's own id, or {@code <section>.title} for a heading. Both are segments revised, translated and served
 * alike; only the form says which it is.
 */
public record PlatformText(String id, String section, ClauseForm form, Segment segment) {

    public static final String TITLE_SUFFIX = ".title";

    public static PlatformText of(PlatformClause clause) {
        return new PlatformText(clause.id(), clause.section().id(), clause.form(), clause.segment());
    }

    public static PlatformText of(PlatformSection section) {
        return new PlatformText(section.id() + TITLE_SUFFIX, section.id(), ClauseForm.TITLE, section.title());
    }
}
