package org.internationale.publishing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.publishing.entity.Document;
import org.internationale.publishing.entity.DocumentPublished;
import org.internationale.publishing.entity.DocumentState;
import org.internationale.publishing.entity.DocumentUnpublished;
import org.internationale.system.entity.ContentChanged;
import org.internationale.text.control.SegmentStore;
import org.internationale.text.entity.Segment;
import org.internationale.text.entity.Translation;
import org.internationale.translation.entity.TranslationApproved;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * Decides when a document reaches readers and in which languages: its source language when it is published, every
 * other language when all its texts have an approved translation — or, for a coordinated release, the chosen
 * languages together once every one of them is ready. Runs on publishing, on every approval, and on schedule.
 */
@ApplicationScoped
public class Publisher {

    private static final Logger LOG = Logger.getLogger(Publisher.class.getName());

    @PersistenceContext(unitName = "internationale")
    EntityManager em;

    @Inject
    Event<ContentChanged> contentChanged;

    @Inject
    SegmentStore segments;

    @Inject
    Clock clock;

    @Inject
    Event<DocumentPublished> published;

    @Inject
    Event<DocumentUnpublished> unpublished;

    /** An editor's publication: returns once what went live is searchable. */
    @Transactional
    public Document publish(long id, Set<String> coordinatedLanguages, Instant at) {
        return publish(id, coordinatedLanguages, at, true);
    }

    /**
     * Publishes now for a campaign that sends the document: nobody waits for the search index, which catches up within
     * moments while the campaign's first messages go out.
     */
    @Transactional
    public Document publishForCampaign(long id) {
        return publish(id, Set.of(), null, false);
    }

    private Document publish(long id, Set<String> coordinatedLanguages, Instant at, boolean publisherWaits) {
        Document document = em.find(Document.class, id);
        document.publish(at, clock.instant(), coordinatedLanguages);
        if (document.isLive()) {
            announce(document, release(document), true, publisherWaits);
        }
        return document;
    }

    @Transactional
    public Document toReview(long id) {
        Document document = em.find(Document.class, id);
        document.toReview();
        return document;
    }

    @Transactional
    public Document unpublish(long id) {
        Document document = em.find(Document.class, id);
        boolean wasLive = document.isLive();
        document.unpublish();
        if (wasLive) {
            unpublished.fire(new DocumentUnpublished(document.id(), document.type()));
            contentChanged.fire(new ContentChanged("document " + document.id()));
        }
        return document;
    }

    /** Publishes what was scheduled for now or earlier. */
    @Transactional
    public int publishDue() {
        Instant now = clock.instant();
        List<Document> due = em.createQuery("select d from Document d where d.state = :scheduled and d.publishAt <= :now", Document.class)
                .setParameter("scheduled", DocumentState.SCHEDULED)
                .setParameter("now", now.atOffset(java.time.ZoneOffset.UTC))
                .getResultList();
        for (Document document : due) {
            document.goLive(now);
            announce(document, release(document), true, false);
            LOG.info(() -> "Published scheduled document " + document.id());
        }
        return due.size();
    }

    @Transactional
    void onApproval(@Observes TranslationApproved approval) {
        String key = approval.key().value();
        if (!key.startsWith("doc:")) {
            return;
        }
        long id;
        try {
            id = Long.parseLong(key.substring(4, key.indexOf('.')));
        } catch (RuntimeException notADocument) {
            return;
        }
        Document document = em.find(Document.class, id);
        if (document != null && document.isLive()) {
            announce(document, release(document), false, true);
        }
    }

    private void announce(Document document, Set<String> released, boolean first, boolean publisherWaits) {
        Set<String> languages = new TreeSet<>(released);
        if (first) {
            languages.add(document.sourceLanguage().value());
        }
        if (!languages.isEmpty()) {
            published.fire(new DocumentPublished(document.id(), document.type(), languages, publisherWaits));
            contentChanged.fire(new ContentChanged("document " + document.id()));
        }
    }

    /** Releases the languages that are ready; returns those released now. */
    private Set<String> release(Document document) {
        Set<String> ready = readyLanguages(document);
        Set<String> releasable = new HashSet<>();
        if (document.coordinated()) {
            if (ready.containsAll(document.releaseLanguages())) {
                releasable.addAll(ready);
            } else {
                ready.stream().filter(l -> !document.releaseLanguages().contains(l)).forEach(releasable::add);
            }
        } else {
            releasable.addAll(ready);
        }
        return document.release(releasable, clock.instant());
    }

    /** The languages a document can be read in as approved: its source and every language ready for release. */
    public Set<LanguageTag> approvedLanguages(long id) {
        Document document = em.find(Document.class, id);
        Set<LanguageTag> approved = new java.util.LinkedHashSet<>();
        approved.add(document.sourceLanguage());
        readyLanguages(document).stream().map(LanguageTag::new).forEach(approved::add);
        return approved;
    }

    /** Languages in which every non-empty text of the document has an approved translation. */
    Set<String> readyLanguages(Document document) {
        List<Segment> texts = document.keys().stream()
                .map(key -> segments.find(key).orElse(null))
                .filter(s -> s != null && !s.latest().text().isBlank())
                .toList();
        Set<String> candidates = new TreeSet<>();
        Map<Long, Map<LanguageTag, Translation>> byLanguage = allTranslations(texts);
        byLanguage.values().forEach(m -> m.keySet().forEach(l -> candidates.add(l.value())));
        Set<String> ready = new TreeSet<>();
        for (String language : candidates) {
            LanguageTag tag = new LanguageTag(language);
            boolean all = texts.stream().allMatch(segment -> {
                Translation t = byLanguage.getOrDefault(segment.id(), Map.of()).get(tag);
                return t != null && t.approved().isPresent();
            });
            if (all) {
                ready.add(language);
            }
        }
        return ready;
    }

    private Map<Long, Map<LanguageTag, Translation>> allTranslations(List<Segment> texts) {
        Map<Long, Map<LanguageTag, Translation>> result = new java.util.HashMap<>();
        for (Segment segment : texts) {
            List<Translation> translations = em.createQuery("select t from Translation t where t.segment.id = :id", Translation.class)
                    .setParameter("id", segment.id()).getResultList();
            Map<LanguageTag, Translation> map = new java.util.HashMap<>();
            translations.forEach(t -> map.put(t.language(), t));
            result.put(segment.id(), map);
        }
        return result;
    }

}
