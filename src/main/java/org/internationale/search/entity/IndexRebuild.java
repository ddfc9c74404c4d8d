package org.internationale.search.entity;

import java.time.Instant;

/**
 * What the last full rebuild of the index did: how many texts (translations) of how many translation groups it
 * indexed, in how long, and when it finished. {@code millis} is the indexing until every text was searchable;
 * {@code mergeMillis} the merge into one segment that followed (searches went on meanwhile).
 */
public record IndexRebuild(int texts, int groups, long millis, long mergeMillis, Instant finishedAt) {

    public double textsPerSecond() {
        return millis == 0 ? texts : texts * 1000.0 / millis;
    }
}
