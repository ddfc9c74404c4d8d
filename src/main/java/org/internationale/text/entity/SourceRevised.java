package org.internationale.text.entity;

/** CDI event: a segment's source text got a new revision. Observers (search, translation memory) react. */
public record SourceRevised(SegmentKey key, int revision, ChangeKind changeKind, String author) {
}
