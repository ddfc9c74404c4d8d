package org.internationale.search.control;

import com.ibm.icu.util.ULocale;
import org.junit.jupiter.api.Test;

import java.text.BreakIterator;
import java.text.StringCharacterIterator;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JDK's view of ICU's sentence and word breaks, as the highlighter walks it. */
class IcuBreakIteratorTest {

    private static IcuBreakIterator sentences(String language) {
        return new IcuBreakIterator(com.ibm.icu.text.BreakIterator.getSentenceInstance(ULocale.forLanguageTag(language)));
    }

    private static List<String> pieces(BreakIterator breaks, String text) {
        breaks.setText(text);
        List<String> pieces = new ArrayList<>();
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            pieces.add(text.substring(start, end));
        }
        return pieces;
    }

    @Test
    void sentencesEndWhereTheirScriptEndsThem() {
        // each of these was one passage with the JDK's sentence rules
        assertEquals(List.of("ሰራተኞች ተባበሩ። ", "ይህ ሁለተኛ ነው።"), pieces(sentences("ti"), "ሰራተኞች ተባበሩ። ይህ ሁለተኛ ነው።"));
        assertEquals(List.of("مزدور متحد ہو جاؤ۔ ", "یہ دوسرا جملہ ہے۔"), pieces(sentences("ur"), "مزدور متحد ہو جاؤ۔ یہ دوسرا جملہ ہے۔"));
        assertEquals(List.of("هل نضرب؟ ", "نعم."), pieces(sentences("ar"), "هل نضرب؟ نعم."));
        assertEquals(List.of("Strike! ", "Why? ", "Because."), pieces(sentences("en"), "Strike! Why? Because."));
    }

    @Test
    void followingPrecedingAndBoundariesAreIcus() {
        String text = "One. Two. Three.";
        IcuBreakIterator breaks = sentences("en");
        breaks.setText(new StringCharacterIterator(text));
        assertEquals(5, breaks.following(0));
        assertEquals(10, breaks.following(5));
        assertEquals(5, breaks.preceding(10));
        assertEquals(0, breaks.preceding(3));
        assertTrue(breaks.isBoundary(10));
        assertFalse(breaks.isBoundary(7));
        assertEquals(10, breaks.current());
        assertEquals(text.length(), breaks.last());
        assertEquals(10, breaks.previous());
        assertEquals(BreakIterator.DONE, breaks.next(5));
        assertEquals('O', breaks.getText().first());
    }

    @Test
    void aCloneWalksOnItsOwn() {
        IcuBreakIterator breaks = sentences("en");
        breaks.setText("One. Two. Three.");
        breaks.first();
        IcuBreakIterator copy = breaks.clone();
        assertEquals(5, copy.next());
        assertEquals(10, copy.next());
        assertEquals(5, breaks.next());
    }

    @Test
    void thaiWordsComeFromIcusDictionary() {
        IcuBreakIterator words = new IcuBreakIterator(com.ibm.icu.text.BreakIterator.getWordInstance(ULocale.forLanguageTag("th")));
        // written without spaces, found word by word ("dock workers strike"): the cuts of ICU's dictionary, which a
        // new ICU may move; then this test says where
        assertEquals(List.of("คน", "งาน", "ท่าเรือ", "นัด", "หยุด", "งาน"), pieces(words, "คนงานท่าเรือนัดหยุดงาน"));
    }
}
