package org.internationale.publishing.control;

import com.ibm.icu.text.Collator;
import com.ibm.icu.text.DateFormat;
import com.ibm.icu.util.TimeZone;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.internationale.locale.control.LanguageRegistry;
import org.internationale.locale.control.ScriptConversion;
import org.internationale.locale.entity.FallbackChain;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.locale.entity.Negotiated;
import org.internationale.publishing.entity.Document;
import org.internationale.publishing.entity.DocumentState;
import org.internationale.publishing.entity.DocumentType;
import org.internationale.publishing.entity.DocumentView;
import org.internationale.text.control.MarkdownRenderer;
import org.internationale.text.control.SegmentStore;
import org.internationale.text.control.TextLocalizer;
import org.internationale.text.entity.LocalizedText;
import org.internationale.text.entity.Segment;
import org.internationale.text.entity.SegmentKey;
import org.internationale.text.entity.Translation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Published documents for readers. A document is served in the first language of the reader's chain that it is out
 * in, else in its source language (flagged as a fallback); dates are written the way the served language writes them
 * and lists sorted by title follow that language's collation.
 */
@ApplicationScoped
@Transactional
public class DocumentReader {

    public static final int PAGE_SIZE = 20;

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

    public record Page(int page, int size, long total, List<DocumentView> items) {
    }

    /**
     * One page of published documents. Newest first, the page is cut in the database and only its documents are
     * rendered; sorted by title, every match must be rendered to be collated in the reader's language.
     */
    public Page list(DocumentType type, String demand, Negotiated negotiated, int page, boolean byTitle) {
        StringBuilder where = new StringBuilder(" from Document d where d.state = :published");
        if (type != null) {
            where.append(" and d.type = :type");
        }
        if (demand != null) {
            where.append(" and :demand member of d.demands");
        }
        var query = em.createQuery("select d" + where + " order by d.publishedAt desc, d.id desc", Document.class);
        var count = em.createQuery("select count(d)" + where, Long.class);
        for (var q : List.of(query, count)) {
            q.setParameter("published", DocumentState.PUBLISHED);
            if (type != null) {
                q.setParameter("type", type);
            }
            if (demand != null) {
                q.setParameter("demand", demand);
            }
        }
        long total = count.getSingleResult();
        int from = (page - 1) * PAGE_SIZE;
        if (!byTitle) {
            return new Page(page, PAGE_SIZE, total, views(query.setFirstResult(from).setMaxResults(PAGE_SIZE).getResultList(), negotiated, false));
        }
        List<DocumentView> views = new ArrayList<>(views(query.getResultList(), negotiated, false));
        Collator collator = Collator.getInstance(negotiated.tag().locale());
        views.sort(Comparator.comparing(DocumentView::title, collator::compare));
        int start = Math.min(views.size(), from);
        return new Page(page, PAGE_SIZE, total, views.subList(start, Math.min(views.size(), start + PAGE_SIZE)));
    }

    /** The newest published documents of a type, bodies rendered: what a feed carries. */
    public List<DocumentView> latest(DocumentType type, Negotiated negotiated, int count) {
        return views(newestDocuments(type, count), negotiated, true);
    }

    /** The newest published documents of a type, titles and summaries only, without counting them all: a home page's list. */
    public List<DocumentView> newest(DocumentType type, Negotiated negotiated, int count) {
        return views(newestDocuments(type, count), negotiated, false);
    }

    private List<Document> newestDocuments(DocumentType type, int count) {
        return em.createQuery("select d from Document d where d.state = :published and d.type = :type"
                        + " order by d.publishedAt desc, d.id desc", Document.class)
                .setParameter("published", DocumentState.PUBLISHED)
                .setParameter("type", type)
                .setMaxResults(count)
                .getResultList();
    }

    public Optional<DocumentView> one(long id, Negotiated negotiated) {
        return Optional.ofNullable(em.find(Document.class, id)).filter(Document::isLive).map(d -> views(List.of(d), negotiated, true).get(0));
    }

    /** A published page by its slug (a page without one by its id), in the reader's language. */
    public Optional<DocumentView> page(String slugOrId, Negotiated negotiated) {
        Optional<Document> page = em.createQuery("select d from Document d where d.type = :page and d.slug = :slug", Document.class)
                .setParameter("page", DocumentType.PAGE).setParameter("slug", slugOrId).getResultStream().findFirst();
        if (page.isEmpty() && slugOrId.matches("[0-9]{1,18}")) {
            page = Optional.ofNullable(em.find(Document.class, Long.parseLong(slugOrId))).filter(d -> d.type() == DocumentType.PAGE);
        }
        return page.filter(Document::isLive).map(d -> views(List.of(d), negotiated, true).get(0));
    }

    /** The language a reader with this chain gets the document in. */
    public static LanguageTag servedLanguage(Document document, FallbackChain chain) {
        return chain.languages().stream().filter(document::isLive).findFirst().orElse(document.sourceLanguage());
    }

    /**
     * Documents as a reader gets them. The texts of all of them, and their translations into the languages they are
     * served in, are read in two queries: a query per document made a list page cost 40 queries, each of which
     * first had the persistence context compare every entity loaded so far for changes (the home page's profile at
     * 100 000 published texts). A list without bodies does not load the bodies' texts.
     */
    private List<DocumentView> views(List<Document> documents, Negotiated negotiated, boolean withBody) {
        Map<Long, LanguageTag> served = new HashMap<>();
        Set<SegmentKey> keys = new HashSet<>();
        for (Document document : documents) {
            served.put(document.id(), servedLanguage(document, negotiated.chain()));
            keys.add(document.titleKey());
            keys.add(document.summaryKey());
            if (withBody) {
                keys.add(document.bodyKey());
            }
        }
        Map<SegmentKey, Segment> texts = segments.findAll(keys);
        Map<Long, Map<LanguageTag, Translation>> translations = segments.translations(texts.values(), Set.copyOf(served.values()));
        return documents.stream().map(document -> view(document, served.get(document.id()), negotiated, withBody, texts, translations)).toList();
    }

    private DocumentView view(Document document, LanguageTag served, Negotiated negotiated, boolean withBody,
                              Map<SegmentKey, Segment> texts, Map<Long, Map<LanguageTag, Translation>> translations) {
        FallbackChain chain = new FallbackChain(served.equals(document.sourceLanguage())
                ? List.of(served) : List.of(served, document.sourceLanguage()));
        LocalizedText title = localize(texts.get(document.titleKey()), translations, chain);
        LocalizedText summary = localize(texts.get(document.summaryKey()), translations, chain);
        LocalizedText body = withBody ? localize(texts.get(document.bodyKey()), translations, chain) : null;
        // out only in the other script of the reader's language: converted, whole, and labelled so
        Optional<ScriptConversion> conversion = negotiated.tag() == null ? Optional.empty() : ScriptConversion.between(served, negotiated.tag());
        if (conversion.isPresent()) {
            ScriptConversion convert = conversion.get();
            title = title.convertedTo(convert.to(), convert.convert(title.text()));
            summary = summary.convertedTo(convert.to(), convert.convert(summary.text()));
            body = body == null ? null : body.convertedTo(convert.to(), convert.convert(body.text()));
        }
        LanguageTag shown = conversion.map(ScriptConversion::to).orElse(served);
        boolean fallback = !shown.equals(negotiated.tag());
        String date = document.publishedAt().map(at -> {
            DateFormat format = DateFormat.getDateInstance(DateFormat.LONG, shown.locale());
            format.setTimeZone(TimeZone.GMT_ZONE);
            return format.format(Date.from(at));
        }).orElse(null);
        String direction = languages.direction(shown);
        return new DocumentView(document.id(), document.type().label(), document.slug().orElse(null),
                negotiated.requested() == null ? null : negotiated.requested().value(), shown.value(), direction, fallback,
                title.outdated() || summary.outdated() || body != null && body.outdated(),
                title.reviewed() && summary.reviewed() && (body == null || body.reviewed()),
                title.translatedFrom() == null ? null : title.translatedFrom().value(), title.text(), summary.text(),
                body == null ? null : body.text(), body == null ? null : markdown.html(body.text(), direction),
                document.publishedAt().orElse(null), date, document.demands().stream().sorted().toList(),
                List.copyOf(document.liveLanguages().keySet()), conversion.map(c -> c.from().value()).orElse(null));
    }

    private LocalizedText localize(Segment segment, Map<Long, Map<LanguageTag, Translation>> translations, FallbackChain chain) {
        return localizer.localize(segment, translations.getOrDefault(segment.id(), Map.of()), chain);
    }
}
