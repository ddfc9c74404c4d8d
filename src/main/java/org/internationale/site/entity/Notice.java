package org.internationale.site.entity;

/**
 * A line above a text telling the reader something honest about it: {@code fallback} (shown in another language),
 * {@code outdated} (the original changed since the translation; {@code link} goes to the current original) or
 * {@code unreviewed}. {@code text} is already in the interface language.
 */
public record Notice(String kind, String text, String link) {
}
