package org.internationale.platform.entity;

import java.time.Instant;
import java.util.List;

/** One clause in the negotiated language with the history of its source text. */
public record ClauseDetail(String id, String section, String form, String text, String html, String language,
                           String direction, boolean fallback, boolean outdated, boolean reviewed, String translatedFrom,
                           String requested, String sourceLanguage, int sourceRevision, List<Revision> revisions,
                           String convertedFrom) {

    public record Revision(int number, Instant time, String changeKind, String author, String message) {
    }

    public record RevisionText(String id, int number, Instant time, String changeKind, String author, String message,
                               String text, String html) {
    }
}
