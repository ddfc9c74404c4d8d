package org.internationale.mailing.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Erasing a subscriber deletes the outbox files addressed to them, and only those. */
class OutboxTest {

    @TempDir
    Path outbox;

    @Test
    void theMessagesToTheAddressGoWhateverItsSpellingAndOthersStay() throws Exception {
        Path theirs = message("1-a.eml", "To: Ana <Ana@Example.org>\r\n");
        Path folded = message("2-b.eml", "To: someone@example.org,\r\n ana@example.org\r\n");
        Path others = message("3-c.eml", "To: someone@example.org\r\n");
        Path mentioned = message("4-d.eml", "To: someone@example.org\r\nSubject: about ana@example.org\r\n");

        assertEquals(2, Outbox.forget(outbox, "ana@example.org"));

        assertFalse(Files.exists(theirs));
        assertFalse(Files.exists(folded));
        assertTrue(Files.exists(others));
        assertTrue(Files.exists(mentioned), "only recipients count");
    }

    @Test
    void noOutboxFolderIsNothingToDo() {
        assertEquals(0, Outbox.forget(outbox.resolve("absent"), "ana@example.org"));
    }

    private Path message(String name, String headers) throws Exception {
        Path file = outbox.resolve(name);
        Files.writeString(file, "From: news@internationale.test\r\n" + headers + "\r\nHello.\r\n", StandardCharsets.UTF_8);
        return file;
    }
}
