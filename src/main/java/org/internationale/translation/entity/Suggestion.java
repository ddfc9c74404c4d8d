package org.internationale.translation.entity;

/** A translation-memory suggestion: an earlier translation of similar source text, with how similar it is. */
public record Suggestion(int match, String source, String translation, String segment, int sourceRevision) {
}
