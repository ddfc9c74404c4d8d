package org.internationale.publishing.control;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DocumentFormsTest {

    @Test
    void theDemandsFieldTakesIdsByLineOrCommaOnceEach() {
        assertEquals(List.of("demands.a.1", "demands.b.2"),
                List.copyOf(DocumentForms.demands(Map.of("demands", " demands.a.1\r\ndemands.b.2, demands.a.1 ,"))));
        assertEquals(List.of(), List.copyOf(DocumentForms.demands(Map.of("demands", ""))));
    }

    @Test
    void theScheduleIsUtcAndEmptyMeansNow() {
        assertNull(DocumentForms.schedule(null));
        assertNull(DocumentForms.schedule("  "));
        assertEquals(Instant.parse("2026-05-01T09:30:00Z"), DocumentForms.schedule(" 2026-05-01T09:30 "));
        assertThrows(DateTimeParseException.class, () -> DocumentForms.schedule("1 May"));
    }
}
