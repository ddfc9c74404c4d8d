package org.internationale.archive.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import org.internationale.archive.entity.ArchiveManifest;
import org.internationale.archive.entity.ArchiveTable;
import org.internationale.locale.control.LanguageRegistry;
import org.internationale.locale.entity.Language;
import org.internationale.system.control.NotClosingStream;
import org.internationale.system.control.SchemaMigration;
import org.internationale.translation.control.TranslationExchange;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the archive: every table as JSON Lines ({@code data/<table>.jsonl}), the sequences ({@code sequences.json}),
 * each language's translated texts as a PO file for people ({@code translations/<lang>.po}), and last
 * {@code manifest.json}. The tables are read in one read-only snapshot transaction (PostgreSQL's repeatable read, H2's
 * snapshot isolation): what people write and what a campaign sends meanwhile is either wholly in the archive or not.
 */
@ApplicationScoped
public class ArchiveWriter {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final Logger LOG = Logger.getLogger(ArchiveWriter.class.getName());

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    @Inject
    TranslationExchange exchange;

    @Inject
    LanguageRegistry languages;

    @Inject
    Clock clock;

    /**
     * @param passphrase null for a plain zip; else the zip encrypted as OpenPGP
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void write(OutputStream out, String passphrase) throws IOException {
        if (passphrase != null) {
            ArchiveEncryption.checkPassphrase(passphrase);
            try (OutputStream encrypted = ArchiveEncryption.encrypting(out, passphrase, "internationale-archive.zip")) {
                zip(encrypted);
            }
        } else {
            zip(new NotClosingStream(out));
        }
    }

    private void zip(OutputStream out) throws IOException {
        Map<String, String> sums = new LinkedHashMap<>();
        List<ArchiveTable> written = new ArrayList<>();
        String schemaVersion;
        String database;
        Instant createdAt = clock.instant();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            try (Connection connection = dataSource.getConnection()) {
                boolean autoCommit = connection.getAutoCommit();
                int isolation = connection.getTransactionIsolation();
                boolean postgres = ArchiveTables.isPostgres(connection);
                try {
                    begin(connection, postgres);
                    database = connection.getMetaData().getDatabaseProductName() + " " + connection.getMetaData().getDatabaseProductVersion();
                    schemaVersion = schemaVersion(connection);
                    for (ArchiveTable table : ArchiveTables.tables(connection)) {
                        written.add(table.withRows(writeTable(zip, connection, table, sums)));
                    }
                    JsonObjectBuilder sequences = Json.createObjectBuilder();
                    ArchiveTables.sequences(connection).forEach(sequences::add);
                    entry(zip, "sequences.json", (sequences.build().toString() + "\n").getBytes(StandardCharsets.UTF_8), sums);
                    connection.commit();
                } finally {
                    try {
                        if (!postgres) {
                            try (Statement reset = connection.createStatement()) {
                                reset.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED");
                            }
                        }
                        connection.setTransactionIsolation(isolation);
                        connection.setAutoCommit(autoCommit);
                    } catch (SQLException e) {
                        // the pool validates the connection before it lends it again
                    }
                }
            } catch (SQLException e) {
                throw new IOException("the database could not be read for the archive: " + e.getMessage(), e);
            }
            for (Language language : languages.languages()) {
                if (!language.tag().equals(languages.source())) {
                    byte[] po;
                    try {
                        po = exchange.translatedPo(language.tag(), languages.source()).getBytes(StandardCharsets.UTF_8);
                    } catch (RuntimeException e) {
                        // the PO files are for people; the archive is whole without one, never cut by one
                        LOG.log(Level.WARNING, "The archive goes out without translations/" + language.tag() + ".po", e);
                        continue;
                    }
                    entry(zip, "translations/" + language.tag().value() + ".po", po, sums);
                }
            }
            ZipEntry manifest = new ZipEntry(ArchiveManifest.ENTRY);
            zip.putNextEntry(manifest);
            zip.write(new ArchiveManifest(ArchiveManifest.FORMAT, application(), schemaVersion, createdAt, database, written, sums).json());
            zip.closeEntry();
        }
    }

    /** A snapshot for the whole read: PostgreSQL's repeatable read is one; H2 names it so. */
    private static void begin(Connection connection, boolean postgres) throws SQLException {
        connection.setAutoCommit(false);
        if (postgres) {
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement readOnly = connection.createStatement()) {
                readOnly.execute("SET TRANSACTION READ ONLY");
            }
        } else {
            connection.commit();
            try (Statement snapshot = connection.createStatement()) {
                snapshot.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SNAPSHOT");
            }
        }
    }

    static String schemaVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet version = statement.executeQuery("SELECT version FROM " + ArchiveTables.HISTORY
                     + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC")) {
            return version.next() ? version.getString(1) : "0";
        }
    }

    private static long writeTable(ZipOutputStream zip, Connection connection, ArchiveTable table, Map<String, String> sums) throws IOException, SQLException {
        zip.putNextEntry(new ZipEntry(table.entry()));
        MessageDigest digest = sha256();
        DigestOutputStream out = new DigestOutputStream(new NotClosingStream(zip), digest);
        long rows = 0;
        try (PreparedStatement select = connection.prepareStatement(ArchiveTables.select(table))) {
            select.setFetchSize(500);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    out.write((ArchiveTables.row(result, table.columns()).toString() + "\n").getBytes(StandardCharsets.UTF_8));
                    rows++;
                }
            }
        }
        out.flush();
        zip.closeEntry();
        sums.put(table.entry(), HexFormat.of().formatHex(digest.digest()));
        return rows;
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content, Map<String, String> sums) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
        sums.put(name, HexFormat.of().formatHex(sha256().digest(content)));
    }

    /** {@code internationale-<UTC time>.zip}, {@code .zip.gpg} when encrypted: what a download and a backup are called. */
    public static String fileName(Instant at, boolean encrypted) {
        return "internationale-" + STAMP.format(at) + (encrypted ? ".zip.gpg" : ".zip");
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String application() {
        Properties properties = new Properties();
        try (InputStream in = ArchiveWriter.class.getResourceAsStream("/internationale-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "internationale " + properties.getProperty("version", "unknown");
    }

}
