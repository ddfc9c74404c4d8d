package org.internationale.search.control;

import org.internationale.search.entity.SearchChange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChangeCursorTest {

    private static final Instant T0 = Instant.parse("2026-11-27T05:00:00Z");

    private static List<SearchChange> changes(long... ids) {
        return Arrays.stream(ids).mapToObj(id -> new SearchChange(id, SearchChange.documentTarget(id))).toList();
    }

    private static List<Long> ids(List<SearchChange> changes) {
        return changes.stream().map(SearchChange::id).toList();
    }

    @Test
    void movesOverChangesAppliedWithoutGaps() {
        ChangeCursor cursor = new ChangeCursor(10);
        List<SearchChange> due = cursor.unapplied(changes(9, 10, 11, 12));
        assertEquals(List.of(11L, 12L), ids(due), "what lies at or below the position is applied already");
        assertTrue(cursor.applied(due, T0));
        assertEquals(12, cursor.position());
        assertFalse(cursor.applied(List.of(), T0.plusSeconds(1)), "nothing new: the position stays");
    }

    @Test
    void waitsAtAGapButAppliesWhatLiesAboveItOnce() {
        ChangeCursor cursor = new ChangeCursor(10);
        // 11 is recorded by a transaction that has not committed yet
        List<SearchChange> first = cursor.unapplied(changes(12, 13));
        cursor.applied(first, T0);
        assertEquals(10, cursor.position(), "11 may still come");
        assertEquals(List.of(), cursor.unapplied(changes(12, 13)), "12 and 13 are not applied again on the next reading");

        List<SearchChange> late = cursor.unapplied(changes(11, 12, 13));
        assertEquals(List.of(11L), ids(late));
        assertTrue(cursor.applied(late, T0.plusSeconds(30)));
        assertEquals(13, cursor.position(), "the gap filled: the position moves over all three");
    }

    @Test
    void movesPastAGapThatLastsLongerThanItsPatience() {
        ChangeCursor cursor = new ChangeCursor(10);
        // 11 to 40 never come: a rolled-back transaction and a block of numbers the sequence skipped
        cursor.applied(cursor.unapplied(changes(41, 42)), T0);
        assertFalse(cursor.applied(List.of(), T0.plus(ChangeCursor.PATIENCE).minusSeconds(1)));
        assertEquals(10, cursor.position());
        assertTrue(cursor.applied(List.of(), T0.plus(ChangeCursor.PATIENCE)));
        assertEquals(42, cursor.position(), "the whole gap is passed at once, not one id per patience");
    }

    @Test
    void aNewGapWaitsItsOwnPatience() {
        ChangeCursor cursor = new ChangeCursor(0);
        cursor.applied(cursor.unapplied(changes(2)), T0);
        cursor.applied(List.of(), T0.plus(ChangeCursor.PATIENCE));
        assertEquals(2, cursor.position());
        Instant later = T0.plus(ChangeCursor.PATIENCE).plus(Duration.ofSeconds(5));
        cursor.applied(cursor.unapplied(changes(4)), later);
        assertEquals(2, cursor.position(), "3 is a new gap, noticed just now");
        cursor.applied(List.of(), later.plus(ChangeCursor.PATIENCE).minusSeconds(1));
        assertEquals(2, cursor.position());
    }
}
