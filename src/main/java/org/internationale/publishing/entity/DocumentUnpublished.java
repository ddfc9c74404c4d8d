package org.internationale.publishing.entity;

/** CDI event: a document was withdrawn from readers. */
public record DocumentUnpublished(long documentId, DocumentType type) {
}
