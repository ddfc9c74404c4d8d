package org.internationale.search.entity;

/**
 * The answer of {@code GET /api/admin/search/status}: the schema version of the index, how many texts it holds, whether
 * a rebuild is running, the last rebuild since start-up (null when the index was already there), and where this
 * instance's index stands in the search change log: the position up to which it has every change, and how many
 * recorded changes lie beyond it (a few for a second after each change; more means this index is falling behind).
 */
public record SearchStatus(int schemaVersion, int texts, boolean rebuilding, IndexRebuild lastRebuild, long changesApplied,
                           long changesPending) {
}
