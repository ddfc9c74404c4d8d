package org.internationale.search.control;

import org.internationale.locale.entity.LanguageTag;
import org.internationale.search.entity.IndexedText;
import org.internationale.search.entity.SearchResult;
import org.internationale.search.entity.SearchResult.Hit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A reader's query on an index written as the application writes it ({@link SearchIndex#document}, groups as blocks,
 * sorted by language), without a container: order by the reader's chain, one hit per translation group, other
 * languages, counts over every match, snippets, relaxation and spelling.
 */
class SnapshotSearchTest {

    private static final List<LanguageTag> OFFERED = List.of(LanguageTag.of("en"), LanguageTag.of("es"), LanguageTag.of("ar"));
    private static final List<LanguageTag> SPANISH_READER = List.of(LanguageTag.of("es"), LanguageTag.of("en"));

    private static IndexInMemory index;
    private static SnapshotSearch search;

    private static IndexedText text(String group, String type, String language, int year, String title, String body) {
        return new IndexedText(group + ":" + language, group, type, language, title, body, "/" + language + "/" + group, year, List.of());
    }

    @BeforeAll
    static void index() throws IOException {
        List<List<IndexedText>> groups = List.of(
                List.of(text("sick-leave", "update", "en", 2024, "Paid sick leave", "The general strike won paid sick leave for every worker."),
                        text("sick-leave", "update", "es", 2024, "Baja pagada", "La huelga general ganó la baja pagada por enfermedad.")),
                List.of(text("transport", "statement", "es", 2025, "Transporte", "Huelga de los trabajadores del transporte en la ciudad.")),
                List.of(text("port", "statement", "en", 2025, "The port", "A strike at the port <script>alert(1)</script> stopped the cranes.")),
                List.of(text("bakers", "update", "ar", 2025, "الخبازون", "إضراب الخبازين في المدينة.")));
        index = IndexInMemory.of(OFFERED, groups);
        search = index.search();
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    private static SearchResult spanish(String query) {
        return search.answer(Searcher.clean(query), SPANISH_READER, LanguageTag.of("es"), null, null, 1, 10);
    }

    @Test
    void readersOwnLanguageFirstThenTheChainEachGroupOnce() {
        SearchResult result = search.answer("strike huelga", SPANISH_READER, LanguageTag.of("es"), null, null, 1, 10);
        // any of the two words: both Spanish texts first, then the English text whose group has no Spanish match
        List<String> order = result.hits().stream().map(Hit::id).toList();
        assertEquals(List.of("es", "es", "en"), result.hits().stream().map(Hit::language).toList(), order.toString());
        assertTrue(order.containsAll(List.of("sick-leave:es", "transport:es", "port:en")), order.toString());
        assertEquals(3, result.total(), "groups, not texts");
        Hit sickLeave = result.hits().stream().filter(h -> h.id().equals("sick-leave:es")).findFirst().orElseThrow();
        assertEquals(List.of("en"), sickLeave.alsoIn());
        assertEquals("/es/sick-leave", sickLeave.url());
        assertEquals("Baja pagada", sickLeave.title());
    }

    @Test
    void aGroupMatchedOnlyInTheFallbackLanguageIsShownInItWithTheReadersLanguageAlsoListed() {
        SearchResult result = spanish("strike");
        assertEquals(Set.of("sick-leave:en", "port:en"), result.hits().stream().map(Hit::id).collect(Collectors.toSet()));
        assertEquals(2, result.hits().size());
        Hit sickLeave = result.hits().stream().filter(h -> h.id().equals("sick-leave:en")).findFirst().orElseThrow();
        assertEquals(List.of("es"), sickLeave.alsoIn());
    }

    @Test
    void textsOutsideTheChainAreNotFound() {
        SearchResult result = spanish("إضراب");
        assertEquals(0, result.total());
        assertTrue(result.hits().isEmpty());
        SearchResult arabic = search.answer("إضراب", List.of(LanguageTag.of("ar"), LanguageTag.of("en")), LanguageTag.of("ar"), null, null, 1, 10);
        assertEquals(List.of("bakers:ar"), arabic.hits().stream().map(Hit::id).toList());
    }

    @Test
    void facetsCountEveryMatchAndTheTypeFilterNarrows() {
        SearchResult all = spanish("huelga OR strike");
        assertEquals(Map.of("update", 1, "statement", 2), all.facets().get("type"));
        assertEquals(Map.of("2024", 1, "2025", 2), all.facets().get("year"));
        assertEquals(Map.of("es", 2, "en", 2), all.facets().get("language"), "texts per language");
        SearchResult statements = search.answer(Searcher.clean("huelga OR strike"), SPANISH_READER, LanguageTag.of("es"), "statement", null, 1, 10);
        assertEquals(2, statements.total());
        assertEquals(List.of("statement", "statement"), statements.hits().stream().map(Hit::type).toList(), statements.hits().toString());
    }

    @Test
    void pagesSplitTheGroupsInOrder() {
        SearchResult first = search.answer(Searcher.clean("huelga OR strike"), SPANISH_READER, LanguageTag.of("es"), null, null, 1, 2);
        SearchResult second = search.answer(Searcher.clean("huelga OR strike"), SPANISH_READER, LanguageTag.of("es"), null, null, 2, 2);
        assertEquals(3, first.total());
        assertEquals(2, first.hits().size());
        assertEquals(1, second.hits().size());
        assertFalse(first.hits().stream().map(Hit::id).toList().contains(second.hits().get(0).id()));
    }

    @Test
    void snippetsMarkTheMatchAndEscapeTheText() {
        Hit port = spanish("cranes").hits().get(0);
        assertTrue(port.snippet().contains("<mark>cranes</mark>"), port.snippet());
        assertTrue(port.snippet().contains("&lt;script&gt;"), port.snippet());
        assertFalse(port.snippet().contains("<script>"), port.snippet());
    }

    @Test
    void plainWordsThatFindNothingTogetherAreRelaxedToAnyOfThem() {
        SearchResult relaxed = spanish("huelga xylophone");
        assertEquals(2, relaxed.total(), "any of the words, when all of them find almost nothing");
        assertEquals(0, spanish("\"huelga xylophone\"").total(), "a phrase is taken as written");
    }

    @Test
    void aMisspelledWordGetsASuggestion() {
        SearchResult result = spanish("huelgq");
        assertEquals(0, result.total());
        assertEquals("huelga", result.suggestion());
        assertNull(spanish("huelga").suggestion());
    }

    @Test
    void aBlankQueryAnswersEmptyWithoutSearching() {
        SearchResult result = search.answer("", SPANISH_READER, LanguageTag.of("es"), null, null, 1, 10);
        assertEquals(0, result.total());
        assertTrue(result.facets().isEmpty());
    }

    @Test
    void aRunOfHundredsOfDistinctHanCharactersIsSearchedByItsOpeningWithinLucenesClauseLimit() {
        StringBuilder han = new StringBuilder();
        for (int c = 0x4E00; han.length() < 450; c += 7) {
            han.appendCodePoint(c);
        }
        SearchResult result = search.answer(Searcher.clean(han.toString()), SPANISH_READER, LanguageTag.of("es"), null, null, 1, 10);
        assertEquals(0, result.total());
        String withMatch = Searcher.clean("huelga " + han);
        assertTrue(search.answer(withMatch, SPANISH_READER, LanguageTag.of("es"), null, null, 1, 10).total() > 0,
                "the opening words still search");
    }
}
