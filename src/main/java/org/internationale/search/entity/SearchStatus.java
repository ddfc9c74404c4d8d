package org.internationale.search.entity;

/**
 * The answer of {@code GET /api/admin/search/status}: the schema version of the index, how many texts it holds, whether
 * a rebuild is running, and the last rebuild since start-up (null when the index was already there).
 */
public record SearchStatus(int schemaVersion, int texts, boolean rebuilding, IndexRebuild lastRebuild) {
}
