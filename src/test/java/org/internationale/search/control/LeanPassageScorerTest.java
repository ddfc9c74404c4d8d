package org.internationale.search.control;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lean scorer gives Lucene's passage score, to the bit, for passages of repeated and distinct terms. */
class LeanPassageScorerTest {

    private static final List<String> TERMS = List.of("strike", "wage", "union", "grève", "ストライキ", "हड़ताल", "إضراب");

    private static Passage passage(Random random) {
        Passage passage = new Passage();
        int start = random.nextInt(5_000);
        passage.setStartOffset(start);
        // as the highlighter does: a passage's bounds first, then its matches inside them
        passage.setEndOffset(start + 1_000);
        int at = start;
        int matches = 1 + random.nextInt(12);
        for (int i = 0; i < matches; i++) {
            at += 1 + random.nextInt(40);
            String term = TERMS.get(random.nextInt(TERMS.size()));
            // a term's frequency in the document is one number per term, whichever of its matches carries it
            int inDocument = 1 + Math.floorMod(term.hashCode(), 30);
            // a new BytesRef each time, as the highlighter's matches are: equal bytes, not the same object
            passage.addMatch(at, at + term.length(), new BytesRef(term), inDocument);
            at += term.length();
        }
        return passage;
    }

    @Test
    void scoresAsLucenesPassageScorerDoes() {
        Random random = new Random(20261127);
        PassageScorer lucene = new PassageScorer();
        LeanPassageScorer lean = new LeanPassageScorer();
        for (int i = 0; i < 10_000; i++) {
            Passage passage = passage(random);
            int contentLength = passage.getEndOffset() + random.nextInt(20_000);
            assertTrue(passage.getNumMatches() > 0);
            assertEquals(lucene.score(passage, contentLength), lean.score(passage, contentLength), 0f, passage.toString());
        }
    }

    @Test
    void aRepeatedTermScoresMoreThanOnceButLessThanTwoDistinctTerms() {
        LeanPassageScorer lean = new LeanPassageScorer();
        Passage once = new Passage();
        once.setStartOffset(0);
        once.setEndOffset(100);
        once.addMatch(10, 16, new BytesRef("strike"), 3);
        Passage twice = new Passage();
        twice.setStartOffset(0);
        twice.setEndOffset(100);
        twice.addMatch(10, 16, new BytesRef("strike"), 3);
        twice.addMatch(30, 36, new BytesRef("strike"), 3);
        Passage distinct = new Passage();
        distinct.setStartOffset(0);
        distinct.setEndOffset(100);
        distinct.addMatch(10, 16, new BytesRef("strike"), 3);
        distinct.addMatch(30, 34, new BytesRef("wage"), 3);
        assertTrue(lean.score(twice, 1_000) > lean.score(once, 1_000));
        assertTrue(lean.score(distinct, 1_000) > lean.score(twice, 1_000));
    }
}
