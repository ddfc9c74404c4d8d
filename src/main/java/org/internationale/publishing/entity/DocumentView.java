package org.internationale.publishing.entity;

import java.time.Instant;
import java.util.List;

/**
 * A published document as a reader gets it: wholly in one language ({@code language}), which may be a fallback from
 * the one they asked for; {@code languages} lists every language it is out in.
 */
public record DocumentView(long id, String type, String slug, String requested, String language, String direction,
                           boolean fallback, boolean outdated, boolean reviewed, String translatedFrom, String title,
                           String summary, String body, String html, Instant publishedAt, String publishedDate,
                           List<String> demands, List<String> languages) {
}
