package org.internationale.newsletter.entity;

import org.internationale.locale.entity.LanguageTag;

import java.util.List;

/**
 * A newsletter rendered in one language, everything but the per-subscriber footer: the texts through the one
 * localisation rule, the body's Markdown already HTML, the updates it includes, and the plain text before the footer.
 * Made once per language and campaign; each message then only adds its footer.
 *
 * @param notice a note in {@code language} that the reader asked for another language, or null
 * @param html   the body's HTML, made by our Markdown renderer from the text (safe to embed)
 */
public record Variant(LanguageTag language, String direction, String subject, String notice, String summary, String html,
                      String itemsHeading, List<Item> items, String text) {

    /** An update the newsletter includes, in the language it is served in, linked on the site. */
    public record Item(String language, String direction, String title, String summary, String url) {
    }

    public Variant {
        items = List.copyOf(items);
    }

    /** The same mail under another subject: a test send says it is one. */
    public Variant withSubject(String other) {
        return new Variant(language, direction, other, notice, summary, html, itemsHeading, items, text);
    }

    public String text(String footerText) {
        return text + "\n\n-- \n" + footerText + "\n";
    }
}
