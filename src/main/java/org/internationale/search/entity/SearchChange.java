package org.internationale.search.entity;

import org.internationale.text.entity.SegmentKey;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * One row of the search change log: something readers find changed — a document (published, withdrawn, a language
 * released) or a segment (its source revised, a translation approved). The target names what to index again; the id
 * orders the log.
 */
public record SearchChange(long id, String target) {

    private static final String DOCUMENT = "document:";
    private static final String SEGMENT = "segment:";

    /** The target naming a document: published, withdrawn, or a language of it released. */
    public static String documentTarget(long documentId) {
        return DOCUMENT + documentId;
    }

    /** The target naming a segment: its source revised or a translation of it approved. */
    public static String segmentTarget(SegmentKey key) {
        return SEGMENT + key.value();
    }

    /** The document this change is about, when it names one. */
    public OptionalLong documentId() {
        if (target.startsWith(DOCUMENT)) {
            try {
                return OptionalLong.of(Long.parseLong(target.substring(DOCUMENT.length())));
            } catch (NumberFormatException notANumber) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }

    /** The segment key this change is about, when it names one. */
    public Optional<String> segmentKey() {
        return target.startsWith(SEGMENT) ? Optional.of(target.substring(SEGMENT.length())) : Optional.empty();
    }
}
