package org.internationale.publishing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.publishing.entity.Document;
import org.internationale.publishing.entity.DocumentType;
import org.internationale.text.control.SegmentStore;
import org.internationale.text.control.SourceEditor;
import org.internationale.text.entity.ChangeKind;
import org.internationale.text.entity.Segment;
import org.internationale.text.entity.StaleRevisionException;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Writes documents: creating one makes its three segments; editing revises the segments whose text changed. */
@ApplicationScoped
public class DocumentEditor {

    @PersistenceContext(unitName = "internationale")
    EntityManager em;

    @Inject
    SegmentStore segments;

    @Inject
    SourceEditor sources;

    @Inject
    Clock clock;

    public record Texts(String title, String summary, String body) {
    }

    @Transactional
    public Document create(DocumentType type, LanguageTag language, String slug, Texts texts, Set<String> demands, String author) {
        Document document = new Document(type, language, slug, demands, author, clock.instant());
        em.persist(document);
        em.flush();
        write(document.titleKey(), language, texts.title(), author);
        write(document.summaryKey(), language, texts.summary() == null ? "" : texts.summary(), author);
        write(document.bodyKey(), language, texts.body(), author);
        return document;
    }

    private void write(org.internationale.text.entity.SegmentKey key, LanguageTag language, String text, String author) {
        Segment segment = segments.create(key, language);
        segment.revise(text, ChangeKind.MEANING, author, "Created", clock.instant());
    }

    /**
     * Revises the texts that changed, with one change kind; {@code baseRevision} is the document revision the
     * writer edited, and a later edit by someone else is a conflict (409), never overwritten.
     */
    @Transactional
    public Document update(long id, int baseRevision, Texts texts, Set<String> demands, ChangeKind kind, String message, String author) {
        Document document = em.find(Document.class, id);
        if (document.revision() != baseRevision) {
            Segment body = segments.find(document.bodyKey()).orElseThrow();
            throw new StaleRevisionException("Document " + id, baseRevision, document.revision(), body.latest().text(), texts.body());
        }
        boolean changed = false;
        changed |= revise(document.titleKey(), texts.title(), kind, message, author);
        changed |= revise(document.summaryKey(), texts.summary(), kind, message, author);
        changed |= revise(document.bodyKey(), texts.body(), kind, message, author);
        if (changed || demands != null && !demands.equals(document.demands())) {
            document.edited(demands);
        }
        return document;
    }

    private boolean revise(org.internationale.text.entity.SegmentKey key, String text, ChangeKind kind, String message, String author) {
        if (text == null) {
            return false;
        }
        Segment segment = segments.find(key).orElseThrow();
        return sources.revise(segment, text, segment.latest().number(), kind, author, message).isPresent();
    }

    public Optional<Document> find(long id) {
        return Optional.ofNullable(em.find(Document.class, id));
    }

    public List<Document> all() {
        return em.createQuery("select d from Document d order by d.createdAt desc", Document.class).getResultList();
    }

    public boolean slugTaken(String slug) {
        return !em.createQuery("select d.id from Document d where d.slug = :slug", Long.class)
                .setParameter("slug", slug).getResultList().isEmpty();
    }
}
