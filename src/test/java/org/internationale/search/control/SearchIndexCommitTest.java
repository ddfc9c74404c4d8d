package org.internationale.search.control;

import org.internationale.locale.control.LanguageConfiguration;
import org.internationale.search.entity.IndexedText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the index's commits remember across a restart: how far it has followed the search change log, and whether a
 * rebuild was still filling it when the server stopped; and that replacing a group keeps it whole.
 */
class SearchIndexCommitTest {

    @TempDir
    Path dataDir;

    private SearchIndex index() {
        SearchIndex index = new SearchIndex();
        index.dataDir = dataDir.toString();
        index.languages = LanguageConfiguration.parse("en", "en,es", "");
        return index;
    }

    private static IndexedText text(String id) {
        return new IndexedText(id, "group:" + id, "update", "en", "Dockers strike", "The dockers strike.", "/en/updates/" + id, 2026, List.of());
    }

    @Test
    void theChangeLogPositionSurvivesARestartWithTheTextsItCovers() {
        SearchIndex first = index();
        assertTrue(first.open(), "a new index is filled from the database");
        first.replace(List.of("group:1"), List.of(text("1")));
        first.recordApplied(42);
        first.rebuilt();
        first.close();

        SearchIndex second = index();
        assertFalse(second.open(), "a complete index is kept");
        assertEquals(42, second.appliedChanges());
        second.close();
    }

    @Test
    void anIndexWhoseRebuildWasCutOffIsRebuiltAgain() {
        SearchIndex first = index();
        first.open();
        first.replace(List.of("group:1"), List.of(text("1")));
        first.recordApplied(7);
        // a rebuild starts: emptied, partly filled, and the server dies before it ends
        first.clear();
        first.replace(List.of("group:2"), List.of(text("2")));
        first.close();

        SearchIndex second = index();
        assertTrue(second.open(), "half an index is not served as if it were whole");
        assertEquals(0, second.appliedChanges());
        second.close();
    }

    /**
     * Re-indexing the whole platform (a heading changed) names each clause's group once per language. The group is
     * replaced once: deleting it again for its second language emptied it, and the platform vanished from search.
     */
    @Test
    void aGroupNamedOncePerLanguageKeepsAllItsTexts() throws Exception {
        SearchIndex index = index();
        index.open();
        IndexedText english = new IndexedText("clause:a:en", "clause:a", "platform", "en", "Demands", "Paid sick leave.", "/en/platform#a",
                null, List.of());
        IndexedText spanish = new IndexedText("clause:a:es", "clause:a", "platform", "es", "Demandas", "Baja pagada.", "/es/platform#a",
                null, List.of());
        index.replace(List.of("clause:a", "clause:a"), List.of(english, spanish));
        var searcher = index.acquire();
        try {
            assertEquals(2, searcher.count(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term("group", "clause:a"))));
        } finally {
            index.release(searcher);
        }
        index.close();
    }
}
