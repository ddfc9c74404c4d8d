package org.internationale.publishing.entity;

import java.util.Set;

/**
 * CDI event: a document went out in these languages (its first publication, or languages released later).
 *
 * @param publisherWaits whether whoever published waits until readers can find it: an editor's publish call does (its
 *                       reply means "searchable"); a campaign's start or the publishing schedule does not, and must not
 *                       be held up by the index
 */
public record DocumentPublished(long documentId, DocumentType type, Set<String> languages, boolean publisherWaits) {
}
