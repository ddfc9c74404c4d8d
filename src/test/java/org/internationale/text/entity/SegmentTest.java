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

    /** The order rows arrive in when revisions are fetched with a join is the database plan's, not the history's. */
    @Test
    void historyAndStatesDoNotDependOnTheOrderRevisionsWereLoadedIn() throws ReflectiveOperationException {
        Segment segment = segment();
        segment.revise("Stop all evictions and foreclosures.", ChangeKind.MEANING, "ed", null, T);
        segment.revise("Stop all evictions and foreclosures!", ChangeKind.WORDING, "ed", null, T);
        Translation translation = new Translation(segment, ES);
        translation.revise("Detener todos los desalojos.", 1, null, "maria", null, ReviewState.APPROVED, T);
        translation.revise("Detener los desalojos y las ejecuciones.", 2, null, "maria", null, ReviewState.APPROVED, T);
        reverse(segment, "revisions");
        reverse(translation, "revisions");

        assertEquals(3, segment.latest().number());
        assertEquals(2, segment.lastMeaningRevision());
        assertEquals(java.util.List.of(1, 2, 3), segment.revisions().stream().map(SourceRevision::number).toList());
        assertEquals(2, translation.latest().number());
        assertEquals(TranslationState.CURRENT, segment.stateOf(translation));
    }

    @SuppressWarnings("unchecked")
    private static void reverse(Object entity, String field) throws ReflectiveOperationException {
        java.lang.reflect.Field list = entity.getClass().getDeclaredField(field);
        list.setAccessible(true);
        java.util.Collections.reverse((java.util.List<Object>) list.get(entity));
    }
}
