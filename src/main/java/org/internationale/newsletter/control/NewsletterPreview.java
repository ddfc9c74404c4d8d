package org.internationale.newsletter.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.internationale.locale.control.LanguageRegistry;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.newsletter.control.NewsletterRenderer;
import org.internationale.newsletter.entity.Variant;
import org.internationale.publishing.entity.Document;

import java.net.URI;

/**
 * A newsletter as a reader of one language would get it, for the editor's preview: rendered by
 * {@link NewsletterRenderer} with the footer of a sample subscriber, so the preview never shows a real address.
 */
@ApplicationScoped
public class NewsletterPreview {

    static final String SAMPLE_SUBSCRIBER = "subscriber@example.org";

    @Inject
    LanguageRegistry languages;

    @Inject
    NewsletterRenderer renderer;

    /** The rendered mail; {@link Variant#language()} says which language it came out in. */
    public record Preview(Variant variant, String html, String text) {
    }

    /**
     * The language asked for ({@code ?lang=}), or the newsletter's own when none is asked.
     *
     * @throws IllegalArgumentException for a tag that is ill-formed or not offered: both faces refuse it alike
     */
    public LanguageTag language(String asked, Document newsletter) {
        LanguageTag language = asked == null || asked.isBlank() ? newsletter.sourceLanguage() : LanguageTag.of(asked);
        if (!languages.offers(language)) {
            throw new IllegalArgumentException(language + " is not an offered language.");
        }
        return language;
    }

    /** @param base the site's public address, for links in the mail and the footer's preference and unsubscribe links */
    public Preview of(Document newsletter, LanguageTag language, URI base) {
        Variant variant = renderer.render(newsletter, language, language, base);
        NewsletterRenderer.Footer footer = renderer.footer(variant.language(), SAMPLE_SUBSCRIBER,
                base.resolve("subscriptions/preferences"), base.resolve("subscriptions/unsubscribe"));
        return new Preview(variant, renderer.html(variant, footer), variant.text(footer.text()));
    }
}
