package org.internationale.search.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a reader types, before Lucene sees it: {@link Searcher#clean} and the relaxation rule's test for plain words. */
class QueryTextTest {

    @Test
    void controlCharactersWildcardsAndFuzzyMarksBecomeSpacesAndOrBetweenWordsTheParsersBar() {
        assertEquals("strike | wage", Searcher.clean("strike OR wage"));
        assertEquals("ORGANIZE or ORwell", Searcher.clean("ORGANIZE or ORwell"), "only OR as a word between words");
        assertEquals("union   rights", Searcher.clean("\u0000union\u0007\u001b rights\n"));
        assertEquals("stri  wage 2", Searcher.clean("stri* wage~2"));
        assertEquals("", Searcher.clean(null));
        assertEquals("a b  c", Searcher.clean("a\uD800b\uFFFE\uFFFFc"), "lone surrogates and noncharacters too");
        assertEquals("\uD83D\uDE00", Searcher.clean("\uD83D\uDE00"), "a surrogate pair is one character, kept");
        assertEquals(Searcher.MAX_QUERY, Searcher.clean("x".repeat(10_000)).length());
    }

    @Test
    void onlySeveralWordsWithoutOperatorsArePlain() {
        assertTrue(Searcher.plainWords("paid sick leave"));
        assertTrue(Searcher.plainWords("إجازة مرضية"));
        assertFalse(Searcher.plainWords("strike"), "one word has nothing to relax");
        assertFalse(Searcher.plainWords("\"paid leave\" now"));
        assertFalse(Searcher.plainWords("strike -wage"));
        assertFalse(Searcher.plainWords(Searcher.clean("strike OR wage")));
        assertFalse(Searcher.plainWords("(strike wage)"));
        assertFalse(Searcher.plainWords("strike +wage"));
    }
}
