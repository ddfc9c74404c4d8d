package org.internationale.archive.control;

import org.internationale.locale.control.LanguageConfiguration;
import org.internationale.testing.ManualClock;
import org.internationale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScheduledBackupsTest {

    @TempDir
    Path dataDir;

    @Test
    void intervalsAreWrittenAsPeopleWriteThem() {
        assertEquals(Duration.ofHours(24), ScheduledBackups.interval("24h"));
        assertEquals(Duration.ofMinutes(30), ScheduledBackups.interval("30m"));
        assertEquals(Duration.ofDays(7), ScheduledBackups.interval("7d"));
        assertEquals(Duration.ofHours(12), ScheduledBackups.interval("PT12H"));
        assertThrows(IllegalStateException.class, () -> ScheduledBackups.interval("daily"));
        assertThrows(IllegalStateException.class, () -> ScheduledBackups.interval("10s"), "a backup a few seconds apart is a mistake");
    }

    @Test
    void eachBackupIsWholeAndOnlyTheNewestAreKept() throws Exception {
        try (TestDatabase database = new TestDatabase()) {
            ScheduledBackups backups = new ScheduledBackups();
            backups.dataDir = dataDir.toString();
            backups.keep = 2;
            backups.passphrase = Optional.empty();
            ArchiveWriter writer = new ArchiveWriter();
            writer.dataSource = database.dataSource();
            writer.languages = LanguageConfiguration.parse("en", "en", "");
            writer.clock = Clock.fixed(Instant.parse("2026-12-07T09:00:00Z"), ZoneOffset.UTC);
            backups.writer = writer;
            ManualClock clock = new ManualClock(Instant.parse("2026-12-07T10:00:00Z"));
            backups.clock = clock;
            for (int i = 0; i < 3; i++) {
                backups.backUpNow();
                clock.advance(Duration.ofHours(1));
            }
            List<String> kept;
            try (Stream<Path> files = Files.list(dataDir.resolve("backups"))) {
                kept = files.map(p -> p.getFileName().toString()).sorted().toList();
            }
            assertEquals(List.of("internationale-20261207T110000Z.zip", "internationale-20261207T120000Z.zip"), kept,
                    "the two newest, and no half-written file");
            assertTrue(Files.size(dataDir.resolve("backups/internationale-20261207T120000Z.zip")) > 1000);
        }
    }
}
