package org.internationale.text.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.text.entity.Segment;
import org.internationale.text.entity.SegmentKey;
import org.internationale.text.entity.Translation;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads and stores segments and translations. Reads fetch whole histories in a fixed number of queries,
 * whatever the number of segments, so rendering the platform never turns into one query per clause.
 */
@ApplicationScoped
public class SegmentStore {

    /** Keeps IN lists well below what any database or driver accepts. */
    private static final int IN_LIST_LIMIT = 1000;

    @PersistenceContext(unitName = "internationale")
    EntityManager em;

    protected SegmentStore() {
        // CDI
    }

    /** For use outside the container, e.g. persistence tests with a resource-local entity manager. */
    public SegmentStore(EntityManager em) {
        this.em = em;
    }

    public Optional<Segment> find(SegmentKey key) {
        return em.createQuery("select distinct s from Segment s left join fetch s.revisions where s.key = :key", Segment.class)
                .setParameter("key", key.value())
                .getResultStream().findFirst();
    }

    /** The segments with these keys, with their revisions, in one query: key → segment. */
    public Map<SegmentKey, Segment> findAll(Collection<SegmentKey> keys) {
        Map<SegmentKey, Segment> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        List<String> values = keys.stream().map(SegmentKey::value).distinct().toList();
        for (int from = 0; from < values.size(); from += IN_LIST_LIMIT) {
            em.createQuery("select distinct s from Segment s left join fetch s.revisions where s.key in :keys", Segment.class)
                    .setParameter("keys", values.subList(from, Math.min(values.size(), from + IN_LIST_LIMIT)))
                    .getResultList()
                    .forEach(segment -> found.put(segment.key(), segment));
        }
        return found;
    }

    public Segment create(SegmentKey key, LanguageTag sourceLanguage) {
        Segment segment = new Segment(key, sourceLanguage);
        em.persist(segment);
        return segment;
    }

    /** The translations of the given segments into the given languages, with their revisions: segment id → language → translation. */
    /** Segment ids per query: well below the 65 535 parameters PostgreSQL takes, with the languages beside them. */
    static final int IDS_PER_QUERY = 10_000;

    public Map<Long, Map<LanguageTag, Translation>> translations(Collection<Segment> segments, Collection<LanguageTag> languages) {
        Map<Long, Map<LanguageTag, Translation>> bySegment = new HashMap<>();
        if (segments.isEmpty() || languages.isEmpty()) {
            return bySegment;
        }
        List<String> tags = languages.stream().map(LanguageTag::value).toList();
        List<Long> ids = ids(segments);
        // PostgreSQL's protocol takes at most 65 535 parameters a statement: a site of 100 000 texts asks in parts
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<Translation> found = em.createQuery("select distinct t from Translation t left join fetch t.revisions"
                            + " where t.segment.id in :ids and t.language in :languages", Translation.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)))
                    .setParameter("languages", tags)
                    .getResultList();
            for (Translation translation : found) {
                bySegment.computeIfAbsent(translation.segment().id(), id -> new HashMap<>()).put(translation.language(), translation);
            }
        }
        return bySegment;
    }

    private static List<Long> ids(Collection<Segment> segments) {
        return segments.stream().map(Segment::id).distinct().toList();
    }

    public Optional<Translation> translation(Segment segment, LanguageTag language) {
        return em.createQuery("select distinct t from Translation t left join fetch t.revisions"
                        + " where t.segment = :segment and t.language = :language", Translation.class)
                .setParameter("segment", segment)
                .setParameter("language", language.value())
                .getResultStream().findFirst();
    }

    public Translation createTranslation(Segment segment, LanguageTag language) {
        Translation translation = new Translation(segment, language);
        em.persist(translation);
        return translation;
    }
}
