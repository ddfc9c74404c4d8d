package org.internationale.archive.entity;

/**
 * A column of an archived table with its portable type: {@code integer}, {@code decimal}, {@code boolean},
 * {@code timestamptz} (an instant, written in UTC), {@code timestamp}, {@code date}, {@code bytes} (base64) or
 * {@code text} — the names are the archive's, so H2 and PostgreSQL read the same archive.
 */
public record ArchiveColumn(String name, String type) {
}
