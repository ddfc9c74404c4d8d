package org.internationale.translation.entity;

import java.util.List;
import java.util.Map;

/**
 * Where a language stands: segments and words per state, and the list to work on — outdated first (readers see
 * them flagged), then missing, then drafts sent back or unfinished, then what waits for review.
 */
public record Progress(String language, Count total, Map<String, Count> counts, List<Item> work) {

    public record Count(int segments, int words) {
        public Count plus(int words) {
            return new Count(segments + 1, this.words + words);
        }
    }

    public record Item(String id, String state, String reviewState, int words, int sourceRevision, Integer basedOnRevision,
                       String reviewComment) {
    }
}
