package org.internationale.newsletter.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.internationale.locale.control.LanguageNegotiator;
import org.internationale.locale.control.LanguageRegistry;
import org.internationale.locale.entity.FallbackChain;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.newsletter.entity.Variant;
import org.internationale.publishing.control.DocumentReader;
import org.internationale.publishing.entity.Document;
import org.internationale.publishing.entity.DocumentView;
import org.internationale.site.control.Templates;
import org.internationale.site.control.UiStrings;
import org.internationale.text.control.MarkdownRenderer;
import org.internationale.text.control.SegmentStore;
import org.internationale.text.control.TextLocalizer;
import org.internationale.text.entity.LocalizedText;
import org.internationale.text.entity.Segment;
import org.internationale.text.entity.SegmentKey;
import org.internationale.text.entity.Translation;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a newsletter in one language as mail: a {@code multipart/alternative} pair of HTML with inline styles
 * (the jte template {@code newsletter/boundary/mail.jte}, escaped by jte) and plain text, {@code lang} and {@code dir}
 * set on the HTML, the included updates listed with links to them in the same language. Texts come through the one localisation rule (approved translation, else the source), so a preview
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

    @Inject
    Templates templates;

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

        StringBuilder text = new StringBuilder(2048);
        String notice = null;
        if (wanted != null && !languages.chain(wanted).first().equals(served) && languages.offers(served)) {
            notice = ui.text("mail.fallback", served, "language", languageName(wanted, served), "fallbackLanguage", languageName(served, served));
            text.append(notice).append("\n\n");
        }
        text.append(title.text()).append("\n").append("=".repeat(Math.min(60, Math.max(3, title.text().length())))).append("\n\n");
        if (!summary.text().isBlank()) {
            text.append(summary.text()).append("\n\n");
        }
        text.append(markdown.plainText(body.text()).strip()).append("\n");

        List<Variant.Item> updates = new ArrayList<>();
        String heading = ui.text("mail.in-this-issue", served);
        for (Long id : items.of(newsletter.id())) {
            Optional<DocumentView> update = documents.one(id, negotiator.negotiated(served));
            if (update.isPresent()) {
                DocumentView view = update.get();
                String url = base.resolve(view.language() + "/updates/" + view.id()).toString();
                updates.add(new Variant.Item(view.language(), view.direction(), view.title(), view.summary(), url));
            }
        }
        if (!updates.isEmpty()) {
            text.append("\n").append(heading).append("\n\n");
            updates.forEach(u -> text.append("* ").append(u.title()).append("\n  ").append(u.url()).append("\n"));
        }
        return new Variant(served, direction, title.text(), notice, summary.text(), markdown.mailHtml(body.text()), heading, updates,
                text.toString().strip());
    }

    /** The whole HTML of one message: the variant around this subscriber's footer ({@code newsletter/boundary/mail.jte}). */
    public String html(Variant variant, Footer footer) {
        return templates.render("newsletter/boundary/mail.jte", Map.of("variant", variant, "footer", footer));
    }

    /** The footer of one message: why they get it, and their own links. */
    public Footer footer(LanguageTag language, String email, URI preferences, URI unsubscribe) {
        return new Footer(ui.text("mail.footer.reason", language, "email", email), ui.text("mail.footer.preferences", language),
                preferences.toString(), ui.text("mail.footer.unsubscribe", language), unsubscribe.toString());
    }

    public record Footer(String reason, String change, String preferences, String leave, String unsubscribe) {

        public String text() {
            return reason + "\n" + change + ": " + preferences + "\n" + leave + ": " + unsubscribe;
        }
    }

    private String languageName(LanguageTag tag, LanguageTag in) {
        return tag.locale().getDisplayName(in.locale());
    }

    private LocalizedText localize(Segment segment, Map<Long, Map<LanguageTag, Translation>> translations, FallbackChain chain) {
        return localizer.localize(segment, translations.getOrDefault(segment.id(), Map.of()), chain);
    }
}
