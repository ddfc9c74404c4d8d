package org.internationale.search.control;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tiers, exact counts and the page guarantee of {@link ChainCollector}, on a real index of several segments. */
class ChainCollectorTest {

    /** A text of a group: its language, type, year and how often it says "strike" (more often scores higher). */
    private record Text(String group, String language, String type, int year, int strikes) {
    }

    private static Document document(Text text) {
        Document document = new Document();
        document.add(new StringField("group", text.group(), Field.Store.YES));
        document.add(new SortedDocValuesField("group", new BytesRef(text.group())));
        document.add(new StringField("language", text.language(), Field.Store.YES));
        document.add(new SortedDocValuesField("language", new BytesRef(text.language())));
        document.add(new SortedDocValuesField("type", new BytesRef(text.type())));
        document.add(new NumericDocValuesField("year", text.year()));
        document.add(new TextField("body", ("strike ".repeat(text.strikes()) + "filler ".repeat(10 - text.strikes())).strip(), Field.Store.NO));
        return document;
    }

    /** Each group a block, and a commit between groups: as many segments as groups, none merged. */
    private static Directory index(List<List<Text>> groups) throws IOException {
        Directory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE))) {
            for (List<Text> group : groups) {
                writer.addDocuments(group.stream().map(ChainCollectorTest::document).toList());
                writer.commit();
            }
        }
        return directory;
    }

    /**
     * All groups in one segment ordered by language, as {@link SearchIndex} writes them: each group's texts are no longer
     * side by side (its Spanish among the Spanish, its English among the English), only in the same segment.
     */
    private static Directory sortedByLanguage(List<List<Text>> groups) throws IOException {
        Directory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()).setIndexSort(SearchIndex.BY_LANGUAGE))) {
            for (List<Text> group : groups) {
                writer.addDocuments(group.stream().map(ChainCollectorTest::document).toList());
            }
            writer.forceMerge(1);
        }
        return directory;
    }

    private static ChainCollector search(Directory directory, List<String> chain, int perTier) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            ChainCollector collected = searcher.search(new TermQuery(new Term("body", "strike")), ChainCollector.manager(chain, perTier));
            collected.tally();
            return collected;
        }
    }

    private static final List<List<Text>> GROUPS = List.of(
            List.of(new Text("a", "en", "update", 2024, 5), new Text("a", "es", "update", 2024, 2)),
            List.of(new Text("b", "en", "statement", 2025, 9)),
            List.of(new Text("c", "es", "update", 2025, 4), new Text("c", "fr", "update", 2025, 9)),
            List.of(new Text("d", "fr", "page", 2026, 8)),
            List.of(new Text("e", "es", "statement", 2026, 1), new Text("e", "en", "statement", 2026, 1)));

    @Test
    void theReadersLanguageComesFirstThenTheChainInOrderEachTierByScore() throws IOException {
        try (Directory directory = index(GROUPS)) {
            ChainCollector collected = search(directory, List.of("es", "en"), 10);
            // Spanish best first (c 4, a 2, e 1), then English (b 9, a 5, e 1); French is outside the chain
            assertEquals(List.of("c:es:0", "a:es:0", "e:es:0", "b:en:1", "a:en:1", "e:en:1"), order(directory, collected));
        }
    }

    /** Each match as group:language:tier, in the collector's order. */
    private static List<String> order(Directory directory, ChainCollector collected) throws IOException {
        List<String> order = new ArrayList<>();
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            for (ChainCollector.Match match : collected.matches()) {
                Document stored = reader.storedFields().document(match.doc());
                order.add(stored.get("group") + ":" + stored.get("language") + ":" + match.tier());
            }
        }
        return order;
    }

    @Test
    void countsEveryMatchingGroupOnceAndTextsByLanguage() throws IOException {
        try (Directory directory = index(GROUPS)) {
            assertCountsOfGroups(search(directory, List.of("es", "en"), 1).tally());
        }
    }

    /** {@link #GROUPS} searched in Spanish, then English: a, b, c, e (d is French only; a and e match twice, count once). */
    private static void assertCountsOfGroups(ChainCollector.Tally tally) {
        assertEquals(4, tally.groups());
        assertEquals(Map.of("update", 2, "statement", 2), tally.types());
        assertEquals(Map.of("2024", 1, "2025", 2, "2026", 1), tally.years());
        assertEquals(Map.of("es", 3, "en", 3), tally.languages());
    }

    @Test
    void aSegmentSortedByLanguageGivesTheSameOrderAndCounts() throws IOException {
        try (Directory directory = sortedByLanguage(GROUPS)) {
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertEquals(1, reader.leaves().size());
                assertEquals(SearchIndex.BY_LANGUAGE, reader.leaves().get(0).reader().getMetaData().getSort());
            }
            ChainCollector collected = search(directory, List.of("es", "en"), 10);
            assertEquals(List.of("c:es:0", "a:es:0", "e:es:0", "b:en:1", "a:en:1", "e:en:1"), order(directory, collected));
            assertCountsOfGroups(collected.tally());
        }
    }

    @Test
    void theFirstGroupsOfTheWholeOrderAreAlwaysAmongTheBestPerTier() throws IOException {
        // 30 groups; every third has no Spanish text, so English has to fill in; each group's English scores higher
        List<List<Text>> groups = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String group = "g" + i;
            Text english = new Text(group, "en", "update", 2026, 1 + (i * 7) % 9);
            groups.add(i % 3 == 0 ? List.of(english) : List.of(new Text(group, "es", "update", 2026, 1 + (i * 5) % 8), english));
        }
        try (Directory directory = index(groups)) {
            List<String> everything = distinctGroups(directory, search(directory, List.of("es", "en"), 1000));
            assertEquals(30, everything.size());
            for (int k : new int[]{1, 5, 10, 20, 25}) {
                List<String> page = distinctGroups(directory, search(directory, List.of("es", "en"), k));
                assertTrue(page.size() >= k, k + ": " + page);
                assertEquals(everything.subList(0, k), page.subList(0, k), "the first " + k + " groups");
            }
        }
    }

    private static List<String> distinctGroups(Directory directory, ChainCollector collected) throws IOException {
        Set<String> groups = new LinkedHashSet<>();
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            for (ChainCollector.Match match : collected.matches()) {
                groups.add(reader.storedFields().document(match.doc()).get("group"));
            }
        }
        return new ArrayList<>(groups);
    }
}
