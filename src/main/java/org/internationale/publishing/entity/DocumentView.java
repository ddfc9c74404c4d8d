package org.internationale.publishing.entity;

import java.time.Instant;
import java.util.List;

/**
 * A published document as a reader gets it: wholly in one language ({@code language}), which may be a fallback from
 * the one they asked for, or converted by software from the other script of their language ({@code convertedFrom});
 * {@code languages} lists every language it is out in.
 */
public record DocumentView(long id, String type, String slug, String requested, String language, String direction,
                           boolean fallback, boolean outdated, boolean reviewed, String translatedFrom, String title,
                           String summary, String body, String html, Instant publishedAt, String publishedDate,
                           List<String> demands, List<String> languages, String convertedFrom) {
}
