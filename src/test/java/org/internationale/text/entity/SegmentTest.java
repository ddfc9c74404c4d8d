package org.internationale.text.entity;

import org.internationale.locale.entity.LanguageTag;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SegmentTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final LanguageTag ES = LanguageTag.of("es");

    private static Segment segment() {
        Segment segment = new Segment(new SegmentKey("demands.housing.halt-evictions"), LanguageTag.of("en"));
        segment.revise("Stop all evictions.", ChangeKind.WORDING, "seed", "first", T);
        return segment;
    }

    @Test
    void everyChangeIsANewRevisionAndTheSameTextIsNone() {
        Segment segment = segment();
        assertEquals(1, segment.latest().number());
        assertEquals(ChangeKind.MEANING, segment.latest().changeKind(), "the first text always brings meaning");
        assertTrue(segment.revise("Stop all evictions.", ChangeKind.MEANING, "ed", "again", T).isEmpty());
        segment.revise("Stop all evictions now.", ChangeKind.WORDING, "ed", "sharper", T.plusSeconds(60));
        assertEquals(2, segment.latest().number());
        assertEquals("Stop all evictions.", segment.revision(1).orElseThrow().text(), "old revisions stay readable");
        assertEquals("ed", segment.latest().author());
    }

    @Test
    void onlyAMeaningChangeMakesTranslationsOutdated() {
        Segment segment = segment();
        Translation translation = new Translation(segment, ES);
        assertEquals(TranslationState.MISSING, segment.stateOf(translation));
        translation.revise("Detener todos los desalojos.", 1, null, "maria", null, ReviewState.APPROVED, T);
        assertEquals(TranslationState.CURRENT, segment.stateOf(translation));

        segment.revise("Stop all evicitons.", ChangeKind.TYPO, "ed", null, T);
        segment.revise("Stop all evictions!", ChangeKind.WORDING, "ed", null, T);
        assertEquals(TranslationState.CURRENT, segment.stateOf(translation));

        segment.revise("Stop all evictions and foreclosures.", ChangeKind.MEANING, "ed", null, T);
        assertEquals(TranslationState.OUTDATED, segment.stateOf(translation));

        translation.revise("Detener todos los desalojos y ejecuciones hipotecarias.", 4, null, "maria", null, ReviewState.APPROVED, T);
        assertEquals(TranslationState.CURRENT, segment.stateOf(translation));
        assertEquals(2, translation.revisions().size());
    }

    @Test
    void aTranslationOfUnknownSourceIsOutdated() {
        Segment segment = segment();
        Translation translation = new Translation(segment, ES);
        translation.revise("Texto de una versión que no conocemos.", 0, null, "seed", null, ReviewState.APPROVED, T);
        assertEquals(TranslationState.OUTDATED, segment.stateOf(translation));
    }
}
