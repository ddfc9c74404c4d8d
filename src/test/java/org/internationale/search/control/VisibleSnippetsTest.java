package org.internationale.search.control;

import org.internationale.locale.entity.LanguageTag;
import org.internationale.search.entity.IndexedText;
import org.internationale.search.entity.SearchResult;
import org.internationale.search.entity.SearchResult.Hit;
import org.internationale.text.control.MarkdownRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Snippets are made from the words a reader sees, as {@link SearchSources} indexes them: no Markdown reaches a
 * reader, and each {@code <mark>} falls exactly on the word searched for, whatever precedes it (right-to-left text,
 * Japanese without spaces, emoji of several code points).
 */
class VisibleSnippetsTest {

    private static final List<LanguageTag> OFFERED = List.of(LanguageTag.of("en"), LanguageTag.of("es"), LanguageTag.of("ar"),
            LanguageTag.of("ja"));
    private static final MarkdownRenderer MARKDOWN = new MarkdownRenderer();
    private static final Pattern MARKED = Pattern.compile("<mark>(.*?)</mark>");

    private static IndexInMemory index;
    private static SnapshotSearch search;

    private static IndexedText text(String group, String language, String title, String markdown) {
        return new IndexedText(group + ":" + language, group, "update", language, title, MARKDOWN.visibleText(markdown),
                "/" + language + "/" + group, 2026, List.of());
    }

    @BeforeAll
    static void index() throws IOException {
        List<IndexedText> texts = List.of(
                text("guide", "es", "Guía", "**Formar a posibles huelguistas** sobre [cómo organizar una huelga](https://example.org/g) "
                        + "y sus derechos.\n\n- *Preparar* la caja de resistencia\n- Hablar con `cada` turno"),
                text("bakers", "ar", "الخبازون", "**تضامن** مع _العمال_ ✊🏽 في [المدينة](https://example.org) اليوم: إضراب الخبازين مستمر."),
                text("rodo", "ja", "労働", "**団結**した👩🏽‍🏭の[仲間](/ja/platform)たちと労働者の権利を守る。"),
                text("dock", "en", "Dockers", "✊🏽👩🏽‍🏭 *Solidarity* with the [dockers](https://example.org/d) on strike at the port."));
        index = IndexInMemory.of(OFFERED, texts.stream().map(List::of).toList());
        search = index.search();
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    private static Hit only(String query, String language) {
        LanguageTag tag = LanguageTag.of(language);
        SearchResult result = search.answer(Searcher.clean(query), List.of(tag), tag, null, null, 1, 10);
        assertEquals(1, result.hits().size(), result.toString());
        return result.hits().get(0);
    }

    /** The snippet without its marks, as text: Markdown's characters may not appear unless the page shows them. */
    private static void assertNoMarkup(String snippet) {
        String text = snippet.replace("<mark>", "").replace("</mark>", "");
        for (String markup : List.of("**", "*", "_", "[", "](", "`", "https://", "- ")) {
            assertFalse(text.contains(markup), "'" + markup + "' in " + snippet);
        }
    }

    /** Every marked stretch, with adjacent marks joined (an analyzer may split one word into several tokens). */
    private static List<String> marked(String snippet) {
        Matcher m = MARKED.matcher(snippet.replace("</mark><mark>", ""));
        return m.results().map(r -> r.group(1)).toList();
    }

    @Test
    void spanishSnippetShowsTheWordsWithoutEmphasisLinksOrListMarkers() {
        Hit hit = only("huelga", "es");
        assertNoMarkup(hit.snippet());
        assertTrue(hit.snippet().contains("cómo organizar una <mark>huelga</mark>"), hit.snippet());
        assertEquals(List.of("huelga"), marked(hit.snippet()));
        Hit list = only("resistencia", "es");
        assertNoMarkup(list.snippet());
        assertTrue(list.snippet().contains("Preparar la caja de <mark>resistencia</mark>"), list.snippet());
    }

    @Test
    void arabicMarkFallsOnTheWordAfterEmojiAndALink() {
        Hit hit = only("إضراب", "ar");
        assertNoMarkup(hit.snippet());
        assertEquals(List.of("إضراب"), marked(hit.snippet()), hit.snippet());
        assertTrue(hit.snippet().contains("✊🏽 في المدينة اليوم: <mark>إضراب</mark> الخبازين"), hit.snippet());
    }

    @Test
    void japaneseMarkFallsOnTheWordAfterAnEmojiSequence() {
        Hit hit = only("労働者", "ja");
        assertNoMarkup(hit.snippet());
        assertEquals(List.of("労働者"), marked(hit.snippet()), hit.snippet());
        assertTrue(hit.snippet().startsWith("団結した👩🏽‍🏭の仲間たちと<mark>"), hit.snippet());
    }

    @Test
    void anEmojiBeforeTheHitDoesNotShiftTheMark() {
        Hit hit = only("strike", "en");
        assertNoMarkup(hit.snippet());
        assertEquals(List.of("strike"), marked(hit.snippet()), hit.snippet());
        assertTrue(hit.snippet().contains("✊🏽👩🏽‍🏭 Solidarity with the dockers on <mark>strike</mark> at the port."), hit.snippet());
    }
}
