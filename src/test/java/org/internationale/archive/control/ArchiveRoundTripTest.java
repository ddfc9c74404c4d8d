package org.internationale.archive.control;

import org.flywaydb.core.Flyway;
import org.internationale.archive.entity.ArchiveManifest;
import org.internationale.archive.entity.ArchiveRefusedException;
import org.internationale.locale.control.LanguageConfiguration;
import org.internationale.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The archive on real databases (H2, or PostgreSQL when the build gives one), without a container: written, restored
 * into an empty database, written again with the same content; and every damaged or wrong archive refused with
 * nothing written.
 */
class ArchiveRoundTripTest {

    private static final String PASSPHRASE = "correct horse battery staple";
    private TestDatabase source;
    private final List<TestDatabase> targets = new ArrayList<>();
    @TempDir
    Path folder;

    @BeforeEach
    void fill() throws SQLException {
        source = new TestDatabase();
        fill(source);
    }

    /** A campaign of 30 messages, 12 sent, and the secret its links are signed with: tables that exist since V5. */
    private static void fill(TestDatabase database) throws SQLException {
        try (Connection connection = database.dataSource().getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO document (id, type, source_language, state, coordinated, revision, created_by, created_at, version)"
                    + " VALUES (900, 'NEWSLETTER', 'en', 'PUBLISHED', FALSE, 1, 'editor', TIMESTAMP WITH TIME ZONE '2026-11-26 10:00:00.123456+00', 1)");
            sql.execute("INSERT INTO campaign (id, newsletter_id, topics, required_languages, state, base_url, created_by, created_at, version)"
                    + " VALUES (900, 900, 'news', '', 'SENDING', 'http://localhost/', 'editor', CURRENT_TIMESTAMP, 1)");
            sql.execute("INSERT INTO shared_secret (name, secret) VALUES ('links', 'a-secret-links-depend-on')");
            for (int i = 0; i < 30; i++) {
                sql.execute("INSERT INTO delivery (id, campaign_id, subscriber_id, email, domain, language, wanted_language, state, attempts,"
                        + " next_attempt_at) VALUES (nextval('delivery_seq'), 900, " + (1000 + i) + ", 'm" + i + "@example.org', 'example.org', 'es',"
                        + " 'es', '" + (i < 12 ? "SENT" : "PENDING") + "', 0, CURRENT_TIMESTAMP)");
            }
        }
    }

    @AfterEach
    void close() {
        source.close();
        targets.forEach(TestDatabase::close);
    }

    private TestDatabase empty() {
        TestDatabase target = TestDatabase.empty();
        targets.add(target);
        return target;
    }

    private static ArchiveWriter writer(DataSource dataSource) {
        ArchiveWriter writer = new ArchiveWriter();
        writer.dataSource = dataSource;
        // the source language only: no translation to write as PO (that needs the translation feature's beans)
        writer.languages = LanguageConfiguration.parse("en", "en", "");
        writer.clock = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);
        return writer;
    }

    private Path archive(DataSource dataSource, String passphrase, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer(dataSource).write(out, passphrase);
        Path file = folder.resolve(name);
        Files.write(file, out.toByteArray());
        return file;
    }

    private static Consumer<String> migrateTo(DataSource dataSource) {
        return version -> Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(version).load().migrate();
    }

    private static String latest(DataSource dataSource) {
        var all = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().info().all();
        return all[all.length - 1].getVersion().getVersion();
    }

    private String restore(Path archive, String passphrase, TestDatabase target) {
        DataSource dataSource = target.dataSource();
        String done = ArchiveRestore.restore(archive, passphrase, dataSource, migrateTo(dataSource), latest(dataSource), folder.resolve("data-" + targets.indexOf(target)));
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return done;
    }

    private static ArchiveManifest manifest(Path archive) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals(ArchiveManifest.ENTRY)) {
                    return ArchiveManifest.read(jakarta.json.Json.createReader(new ByteArrayInputStream(zip.readAllBytes())).readObject());
                }
            }
        }
        throw new AssertionError("no manifest");
    }

    private static long count(TestDatabase database, String table) throws SQLException {
        try (Connection connection = database.dataSource().getConnection(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT count(*) FROM " + table)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static boolean hasNoTables(TestDatabase database) throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            return ArchiveTables.tables(connection).isEmpty();
        }
    }

    @Test
    void anArchiveOfAnOlderSchemaRestoresAndTheNewerMigrationsRunAfterItsRows() throws Exception {
        TestDatabase older = empty();
        migrateTo(older.dataSource()).accept("10");
        fill(older);
        Path archive = archive(older.dataSource(), null, "older.zip");
        assertEquals("10", manifest(archive).schemaVersion());
        assertTrue(manifest(archive).tables().stream().noneMatch(t -> t.name().equals("content_change")), "V11's table is not in it");

        TestDatabase target = empty();
        String done = restore(archive, null, target);
        assertTrue(done.startsWith("Restored "), done);
        assertEquals(30, count(target, "delivery"));
        assertEquals(0, count(target, "content_change"), "the migration newer than the archive ran after the import");
        assertEquals(latest(target.dataSource()), Flyway.configure().dataSource(target.dataSource()).locations("classpath:db/migration").load()
                .info().current().getVersion().getVersion());
    }

    @Test
    void archiveRestoreArchiveKeepsEveryRowIdAndSecretAndTheSameChecksums() throws Exception {
        Path first = archive(source.dataSource(), null, "first.zip");
        ArchiveManifest written = manifest(first);
        assertEquals(ArchiveManifest.FORMAT, written.format());
        assertEquals(30, written.tables().stream().filter(t -> t.name().equals("delivery")).findFirst().orElseThrow().rows());
        assertTrue(written.tables().stream().map(t -> t.name()).toList().indexOf("campaign")
                < written.tables().stream().map(t -> t.name()).toList().indexOf("delivery"), "a table comes after those it references");

        TestDatabase target = empty();
        String done = restore(first, null, target);
        assertTrue(done.startsWith("Restored "), done);
        assertEquals(30, count(target, "delivery"));
        assertEquals(1, count(target, "shared_secret"), "the secrets links depend on");
        try (Connection connection = target.dataSource().getConnection(); Statement sql = connection.createStatement();
             ResultSet next = sql.executeQuery("SELECT nextval('delivery_seq')")) {
            next.next();
            try (Statement max = connection.createStatement(); ResultSet highest = max.executeQuery("SELECT max(id) FROM delivery")) {
                highest.next();
                assertTrue(next.getLong(1) > highest.getLong(1), "new ids continue after the restored ones");
            }
        }

        Path second = archive(target.dataSource(), null, "second.zip");
        Map<String, String> before = new TreeMap<>(written.sha256());
        Map<String, String> after = new TreeMap<>(manifest(second).sha256());
        before.remove("sequences.json");
        after.remove("sequences.json");
        assertEquals(before, after, "archive → restore → archive: the same content, table by table");
    }

    @Test
    void anEncryptedArchiveOpensWithItsPassphraseOnlyAndGpgReadsIt() throws Exception {
        Path encrypted = archive(source.dataSource(), PASSPHRASE, "archive.zip.gpg");
        assertTrue(ArchiveEncryption.isEncrypted(Files.readAllBytes(encrypted)[0] & 0xff));
        TestDatabase refused = empty();
        ArchiveRefusedException wrong = assertThrows(ArchiveRefusedException.class, () -> restore(encrypted, "a wrong passphrase!", refused));
        assertTrue(wrong.getMessage().contains("passphrase"), wrong.getMessage());
        assertTrue(hasNoTables(refused), "nothing written");
        assertThrows(ArchiveRefusedException.class, () -> restore(encrypted, null, refused), "no passphrase given");

        TestDatabase target = empty();
        restore(encrypted, PASSPHRASE, target);
        assertEquals(30, count(target, "delivery"));

        Path gpg = Path.of("/usr/bin/gpg");
        if (Files.isExecutable(gpg)) {
            Path home = Files.createDirectories(folder.resolve("gnupg"));
            Path clear = folder.resolve("from-gpg.zip");
            Process process = new ProcessBuilder(gpg.toString(), "--homedir", home.toString(), "--batch", "--yes", "--pinentry-mode", "loopback",
                    "--passphrase", PASSPHRASE, "--output", clear.toString(), "--decrypt", encrypted.toString()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, process.exitValue(), output);
            assertEquals(30, manifest(clear).tables().stream().filter(t -> t.name().equals("delivery")).findFirst().orElseThrow().rows(),
                    "gpg --decrypt gives the archive back");
        }
    }

    @Test
    void aDamagedCutOrNewerArchiveIsRefusedAndNothingIsWritten() throws Exception {
        byte[] bytes = Files.readAllBytes(archive(source.dataSource(), null, "good.zip"));

        byte[] flipped = bytes.clone();
        flipped[flipped.length / 3] ^= 0x5a;
        Path flippedFile = Files.write(folder.resolve("flipped.zip"), flipped);
        TestDatabase one = empty();
        assertThrows(ArchiveRefusedException.class, () -> restore(flippedFile, null, one));
        assertTrue(hasNoTables(one), "nothing written for a flipped byte");

        Path cut = Files.write(folder.resolve("cut.zip"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        TestDatabase two = empty();
        ArchiveRefusedException truncated = assertThrows(ArchiveRefusedException.class, () -> restore(cut, null, two));
        assertTrue(hasNoTables(two), "nothing written for a cut archive: " + truncated.getMessage());

        Path newer = folder.resolve("newer.zip");
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes)); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(newer))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals(ArchiveManifest.ENTRY)) {
                    content = new String(content, StandardCharsets.UTF_8).replaceFirst("\"format\":1", "\"format\":2").getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
        TestDatabase three = empty();
        ArchiveRefusedException newerFormat = assertThrows(ArchiveRefusedException.class, () -> restore(newer, null, three));
        assertTrue(newerFormat.getMessage().contains("format 2"), newerFormat.getMessage());
        assertTrue(hasNoTables(three));
    }

    @Test
    void aDatabaseThatHoldsDataIsRefusedAndKeepsItsRows() throws Exception {
        Path archive = archive(source.dataSource(), null, "archive.zip");
        TestDatabase used = new TestDatabase();
        targets.add(used);
        try (Connection connection = used.dataSource().getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO shared_secret (name, secret) VALUES ('links', 'its-own-secret')");
        }
        ArchiveRefusedException refused = assertThrows(ArchiveRefusedException.class, () -> restore(archive, null, used));
        assertTrue(refused.getMessage().contains("already holds data"), refused.getMessage());
        assertEquals(1, count(used, "shared_secret"));
        assertEquals(0, count(used, "delivery"));
    }
}
