package org.internationale.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.internationale.locale.control.LanguageRegistry;
import org.internationale.locale.entity.FallbackChain;
import org.internationale.locale.entity.Language;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.locale.entity.Negotiated;
import org.internationale.platform.entity.ClauseDetail;
import org.internationale.platform.entity.PlatformClause;
import org.internationale.platform.entity.PlatformSection;
import org.internationale.platform.entity.PlatformText;
import org.internationale.platform.entity.PlatformView;
import org.internationale.platform.entity.SectionView;
import org.internationale.platform.entity.PlatformCoverageShare;
import org.internationale.platform.entity.ServedClause;
import org.internationale.text.control.MarkdownRenderer;
import org.internationale.text.control.SegmentStore;
import org.internationale.text.control.TextLocalizer;
import org.internationale.text.entity.LocalizedText;
import org.internationale.text.entity.Segment;
import org.internationale.text.entity.Translation;
import org.internationale.text.entity.TranslationState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Assembles the platform for a reader in a fixed number of queries: sections, clauses, source histories and the
 * translations of the chain's languages, then {@link TextLocalizer} picks each clause's text.
 */
@ApplicationScoped
@Transactional
public class PlatformReader {

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

    /**
     * The platform's segments with their revisions. Loaded before sections and clauses so that the segments those
     * refer to are these complete instances, not ones whose revisions would load one by one. Found by id from the
     * clauses and sections: asked from the segments' side ({@code … where exists clause or exists section}) the
     * database tested every segment of every document: the platform page took 57 ms at 100 000 published texts
     * (bench/search's corpus), 26–37 ms found by id — both measured before that corpus had statistics; with them, the
     * page takes about 6 ms found by id. (This was tried once before and served stale revisions on
     * PostgreSQL: fetched by id, the revisions came in the plan's row order, and the entities took the last one for
     * the latest. They now order their history themselves.)
     */
    private List<Segment> platformSegments() {
        List<Long> ids = new ArrayList<>(em.createQuery("select c.segment.id from PlatformClause c where c.retiredAt is null", Long.class)
                .getResultList());
        ids.addAll(em.createQuery("select p.title.id from PlatformSection p where p.retiredAt is null", Long.class).getResultList());
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select distinct s from Segment s left join fetch s.revisions where s.id in :ids", Segment.class)
                .setParameter("ids", ids).getResultList();
    }

    public PlatformView platform(Negotiated negotiated) {
        platformSegments();
        List<PlatformSection> sections = em.createQuery(
                "select s from PlatformSection s where s.retiredAt is null order by s.position", PlatformSection.class).getResultList();
        List<PlatformClause> clauses = em.createQuery(
                "select c from PlatformClause c where c.retiredAt is null order by c.position", PlatformClause.class).getResultList();
        List<Segment> all = new ArrayList<>();
        sections.forEach(s -> all.add(s.title()));
        clauses.forEach(c -> all.add(c.segment()));
        Map<Long, Map<LanguageTag, Translation>> translations = segments.translations(all, negotiated.chain().languages());

        Map<String, List<ServedClause>> clausesBySection = new HashMap<>();
        for (PlatformClause clause : clauses) {
            clausesBySection.computeIfAbsent(clause.section().id(), id -> new ArrayList<>())
                    .add(serve(PlatformText.of(clause), translations, negotiated.chain()));
        }
        Map<String, List<PlatformSection>> children = new LinkedHashMap<>();
        for (PlatformSection section : sections) {
            children.computeIfAbsent(section.parentId(), id -> new ArrayList<>()).add(section);
        }
        List<SectionView> roots = tree(null, children, clausesBySection, translations, negotiated.chain());
        Language language = negotiated.language();
        return new PlatformView(negotiated.requested() == null ? null : negotiated.requested().value(),
                language.tag().value(), language.direction().attribute(), languages.source().value(), roots);
    }

    private List<SectionView> tree(String parent, Map<String, List<PlatformSection>> children,
                                   Map<String, List<ServedClause>> clauses, Map<Long, Map<LanguageTag, Translation>> translations,
                                   FallbackChain chain) {
        List<SectionView> views = new ArrayList<>();
        for (PlatformSection section : children.getOrDefault(parent, List.of())) {
            views.add(new SectionView(section.id(), section.numeral(),
                    serve(PlatformText.of(section), translations, chain),
                    clauses.getOrDefault(section.id(), List.of()),
                    tree(section.id(), children, clauses, translations, chain)));
        }
        return views;
    }

    private ServedClause serve(PlatformText part, Map<Long, Map<LanguageTag, Translation>> translations, FallbackChain chain) {
        Segment segment = part.segment();
        LocalizedText text = localizer.localize(segment, translations.getOrDefault(segment.id(), Map.of()), chain);
        String direction = languages.direction(text.language());
        return new ServedClause(part.id(), part.form().name().toLowerCase(Locale.ROOT), text.text(), markdown.html(text.text(), direction),
                text.language().value(), direction, text.fallback(), text.outdated(), text.reviewed(),
                text.translatedFrom() == null ? null : text.translatedFrom().value(),
                text.convertedFrom() == null ? null : text.convertedFrom().value());
    }

    public Optional<PlatformClause> clause(String id) {
        return Optional.ofNullable(em.find(PlatformClause.class, id)).filter(c -> !c.retired());
    }

    /**
     * Whether a live clause of the demand groups has this id ({@code demands.housing.1}): the one rule for what
     * updates may be about and what a status may be recorded for.
     */
    public boolean isDemand(String id) {
        return id != null && id.startsWith("demands.") && clause(id).isPresent();
    }

    /**
     * A live clause or section heading by its id ({@code <section>.title} for a heading): whatever the platform serves
     * as a text, an editor can revise and a reader can fetch with its history.
     */
    public Optional<PlatformText> text(String id) {
        Optional<PlatformText> clause = clause(id).map(PlatformText::of);
        if (clause.isPresent() || !id.endsWith(PlatformText.TITLE_SUFFIX)) {
            return clause;
        }
        String section = id.substring(0, id.length() - PlatformText.TITLE_SUFFIX.length());
        return Optional.ofNullable(em.find(PlatformSection.class, section)).filter(s -> !s.retired()).map(PlatformText::of);
    }

    public Optional<ClauseDetail> clause(String id, Negotiated negotiated) {
        return text(id).map(part -> {
            Segment segment = part.segment();
            Map<Long, Map<LanguageTag, Translation>> translations = segments.translations(List.of(segment), negotiated.chain().languages());
            ServedClause served = serve(part, translations, negotiated.chain());
            List<ClauseDetail.Revision> revisions = segment.revisions().stream()
                    .map(r -> new ClauseDetail.Revision(r.number(), r.createdAt(), r.changeKind().label(), r.author(), r.message()))
                    .toList();
            return new ClauseDetail(served.id(), part.section(), served.form(), served.text(), served.html(),
                    served.language(), served.direction(), served.fallback(), served.outdated(), served.reviewed(),
                    served.translatedFrom(), negotiated.requested() == null ? null : negotiated.requested().value(),
                    segment.sourceLanguage().value(), segment.latest().number(), revisions, served.convertedFrom());
        });
    }

    public Optional<ClauseDetail.RevisionText> revision(String id, int number) {
        return text(id).flatMap(part -> part.segment().revision(number)).map(r -> new ClauseDetail.RevisionText(
                id, r.number(), r.createdAt(), r.changeKind().label(), r.author(), r.message(), r.text(), markdown.html(r.text())));
    }

    /**
     * For each offered language, the fraction of the platform's segments (titles and clauses) that a reader gets
     * in that language, current and approved. The source language is complete by definition.
     */
    public Map<LanguageTag, PlatformCoverageShare> coverage() {
        List<Segment> all = platformSegments();
        List<LanguageTag> offered = languages.languages().stream().map(Language::tag).toList();
        Map<Long, Map<LanguageTag, Translation>> translations = segments.translations(all, offered);
        Map<LanguageTag, PlatformCoverageShare> coverage = new LinkedHashMap<>();
        for (LanguageTag tag : offered) {
            long reviewed = 0;
            long awaiting = 0;
            for (Segment segment : all) {
                Translation translation = translations.getOrDefault(segment.id(), Map.of()).get(tag);
                if (segment.sourceLanguage().equals(tag) || isReviewedCurrent(segment, translation)) {
                    reviewed++;
                } else if (translation != null && !translation.revisions().isEmpty()
                        && segment.stateOf(translation.latest()) == TranslationState.CURRENT) {
                    awaiting++;
                }
            }
            coverage.put(tag, all.isEmpty() ? PlatformCoverageShare.SOURCE : new PlatformCoverageShare(
                    (double) (reviewed + awaiting) / all.size(), (double) reviewed / all.size(), (double) awaiting / all.size()));
        }
        return coverage;
    }

    private static boolean isReviewedCurrent(Segment segment, Translation translation) {
        return translation != null && translation.approved().map(segment::stateOf).orElse(null) == TranslationState.CURRENT;
    }

}
