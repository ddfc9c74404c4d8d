package org.internationale.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.internationale.locale.control.LanguageRegistry;
import org.internationale.platform.entity.PlatformClause;
import org.internationale.platform.entity.PlatformSection;
import org.internationale.platform.entity.SectionSource;
import org.internationale.platform.entity.SectionSource.ClauseSource;
import org.internationale.system.entity.ContentChanged;
import org.internationale.text.control.SegmentStore;
import org.internationale.text.entity.ChangeKind;
import org.internationale.text.entity.Segment;
import org.internationale.text.entity.SegmentKey;
import org.internationale.text.entity.SourceRevised;
import org.internationale.text.entity.SourceRevision;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Brings the stored platform in line with the seed files, idempotently: unchanged text creates no revision,
 * changed text creates one, a clause that left the files is retired. A clause edited through the API since the
 * seed last touched it is left alone and logged as a conflict: the database is the truth after import.
 */
@ApplicationScoped
public class PlatformImport {

    /** The author of everything the seed import writes. */
    public static final String SEED_AUTHOR = "seed";
    private static final Logger LOG = Logger.getLogger(PlatformImport.class.getName());

    @PersistenceContext(unitName = "internationale")
    EntityManager em;

    @Inject
    Event<ContentChanged> contentChanged;

    @Inject
    SegmentStore segments;

    @Inject
    LanguageRegistry languages;

    @Inject
    Event<SourceRevised> revised;

    @Inject
    Clock clock;

    public record Report(int created, int revised, int unchanged, int conflicts, int retired) {
    }

    @Transactional
    public Report importSections(List<SectionSource> sources) {
        Counter count = new Counter();
        // segments with their histories first, so the sections and clauses loaded next find them complete
        List<SegmentKey> keys = new ArrayList<>();
        for (SectionSource source : sources) {
            keys.add(new SegmentKey(source.titleKey()));
            source.clauses().forEach(c -> keys.add(new SegmentKey(c.id())));
        }
        Map<SegmentKey, Segment> existing = segments.findAll(keys);
        Map<String, PlatformSection> sections = new HashMap<>();
        for (PlatformSection s : em.createQuery("select s from PlatformSection s", PlatformSection.class).getResultList()) {
            sections.put(s.id(), s);
        }
        Map<String, PlatformClause> clauses = new HashMap<>();
        for (PlatformClause c : em.createQuery("select c from PlatformClause c", PlatformClause.class).getResultList()) {
            clauses.put(c.id(), c);
        }
        Set<String> seenSections = new HashSet<>();
        Set<String> seenClauses = new HashSet<>();
        int position = 0;
        // parents first: sources come ordered, and a parent's order is below its children's
        for (SectionSource source : sources) {
            PlatformSection section = sections.get(source.id());
            if (section == null) {
                section = new PlatformSection(source.id(), segment(existing, source.titleKey(), source.title(), source, count));
                section.place(source.parent(), position, source.numeral());
                em.persist(section);
                // a sub-section's row refers to its parent's: write the parent before the next one comes
                em.flush();
                sections.put(source.id(), section);
            } else {
                segment(existing, source.titleKey(), source.title(), source, count);
            }
            section.place(source.parent(), position++, source.numeral());
            section.title().reinstate();
            seenSections.add(source.id());
            int clausePosition = 0;
            for (ClauseSource clauseSource : source.clauses()) {
                PlatformClause clause = clauses.get(clauseSource.id());
                Segment segment = segment(existing, clauseSource.id(), clauseSource.text(), source, count);
                if (clause == null) {
                    clause = new PlatformClause(clauseSource.id(), segment);
                    em.persist(clause);
                }
                clause.place(section, clausePosition++, clauseSource.form());
                segment.reinstate();
                seenClauses.add(clauseSource.id());
            }
        }
        int retired = 0;
        for (PlatformClause clause : clauses.values()) {
            if (!seenClauses.contains(clause.id()) && !clause.retired()) {
                clause.retire(clock.instant());
                clause.segment().retire(clock.instant());
                retired++;
            }
        }
        for (PlatformSection section : sections.values()) {
            if (!seenSections.contains(section.id()) && !section.retired()) {
                section.retire(clock.instant());
                section.title().retire(clock.instant());
                retired++;
            }
        }
        if (count.created > 0 || retired > 0) {
            // a new or retired clause changes the platform's pages on every instance, not only this one's
            contentChanged.fire(new ContentChanged("platform import"));
        }
        return new Report(count.created, count.revised, count.unchanged, count.conflicts, retired);
    }

    private Segment segment(Map<SegmentKey, Segment> existing, String id, String text, SectionSource source, Counter count) {
        SegmentKey key = new SegmentKey(id);
        Segment stored = existing.get(key);
        if (stored == null) {
            Segment segment = segments.create(key, languages.source());
            segment.revise(text, ChangeKind.MEANING, SEED_AUTHOR, "Imported from content/platform/" + source.file(), clock.instant());
            count.created++;
            return segment;
        }
        Segment segment = stored;
        Optional<SourceRevision> lastSeeded = segment.revisions().stream()
                .filter(r -> SEED_AUTHOR.equals(r.author())).reduce((a, b) -> b);
        if (lastSeeded.isPresent() && lastSeeded.get().text().equals(text) || segment.latest().text().equals(text)) {
            count.unchanged++;
            return segment;
        }
        if (!SEED_AUTHOR.equals(segment.latest().author())) {
            LOG.warning(() -> "content/platform/" + source.file() + ": clause " + id + " was edited by "
                    + segment.latest().author() + " (revision " + segment.latest().number()
                    + ") after the last import; the file's new text is not applied. Edit it through the API or export it first.");
            count.conflicts++;
            return segment;
        }
        segment.revise(text, source.changeKind(), SEED_AUTHOR, "Updated from content/platform/" + source.file(), clock.instant())
                .ifPresent(r -> {
                    revised.fire(new SourceRevised(key, r.number(), r.changeKind(), SEED_AUTHOR));
                    contentChanged.fire(new ContentChanged("platform " + key.value()));
                });
        count.revised++;
        return segment;
    }

    private static final class Counter {
        int created;
        int revised;
        int unchanged;
        int conflicts;
    }
}
