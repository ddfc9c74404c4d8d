package org.internationale.search.control;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;

/**
 * Lucene's passage score (BM25 over a passage's distinct terms, times the passage's position norm), computed without
 * the {@code BytesRefHash} Lucene's {@link PassageScorer} builds for every candidate passage to find its distinct
 * terms: each hash takes a 32 KB block, and at one per sentence with a match that was a quarter of all the bytes a
 * search request allocated (profiled at 100 000 texts), paid back in young collections that land on the slowest
 * requests. A passage has a handful of matches, so distinct terms are found by comparing with the matches before.
 * Terms are summed in order of first appearance, as Lucene's hash numbers them, so the score is the same float.
 */
final class LeanPassageScorer extends PassageScorer {

    @Override
    public float score(Passage passage, int contentLength) {
        int matches = passage.getNumMatches();
        double score = 0;
        for (int i = 0; i < matches; i++) {
            if (seenBefore(passage, i)) {
                continue;
            }
            int occurrences = 1;
            for (int j = i + 1; j < matches; j++) {
                if (passage.getMatchTerms()[j].bytesEquals(passage.getMatchTerms()[i])) {
                    occurrences++;
                }
            }
            score += tf(occurrences, passage.getLength()) * weight(contentLength, passage.getMatchTermFreqsInDoc()[i]);
        }
        score *= norm(passage.getStartOffset());
        return (float) score;
    }

    private static boolean seenBefore(Passage passage, int match) {
        for (int earlier = 0; earlier < match; earlier++) {
            if (passage.getMatchTerms()[earlier].bytesEquals(passage.getMatchTerms()[match])) {
                return true;
            }
        }
        return false;
    }
}
