package org.internationale.platform.entity;

/**
 * A clause (or a section title) as served to a reader: its Markdown {@code text}, the {@code html} CommonMark
 * made of it, and the provenance of the language it is in ({@code convertedFrom}: the language's other script that
 * software converted it from, see {@code ScriptConversion}).
 */
public record ServedClause(String id, String form, String text, String html, String language, String direction,
                           boolean fallback, boolean outdated, boolean reviewed, String translatedFrom, String convertedFrom) {
}
