package org.internationale.translation.control;

import org.internationale.text.control.SegmentStore;

import java.time.Clock;

/** Builds a {@link TranslationImport} outside the container, for persistence tests. */
public final class TranslationImports {

    private TranslationImports() {
    }

    public static TranslationImport create(SegmentStore segments, Clock clock) {
        TranslationImport translationImport = new TranslationImport();
        translationImport.segments = segments;
        translationImport.clock = clock;
        return translationImport;
    }
}
