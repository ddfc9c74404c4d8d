package org.internationale.search.entity;

import java.util.List;
import java.util.Map;

/** The answer of {@code GET /api/search}. */
public record SearchResult(String query, String language, long total, int page, int size, List<Hit> hits,
                           Map<String, Map<String, Integer>> facets, String suggestion) {

    /**
     * One translation group, shown in the best language the reader's chain has it in; found only in the other script
     * of the reader's language, it is shown converted into theirs ({@code convertedFrom} names the script's language).
     */
    public record Hit(String id, String type, String language, String title, String snippet, String url, float score,
                      List<String> alsoIn, String convertedFrom) {
    }
}
