package org.internationale.search.entity;

import java.util.List;
import java.util.Map;

/** The answer of {@code GET /api/search}. */
public record SearchResult(String query, String language, long total, int page, int size, List<Hit> hits,
                           Map<String, Map<String, Integer>> facets, String suggestion) {

    /** One translation group, shown in the best language the reader's chain has it in. */
    public record Hit(String id, String type, String language, String title, String snippet, String url, float score,
                      List<String> alsoIn) {
    }
}
