package org.internationale.publishing.entity;

import java.util.Set;

/** CDI event: a document went out in these languages (its first publication, or languages released later). */
public record DocumentPublished(long documentId, DocumentType type, Set<String> languages) {
}
