package org.internationale.demands.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.internationale.demands.entity.DemandStatus;
import org.internationale.locale.entity.Negotiated;
import org.internationale.platform.control.PlatformReader;
import org.internationale.platform.entity.PlatformView;
import org.internationale.platform.entity.SectionView;
import org.internationale.platform.entity.ServedClause;
import org.internationale.publishing.control.DocumentReader;
import org.internationale.publishing.entity.DocumentType;
import org.internationale.publishing.entity.DocumentView;
import org.internationale.system.entity.ContentChanged;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** DemandBoard with their status timeline and latest updates, in the reader's language. */
@ApplicationScoped
public class DemandBoard {

    static final int LATEST_UPDATES = 3;

    @PersistenceContext(unitName = "internationale")
    EntityManager em;

    @Inject
    Event<ContentChanged> contentChanged;

    @Inject
    PlatformReader platform;

    @Inject
    DocumentReader documents;

    @Inject
    Clock clock;

    public record Entry(String status, LocalDate date, String note) {
    }

    public record Demand(String id, String group, String groupNumeral, ServedClause text, String status, LocalDate statusDate,
                         List<Entry> timeline, List<DocumentView> latestUpdates) {
    }

    /** The longest note an editor may give with a status, in the workspace and the API alike. */
    public static final int MAX_NOTE = 2000;

    @Transactional
    public DemandStatus record(String clauseId, DemandStatus.Status status, LocalDate date, String note, String author) {
        contentChanged.fire(new ContentChanged("demand " + clauseId));
        DemandStatus entry = new DemandStatus(clauseId, status, date, note, author, clock.instant());
        em.persist(entry);
        return entry;
    }

    /** The updates a demand's latest are looked for in: the newest, as a list page shows them. */
    public static final int RECENT_UPDATES = DocumentReader.PAGE_SIZE;

    @Transactional
    public List<Demand> all(Negotiated negotiated) {
        return all(negotiated, documents.newest(DocumentType.UPDATE, negotiated, RECENT_UPDATES));
    }

    /** @param recentUpdates the newest {@link #RECENT_UPDATES} updates, when the caller has them already */
    @Transactional
    public List<Demand> all(Negotiated negotiated, List<DocumentView> recentUpdates) {
        PlatformView view = platform.platform(negotiated);
        Map<String, List<Entry>> timelines = timelines();
        List<Demand> demands = new ArrayList<>();
        for (SectionView root : view.sections()) {
            if (!root.id().equals("demands")) {
                continue;
            }
            for (SectionView group : root.sections()) {
                for (ServedClause clause : group.clauses()) {
                    List<Entry> timeline = timelines.getOrDefault(clause.id(), List.of());
                    Entry current = timeline.isEmpty() ? null : timeline.get(timeline.size() - 1);
                    List<DocumentView> latest = recentUpdates.stream().filter(u -> u.demands().contains(clause.id()))
                            .limit(LATEST_UPDATES).toList();
                    demands.add(new Demand(clause.id(), group.id(), group.numeral(), clause,
                            current == null ? DemandStatus.Status.NOT_MET.label() : current.status(),
                            current == null ? null : current.date(), timeline, latest));
                }
            }
        }
        return demands;
    }

    private Map<String, List<Entry>> timelines() {
        Map<String, List<Entry>> timelines = new HashMap<>();
        em.createQuery("select s from DemandStatus s order by s.date, s.id", DemandStatus.class).getResultList()
                .forEach(s -> timelines.computeIfAbsent(s.clauseId(), k -> new ArrayList<>())
                        .add(new Entry(s.status().label(), s.date(), s.note())));
        timelines.values().forEach(list -> list.sort(Comparator.comparing(Entry::date)));
        return timelines;
    }
}
