package org.internationale.search.control;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * One pass over every match of a query that gathers what a result page needs: the best matches of each tier of the
 * reader's fallback chain (their own language, then the next one, …) and exact counts over all matches — translation
 * groups, groups by type and by year, matching texts by language.
 *
 * <p>Why per tier: results come in the reader's language first and the chain's other languages after, each group
 * once. The first {@code k} groups of that order are always among the best {@code k} matches of each tier (a group's
 * place in its tier is behind at most the groups shown before it), so a page needs {@code k = page × size} per tier —
 * instead of ranking hundreds of candidates to find it, as the first version did, whose facets and total then counted
 * only those hundreds.
 *
 * <p>Groups are counted per segment with a bit per group: exact because {@link SearchIndex} writes a group's texts
 * as one block, which Lucene keeps in one segment through every merge.
 */
final class ChainCollector implements Collector {

    /** A match in the tier of its language: 0 for the reader's own. */
    record Match(int doc, float score, int tier) {
    }

    /** The counts of all matches. */
    record Tally(int groups, Map<String, Integer> types, Map<String, Integer> years, Map<String, Integer> languages) {
    }

    private static final Comparator<ScoreDoc> WORST_FIRST = Comparator.<ScoreDoc>comparingDouble(d -> d.score)
            .thenComparing(Comparator.<ScoreDoc>comparingInt(d -> d.doc).reversed());

    private final List<String> chain;
    private final int perTier;
    private final List<PriorityQueue<ScoreDoc>> tiers = new ArrayList<>();
    private final List<LeafTally> leaves = new ArrayList<>();

    ChainCollector(List<String> chain, int perTier) {
        this.chain = chain;
        this.perTier = perTier;
        for (int i = 0; i < chain.size(); i++) {
            tiers.add(new PriorityQueue<>(perTier + 1, WORST_FIRST));
        }
    }

    static CollectorManager<ChainCollector, ChainCollector> manager(List<String> chain, int perTier) {
        return new CollectorManager<>() {
            @Override
            public ChainCollector newCollector() {
                return new ChainCollector(chain, perTier);
            }

            @Override
            public ChainCollector reduce(Collection<ChainCollector> collectors) {
                ChainCollector all = new ChainCollector(chain, perTier);
                for (ChainCollector one : collectors) {
                    for (int tier = 0; tier < chain.size(); tier++) {
                        for (ScoreDoc doc : one.tiers.get(tier)) {
                            all.offer(tier, doc.doc, doc.score);
                        }
                    }
                    all.leaves.addAll(one.leaves);
                }
                return all;
            }
        };
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        LeafTally tally = new LeafTally(context, chain);
        leaves.add(tally);
        return new LeafCollector() {
            private Scorable scorer;

            @Override
            public void setScorer(Scorable scorer) {
                this.scorer = scorer;
            }

            @Override
            public void collect(int doc) throws IOException {
                int tier = tally.count(doc);
                if (tier >= 0) {
                    offer(tier, context.docBase + doc, scorer.score());
                }
            }
        };
    }

    private void offer(int tier, int doc, float score) {
        PriorityQueue<ScoreDoc> queue = tiers.get(tier);
        if (queue.size() < perTier) {
            queue.add(new ScoreDoc(doc, score));
        } else if (score > queue.peek().score) {
            queue.poll();
            queue.add(new ScoreDoc(doc, score));
        }
    }

    /** The best matches, tier by tier, each tier best first. */
    List<Match> matches() {
        List<Match> matches = new ArrayList<>();
        for (int tier = 0; tier < tiers.size(); tier++) {
            List<ScoreDoc> best = new ArrayList<>(tiers.get(tier));
            best.sort(WORST_FIRST.reversed());
            for (ScoreDoc doc : best) {
                matches.add(new Match(doc.doc, doc.score, tier));
            }
        }
        return matches;
    }

    Tally tally() throws IOException {
        int groups = 0;
        Map<String, Integer> types = new TreeMap<>();
        Map<String, Integer> years = new TreeMap<>();
        Map<String, Integer> languages = new TreeMap<>();
        for (LeafTally leaf : leaves) {
            groups += leaf.groups;
            add(leaf.typeCounts, leaf.type, types);
            add(leaf.languageCounts, leaf.language, languages);
            leaf.yearCounts.forEach((year, count) -> years.merge(Long.toString(year), count, Integer::sum));
        }
        return new Tally(groups, types, years, languages);
    }

    private static void add(int[] counts, SortedDocValues values, Map<String, Integer> into) throws IOException {
        for (int ord = 0; ord < counts.length; ord++) {
            if (counts[ord] > 0) {
                into.merge(values.lookupOrd(ord).utf8ToString(), counts[ord], Integer::sum);
            }
        }
    }

    /** One segment's counts, by ordinal: names are looked up once per segment, not per match. */
    private static final class LeafTally {
        final SortedDocValues group;
        final SortedDocValues type;
        final SortedDocValues language;
        final NumericDocValues year;
        final int[] tierOfLanguage;
        final FixedBitSet seen;
        final int[] typeCounts;
        final int[] languageCounts;
        final Map<Long, Integer> yearCounts = new TreeMap<>();
        int groups;

        LeafTally(LeafReaderContext context, List<String> chain) throws IOException {
            group = DocValues.getSorted(context.reader(), "group");
            type = DocValues.getSorted(context.reader(), "type");
            language = DocValues.getSorted(context.reader(), "language");
            year = DocValues.getNumeric(context.reader(), "year");
            tierOfLanguage = new int[language.getValueCount()];
            java.util.Arrays.fill(tierOfLanguage, -1);
            for (int tier = chain.size() - 1; tier >= 0; tier--) {
                int ord = language.lookupTerm(new BytesRef(chain.get(tier)));
                if (ord >= 0) {
                    tierOfLanguage[ord] = tier;
                }
            }
            seen = new FixedBitSet(Math.max(1, group.getValueCount()));
            typeCounts = new int[type.getValueCount()];
            languageCounts = new int[language.getValueCount()];
        }

        /** Counts a match; its tier, or -1 for a text outside the chain (the query's filter keeps those out). */
        int count(int doc) throws IOException {
            if (!language.advanceExact(doc)) {
                return -1;
            }
            int languageOrd = language.ordValue();
            int tier = tierOfLanguage[languageOrd];
            if (tier < 0) {
                return -1;
            }
            languageCounts[languageOrd]++;
            if (group.advanceExact(doc) && !seen.getAndSet(group.ordValue())) {
                groups++;
                if (type.advanceExact(doc)) {
                    typeCounts[type.ordValue()]++;
                }
                if (year.advanceExact(doc)) {
                    yearCounts.merge(year.longValue(), 1, Integer::sum);
                }
            }
            return tier;
        }
    }
}
