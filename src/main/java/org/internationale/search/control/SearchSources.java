package org.internationale.search.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.internationale.locale.control.LanguageNegotiator;
import org.internationale.locale.control.LanguageRegistry;
import org.internationale.locale.entity.Language;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.locale.entity.Negotiated;
import org.internationale.platform.control.PlatformReader;
import org.internationale.platform.entity.SectionView;
import org.internationale.platform.entity.ServedClause;
import org.internationale.publishing.control.DocumentEditor;
import org.internationale.publishing.control.DocumentReader;
import org.internationale.publishing.entity.Document;
import org.internationale.publishing.entity.DocumentView;
import org.internationale.search.entity.IndexedText;
import org.internationale.text.control.MarkdownRenderer;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What readers can find, read through the same readers that serve them, so the index holds exactly what a reader of
 * each language gets: a clause is indexed in a language only when that language's reader gets it in that language.
 * Bodies are indexed as the words a reader sees ({@link MarkdownRenderer#visibleText}), not their Markdown: snippets
 * then show no markup, the highlighter's offsets fall on the words shown, and {@code **} or a link's address never
 * match a query.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class SearchSources {

    @Inject
    PlatformReader platform;

    @Inject
    DocumentReader documents;

    @Inject
    DocumentEditor editor;

    @Inject
    LanguageRegistry languages;

    @Inject
    LanguageNegotiator negotiator;

    @Inject
    MarkdownRenderer markdown;

    public static String clauseGroup(String clauseId) {
        return "clause:" + clauseId;
    }

    public static String documentGroup(long id) {
        return "doc:" + id;
    }

    /** Every clause in every language its readers get it in; {@code only} limits to one clause. */
    public List<IndexedText> clauses(Optional<String> only) {
        List<IndexedText> texts = new ArrayList<>();
        for (Language language : languages.languages()) {
            Negotiated negotiated = negotiator.negotiated(language.tag());
            collect(platform.platform(negotiated).sections(), language.tag(), null, only, texts, markdown);
        }
        return texts;
    }

    private static void collect(List<SectionView> sections, LanguageTag language, String parentTitle, Optional<String> only,
                                List<IndexedText> into, MarkdownRenderer markdown) {
        for (SectionView section : sections) {
            String title = section.title().text();
            for (ServedClause clause : section.clauses()) {
                if (!clause.language().equals(language.value()) || only.isPresent() && !only.get().equals(clause.id())) {
                    continue;
                }
                into.add(new IndexedText("clause:" + clause.id() + ":" + language, clauseGroup(clause.id()), "platform",
                        language.value(), parentTitle == null ? title : parentTitle + " — " + title, markdown.visibleText(clause.text()),
                        "/" + language + "/platform#" + clause.id(), null,
                        clause.id().startsWith("demands.") ? List.of(clause.id()) : List.of()));
            }
            collect(section.sections(), language, title, only, into, markdown);
        }
    }

    /** A published document in every language it is out in; empty when it is not published. */
    public List<IndexedText> document(long id) {
        Optional<Document> found = editor.find(id).filter(Document::isLive);
        if (found.isEmpty()) {
            return List.of();
        }
        List<IndexedText> texts = new ArrayList<>();
        for (String language : found.get().liveLanguages().keySet()) {
            LanguageTag tag = LanguageTag.of(language);
            documents.one(id, negotiator.negotiated(tag)).filter(view -> view.language().equals(language))
                    .ifPresent(view -> texts.add(text(view)));
        }
        return texts;
    }

    public List<Long> publishedDocuments() {
        return editor.all().stream().filter(Document::isLive).map(Document::id).toList();
    }

    private IndexedText text(DocumentView view) {
        String path = switch (view.type()) {
            case "page" -> "pages/" + (view.slug() == null ? view.id() : view.slug());
            case "statement" -> "statements/" + view.id();
            case "newsletter" -> "newsletters/" + view.id();
            default -> "updates/" + view.id();
        };
        String shown = markdown.visibleText(view.body());
        String body = view.summary() == null || view.summary().isBlank() ? shown : view.summary() + "\n" + shown;
        return new IndexedText("doc:" + view.id() + ":" + view.language(), documentGroup(view.id()), view.type(), view.language(),
                view.title(), body, "/" + view.language() + "/" + path,
                view.publishedAt() == null ? null : view.publishedAt().atZone(ZoneOffset.UTC).getYear(), view.demands());
    }
}
