package org.internationale.locale.entity;

/**
 * The outcome of language negotiation: what the reader asked for (null when nothing usable was asked) and
 * the offered language the response is in.
 */
public record Negotiated(LanguageTag requested, Language language, FallbackChain chain) {

    public LanguageTag tag() {
        return language.tag();
    }
}
