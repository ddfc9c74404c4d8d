package org.internationale.newsletter.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.internationale.api.boundary.HtmlPage;
import org.internationale.locale.control.LanguageNegotiator;
import org.internationale.locale.control.LanguageRegistry;
import org.internationale.locale.entity.FallbackChain;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.publishing.control.DocumentReader;
import org.internationale.publishing.entity.Document;
import org.internationale.newsletter.entity.Variant;
import org.internationale.publishing.entity.DocumentView;
import org.internationale.text.control.MarkdownRenderer;
import org.internationale.text.control.SegmentStore;
import org.internationale.text.control.TextLocalizer;
import org.internationale.text.entity.LocalizedText;
import org.internationale.text.entity.Segment;
import org.internationale.text.entity.SegmentKey;
import org.internationale.text.entity.Translation;
import org.internationale.translation.control.UiStrings;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a newsletter in one language as mail: a {@code multipart/alternative} pair of HTML with inline styles and
 * plain text, {@code lang} and {@code dir} set on the HTML, the included updates listed with links to them in the
 * same language. Texts come through the one localisation rule (approved translation, else the source), so a preview
 * shows exactly what a subscriber will get.
 */
@ApplicationScoped
public class NewsletterRenderer {

    @PersistenceContext(unitName = "internationale")
    EntityManager em;

    @Inject
    SegmentStore segments;

    @Inject
    TextLocalizer localizer;

    @Inject
    MarkdownRenderer markdown;

    @Inject
    LanguageRegistry languages;

    @Inject
    LanguageNegotiator negotiator;

    @Inject
    DocumentReader documents;

    @Inject
    NewsletterItems items;

    @Inject
    UiStrings ui;

    /**
     * {@link #render(Document, LanguageTag, LanguageTag, URI)} of a newsletter by id, reading it in a transaction of
     * its own: sending lanes call this, and outside a transaction their reads would go through a persistence context
     * bound to the invocation their executor captured — shared by every lane it started, and closed under them when
     * that invocation was an EJB call that had returned.
     */
    @Transactional
    public Variant render(long newsletterId, LanguageTag language, LanguageTag wanted, URI base) {
        Document newsletter = em.find(Document.class, newsletterId);
        if (newsletter == null) {
            throw new IllegalStateException("Newsletter " + newsletterId + " no longer exists.");
        }
        return render(newsletter, language, wanted, base);
    }

    /**
     * @param wanted the language the reader asked for; when {@code language} differs, the mail says so in {@code language}
     */
    public Variant render(Document newsletter, LanguageTag language, LanguageTag wanted, URI base) {
        FallbackChain chain = new FallbackChain(language.equals(newsletter.sourceLanguage())
                ? List.of(language) : List.of(language, newsletter.sourceLanguage()));
        Map<SegmentKey, Segment> texts = segments.findAll(newsletter.keys());
        Map<Long, Map<LanguageTag, Translation>> translations = segments.translations(texts.values(), List.of(language));
        LocalizedText title = localize(texts.get(newsletter.titleKey()), translations, chain);
        LocalizedText summary = localize(texts.get(newsletter.summaryKey()), translations, chain);
        LocalizedText body = localize(texts.get(newsletter.bodyKey()), translations, chain);
        LanguageTag served = body.language();
        String direction = languages.direction(served);

        StringBuilder html = new StringBuilder(4096);
        StringBuilder text = new StringBuilder(2048);
        html.append("<!DOCTYPE html><html lang=\"").append(esc(served.value())).append("\" dir=\"").append(direction).append("\">")
                .append("<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(title.text())).append("</title></head>")
                .append("<body style=\"margin:0;padding:0;background:#f4f4f4\">")
                .append("<div style=\"max-width:640px;margin:0 auto;padding:24px;background:#ffffff;color:#1b1b1b;")
                .append("font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',Arial,sans-serif;font-size:16px\" dir=\"")
                .append(direction).append("\" lang=\"").append(esc(served.value())).append("\">");
        if (wanted != null && !languages.chain(wanted).first().equals(served) && languages.offers(served)) {
            String notice = ui.text("mail.fallback", served, "language", languageName(wanted, served), "fallbackLanguage", languageName(served, served));
            html.append("<p style=\"margin:0 0 1em 0;padding:8px;background:#fff4d6;font-size:14px\">").append(esc(notice)).append("</p>");
            text.append(notice).append("\n\n");
        }
        html.append("<h1 style=\"font-size:1.6em;margin:0 0 0.5em 0;line-height:1.25\">").append(esc(title.text())).append("</h1>");
        text.append(title.text()).append("\n").append("=".repeat(Math.min(60, Math.max(3, title.text().length())))).append("\n\n");
        if (!summary.text().isBlank()) {
            html.append("<p style=\"margin:0 0 1em 0;font-size:1.1em;color:#444444\">").append(esc(summary.text())).append("</p>");
            text.append(summary.text()).append("\n\n");
        }
        html.append(markdown.mailHtml(body.text()));
        text.append(markdown.plainText(body.text()).strip()).append("\n");

        List<Long> included = items.of(newsletter.id());
        if (!included.isEmpty()) {
            String heading = ui.text("mail.in-this-issue", served);
            html.append("<h2 style=\"font-size:1.25em;margin:1.2em 0 0.5em 0\">").append(esc(heading)).append("</h2><ul style=\"margin:0 0 1em 0;padding:0 1.5em\">");
            text.append("\n").append(heading).append("\n\n");
            for (Long id : included) {
                Optional<DocumentView> update = documents.one(id, negotiator.negotiated(served));
                if (update.isEmpty()) {
                    continue;
                }
                DocumentView view = update.get();
                String url = base.resolve(view.language() + "/updates/" + view.id()).toString();
                html.append("<li style=\"margin:0 0 0.6em 0\" lang=\"").append(esc(view.language())).append("\" dir=\"").append(view.direction())
                        .append("\"><a style=\"color:#b3001b\" href=\"").append(esc(url)).append("\">").append(esc(view.title())).append("</a>");
                if (view.summary() != null && !view.summary().isBlank()) {
                    html.append("<br>").append(esc(view.summary()));
                }
                html.append("</li>");
                text.append("* ").append(view.title()).append("\n  ").append(url).append("\n");
            }
            html.append("</ul>");
        }
        html.append("<hr style=\"border:0;border-top:1px solid #dddddd;margin:24px 0 12px 0\"><div style=\"font-size:13px;color:#555555\">");
        String after = "</div></div></body></html>";
        return new Variant(served, direction, title.text(), html.toString(), after, text.toString().strip());
    }

    /** The footer of one message: why they get it, and their own links. */
    public Footer footer(LanguageTag language, String email, URI preferences, URI unsubscribe) {
        String reason = ui.text("mail.footer.reason", language, "email", email);
        String change = ui.text("mail.footer.preferences", language);
        String leave = ui.text("mail.footer.unsubscribe", language);
        String html = "<p style=\"margin:0 0 0.5em 0\">" + esc(reason) + "</p><p style=\"margin:0\"><a style=\"color:#555555\" href=\""
                + esc(preferences.toString()) + "\">" + esc(change) + "</a> · <a style=\"color:#555555\" href=\""
                + esc(unsubscribe.toString()) + "\">" + esc(leave) + "</a></p>";
        String text = reason + "\n" + change + ": " + preferences + "\n" + leave + ": " + unsubscribe;
        return new Footer(html, text);
    }

    public record Footer(String html, String text) {
    }

    private String languageName(LanguageTag tag, LanguageTag in) {
        return tag.locale().getDisplayName(in.locale());
    }

    private LocalizedText localize(Segment segment, Map<Long, Map<LanguageTag, Translation>> translations, FallbackChain chain) {
        return localizer.localize(segment, translations.getOrDefault(segment.id(), Map.of()), chain);
    }

    private static String esc(String text) {
        return HtmlPage.escape(text);
    }
}
