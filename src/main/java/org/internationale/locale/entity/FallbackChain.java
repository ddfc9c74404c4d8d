package org.internationale.locale.entity;

import java.util.List;

/**
 * The offered languages to try, in order, for a reader who asked for {@link #first()}; the last element is
 * always the source language, so every chain ends in text that exists.
 */
public record FallbackChain(List<LanguageTag> languages) {

    public FallbackChain {
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("a fallback chain is never empty");
        }
        languages = List.copyOf(languages);
    }

    public LanguageTag first() {
        return languages.get(0);
    }

    public LanguageTag last() {
        return languages.get(languages.size() - 1);
    }

    public boolean contains(LanguageTag tag) {
        return languages.contains(tag);
    }
}
