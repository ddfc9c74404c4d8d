package org.internationale.search.control;

import com.ibm.icu.lang.UScript;
import org.internationale.locale.control.LanguageConfiguration;
import org.internationale.locale.entity.LanguageTag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The analysis pitfalls named in the search issue, token by token. */
class LanguageAnalyzersTest {

    private final LanguageAnalyzers analyzers = new LanguageAnalyzers();

    private List<String> tokens(String lang, String text) {
        return LanguageAnalyzers.tokens(analyzers.of(LanguageTag.of(lang)), text);
    }

    private List<String> universal(String text) {
        return LanguageAnalyzers.tokens(analyzers.universal(), text);
    }

    @Test
    void turkishDottedAndDotlessIMeet() {
        List<String> istanbul = tokens("tr", "Istanbul");
        assertEquals(istanbul, tokens("tr", "İSTANBUL"));
        assertEquals(istanbul, tokens("tr", "istanbul"));
        assertEquals(tokens("tr", "işçiler"), tokens("tr", "İŞÇİLER"));
    }

    @Test
    void persianZeroWidthNonJoinerIsTheSameAtIndexAndQueryTime() {
        // "we want" with and without the ZWNJ that Persian orthography asks for
        assertEquals(tokens("fa", "می\u200Cخواهیم"), tokens("fa", "می خواهیم"));
    }

    @Test
    void universalFoldingKeepsDevanagariBengaliAndThaiMarks() {
        // हड़ताल (strike) and श्रमिक (worker): the virama ् must survive, or distinct words collapse
        assertTrue(universal("श्रमिक").get(0).contains("्"), universal("श्रमिक").toString());
        assertTrue(universal("শ্রমিক").get(0).contains("্"), universal("শ্রমিক").toString());
        // Thai tone marks distinguish words: ใหม่ (new) is not ใหม (silk)
        assertNotEquals(universal("ใหม่"), universal("ใหม"));
    }

    @Test
    void diacriticsAreOptionalInTheUniversalField() {
        assertEquals(universal("Sao Paulo"), universal("São Paulo"));
        assertEquals(universal("huelga general"), universal("HUELGA GENERAL"));
    }

    @Test
    void traditionalAndSimplifiedChineseMeet() {
        assertEquals(universal("工人階級"), universal("工人阶级"));
        assertEquals(tokens("zh-Hans", "團結"), tokens("zh-Hans", "团结"));
    }

    @Test
    void scriptsWithoutSpacesAreSegmented() {
        assertTrue(tokens("ja", "労働者の権利").size() >= 2, tokens("ja", "労働者の権利").toString());
        assertTrue(tokens("th", "คนงานต้องมีสิทธิ์").size() >= 3);
        assertEquals(List.of("工人", "人阶", "阶级"), universal("工人阶级"), "Han bigrams");
    }

    @Test
    void stemmersAndStopWordsOfTheLanguage() {
        assertEquals(tokens("en", "strikes"), tokens("en", "strike"));
        assertEquals(tokens("es", "huelgas"), tokens("es", "huelga"));
        assertEquals(List.of(), tokens("sw", "na ya wa"), "Swahili stop words");
        assertEquals(tokens("ru", "забастовки"), tokens("ru", "забастовка"));
    }

    @Test
    void warmUpTextReachesTheScriptOfEveryShippedLanguage() {
        // the start-up warm-up loads a script's segmentation only if its text has words in that script
        for (String tag : LanguageConfiguration.DEFAULT_LANGUAGES.split(",")) {
            LanguageTag language = LanguageTag.of(tag.strip());
            // the writing systems of Chinese, Japanese and Korean are named as a whole; their characters as one script
            String script = switch (language.likely().getScript()) {
                case "Hans", "Hant", "Jpan" -> "Hani";
                case "Kore" -> "Hang";
                default -> language.likely().getScript();
            };
            int code = UScript.getCodeFromName(script);
            assertTrue(SearchIndex.WARM_UP_TEXT.codePoints().anyMatch(cp -> UScript.getScript(cp) == code),
                    language + ": the warm-up text has nothing in " + script);
            List<String> ownScript = tokens(language.value(), SearchIndex.WARM_UP_TEXT).stream()
                    .filter(token -> token.codePoints().anyMatch(cp -> UScript.getScript(cp) == code))
                    .toList();
            assertFalse(ownScript.isEmpty(), language + ": no token in " + script);
        }
    }

    @Test
    void analyzersAreKeptPerKindNeverPerTagSoRequestedTagsCannotFillTheMemory() {
        LanguageAnalyzers fresh = new LanguageAnalyzers();
        for (int i = 0; i < 5_000; i++) {
            fresh.of(LanguageTag.of("en-x-" + Integer.toString(i, 36) + "zz"));
            fresh.of(LanguageTag.of("q" + (char) ('a' + i % 20) + "-" + (1000 + i % 9000)));
        }
        assertEquals(1, fresh.kept(), "every English variant shares one analyzer; unknown languages share the universal one, kept nowhere");
        assertEquals(fresh.universal(), fresh.of(LanguageTag.of("qaa")));
        assertNotEquals(fresh.of(LanguageTag.of("pt")), fresh.of(LanguageTag.of("pt-BR")), "Brazilian Portuguese has its own stemmer");
        assertEquals(3, fresh.kept());
    }
}
