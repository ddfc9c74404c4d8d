package org.internationale.translation.control;

import org.internationale.system.entity.ContentChanged;
import org.internationale.testing.RecordingEvent;
import org.internationale.text.control.SegmentStore;

import java.time.Clock;

/** Builds a {@link TranslationImport} outside the container, for persistence tests. */
public final class TranslationImports {

    private TranslationImports() {
    }

    public static TranslationImport create(SegmentStore segments, Clock clock) {
        return create(segments, clock, new RecordingEvent<>());
    }

    public static TranslationImport create(SegmentStore segments, Clock clock, RecordingEvent<ContentChanged> changes) {
        TranslationImport translationImport = new TranslationImport();
        translationImport.segments = segments;
        translationImport.clock = clock;
        translationImport.contentChanged = changes;
        return translationImport;
    }
}
