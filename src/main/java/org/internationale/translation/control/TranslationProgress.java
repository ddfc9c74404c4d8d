package org.internationale.translation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.internationale.identity.entity.Caller;
import org.internationale.identity.entity.Role;
import org.internationale.locale.control.LanguageRegistry;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.text.control.SegmentStore;
import org.internationale.text.control.WordDiff;
import org.internationale.text.entity.Segment;
import org.internationale.text.entity.Translation;
import org.internationale.text.entity.TranslationState;
import org.internationale.translation.entity.Progress;
import org.internationale.translation.entity.Progress.Count;
import org.internationale.translation.entity.Progress.Item;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts a language's translation work, in a fixed number of queries. */
@ApplicationScoped
public class TranslationProgress {

    static final List<String> STATES = List.of("outdated", "missing", "draft", "submitted", "approved");

    @PersistenceContext(unitName = "internationale")
    EntityManager em;

    @Inject
    SegmentStore segments;

    @Inject
    LanguageRegistry languages;

    /** The segments a translator of {@code language} works on: live, with another source language. */
    public List<Segment> workingSet(LanguageTag language) {
        return em.createQuery("select distinct s from Segment s left join fetch s.revisions"
                        + " where s.retiredAt is null and s.sourceLanguage <> :language order by s.key", Segment.class)
                .setParameter("language", language.value()).getResultList();
    }

    /** The part of {@link #workingSet} that holds a translation in {@code language}, however far along. */
    public List<Segment> translatedSet(LanguageTag language) {
        return em.createQuery("select distinct s from Segment s left join fetch s.revisions"
                        + " where s.retiredAt is null and s.sourceLanguage <> :language"
                        + " and exists (select t from Translation t where t.segment = s and t.language = :language)"
                        + " order by s.key", Segment.class)
                .setParameter("language", language.value()).getResultList();
    }

    /** The state of one translation as the workflow sees it: outdated wins over any review state. */
    public static String state(Segment segment, Translation translation) {
        TranslationState state = segment.stateOf(translation);
        if (state == TranslationState.MISSING) {
            return "missing";
        }
        if (state == TranslationState.OUTDATED) {
            return "outdated";
        }
        return translation.reviewState().label();
    }

    @Transactional
    public Progress of(LanguageTag language) {
        List<Segment> all = workingSet(language);
        Map<Long, Map<LanguageTag, Translation>> translations = segments.translations(all, List.of(language));
        Map<String, Count> counts = new LinkedHashMap<>();
        STATES.forEach(s -> counts.put(s, new Count(0, 0)));
        Count total = new Count(0, 0);
        List<Item> work = new ArrayList<>();
        for (Segment segment : all) {
            Translation translation = translations.getOrDefault(segment.id(), Map.of()).get(language);
            String state = state(segment, translation);
            int words = WordDiff.words(segment.latest().text(), segment.sourceLanguage()).size();
            counts.merge(state, new Count(1, words), (a, b) -> new Count(a.segments() + 1, a.words() + words));
            total = total.plus(words);
            if (!state.equals("approved")) {
                boolean present = translation != null && !translation.revisions().isEmpty();
                work.add(new Item(segment.key().value(), state, present ? translation.reviewState().label() : null, words,
                        segment.latest().number(), present ? translation.latest().basedOnRevision() : null,
                        present ? translation.reviewComment().orElse(null) : null));
            }
        }
        work.sort(Comparator.comparingInt((Item item) -> STATES.indexOf(item.state())).thenComparing(Item::id));
        return new Progress(language.value(), total, counts, work);
    }

    /** Progress per language the caller is granted, in tag order: what the workspace's first page shows them. */
    public Map<String, Progress> ofCaller(Caller caller) {
        Map<String, Progress> progressByLanguage = new LinkedHashMap<>();
        if (caller.has(Role.TRANSLATOR) || caller.has(Role.REVIEWER)) {
            caller.languages().stream().sorted().map(LanguageTag::of).filter(languages::offers)
                    .filter(l -> !l.equals(languages.source()))
                    .forEach(l -> progressByLanguage.put(l.value(), of(l)));
        }
        return progressByLanguage;
    }

    /** Every language texts are translated into: the offered ones but the source. */
    public List<String> translatedLanguages() {
        return languages.languages().stream().map(l -> l.tag().value()).filter(t -> !t.equals(languages.source().value())).toList();
    }
}
