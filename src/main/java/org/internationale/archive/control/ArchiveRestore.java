package org.internationale.archive.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.api.MigrationVersion;
import org.internationale.archive.entity.ArchiveColumn;
import org.internationale.archive.entity.ArchiveManifest;
import org.internationale.archive.entity.ArchiveRefusedException;
import org.internationale.archive.entity.ArchiveTable;
import org.internationale.system.control.DatabaseSettings;
import org.internationale.system.control.FolderTree;
import org.internationale.system.entity.SchemaMigrating;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * {@code RESTORE_FROM}: at start-up, before the schema is brought up to date, an archive is restored into the empty
 * database. Everything is checked first (the archive's integrity and format, the passphrase, an empty database, a
 * schema version this build knows); only then is the database brought to the archive's schema version and every
 * table loaded in one transaction, with the sequences set past the archived ids. The newer migrations then run as at
 * any start. A start with the same {@code RESTORE_FROM} onto the database it filled is recognised and goes on.
 */
@ApplicationScoped
public class ArchiveRestore {

    private static final Logger LOG = Logger.getLogger(ArchiveRestore.class.getName());
    static final String MARKER = "restored-from.sha256";
    private static final int BATCH = 500;

    @Inject
    @ConfigProperty(name = "RESTORE_FROM")
    Optional<String> restoreFrom;

    @Inject
    @ConfigProperty(name = "RESTORE_PASSPHRASE")
    Optional<String> passphrase;

    @Inject
    @ConfigProperty(name = DatabaseSettings.DATA_DIR)
    String dataDir;

    void onMigrating(@Observes SchemaMigrating migrating) {
        Optional<String> from = restoreFrom.map(String::strip).filter(s -> !s.isEmpty());
        if (from.isEmpty()) {
            return;
        }
        Path archive = Path.of(from.get()).toAbsolutePath();
        LOG.info(() -> "RESTORE_FROM=" + archive + ": checking the archive");
        String summary = restore(archive, passphrase.filter(p -> !p.isEmpty()).orElse(null), migrating.dataSource(),
                migrating.migrateTo(), migrating.latestVersion(), Path.of(dataDir));
        LOG.info(summary);
    }

    /**
     * Restores {@code archive} into the database of {@code dataSource}, or explains why not; nothing is written to the
     * database unless every check passed.
     *
     * @return what was done, for the log
     */
    static String restore(Path archive, String passphrase, DataSource dataSource, Consumer<String> migrateTo, String latestVersion,
                          Path dataDir) {
        if (!Files.isRegularFile(archive)) {
            throw new ArchiveRefusedException("RESTORE_FROM names no archive file: " + archive);
        }
        Path work = null;
        try {
            Files.createDirectories(dataDir);
            work = Files.createTempDirectory(dataDir, "restore-");
            ArchiveReader.Verified verified = ArchiveReader.verify(archive, passphrase, work);
            ArchiveManifest manifest = verified.manifest();
            if (MigrationVersion.fromVersion(manifest.schemaVersion()).compareTo(MigrationVersion.fromVersion(latestVersion)) > 0) {
                throw new ArchiveRefusedException("The archive's schema version " + manifest.schemaVersion() + " is newer than this application's ("
                        + latestVersion + "): restore it with " + manifest.application() + " or a newer version.");
            }
            Path marker = dataDir.resolve(MARKER);
            try (Connection connection = dataSource.getConnection()) {
                if (ArchiveTables.holdsData(connection)) {
                    if (Files.isRegularFile(marker) && Files.readString(marker, StandardCharsets.UTF_8).strip().equals(verified.sha256())) {
                        return "RESTORE_FROM: this database was restored from this archive before; starting as usual (RESTORE_FROM can be unset)";
                    }
                    throw new ArchiveRefusedException("The database already holds data: RESTORE_FROM restores only into an empty database, and "
                            + "nothing was written. Unset RESTORE_FROM, or point DATABASE_URL at a new, empty database.");
                }
            }
            migrateTo.accept(manifest.schemaVersion());
            long rows = load(dataSource, verified);
            Files.writeString(marker, verified.sha256() + "\n", StandardCharsets.UTF_8);
            return "Restored " + rows + " rows in " + manifest.tables().size() + " tables from " + archive + " (" + manifest.application()
                    + ", schema " + manifest.schemaVersion() + ", written " + manifest.createdAt() + " from " + manifest.database() + ")";
        } catch (IOException e) {
            throw new ArchiveRefusedException("The archive could not be read: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new ArchiveRefusedException("The database could not be reached to restore the archive: " + e.getMessage(), e);
        } finally {
            if (work != null) {
                delete(work);
            }
        }
    }

    private static long load(DataSource dataSource, ArchiveReader.Verified verified) {
        ArchiveManifest manifest = verified.manifest();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                // the archive names tables and columns; only those the migrated schema has are ever put into a statement
                Map<String, Set<String>> schema = new HashMap<>();
                for (ArchiveTable table : ArchiveTables.tables(connection)) {
                    schema.put(table.name(), table.columns().stream().map(ArchiveColumn::name).collect(Collectors.toSet()));
                }
                long rows = 0;
                for (ArchiveTable table : manifest.tables()) {
                    Set<String> columns = schema.get(table.name());
                    if (columns == null || !columns.containsAll(table.columns().stream().map(ArchiveColumn::name).toList())) {
                        throw new ArchiveRefusedException("The archive's table " + table.name() + " does not fit schema version " + manifest.schemaVersion());
                    }
                    long loaded = loadTable(connection, table, verified.entry(table.entry()));
                    if (loaded != table.rows()) {
                        throw new ArchiveRefusedException("The archive's " + table.entry() + " holds " + loaded + " rows, its manifest says " + table.rows());
                    }
                    rows += loaded;
                }
                Map<String, Long> existing = ArchiveTables.sequences(connection);
                try (JsonReader reader = Json.createReader(new StringReader(Files.readString(verified.entry("sequences.json"), StandardCharsets.UTF_8)))) {
                    for (Map.Entry<String, JsonValue> sequence : reader.readObject().entrySet()) {
                        if (existing.containsKey(sequence.getKey())) {
                            ArchiveTables.restartSequence(connection, sequence.getKey(), ((jakarta.json.JsonNumber) sequence.getValue()).longValueExact());
                        }
                    }
                }
                connection.commit();
                return rows;
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                if (e instanceof ArchiveRefusedException refused) {
                    throw refused;
                }
                throw new ArchiveRefusedException("The archive could not be loaded, and nothing of it was kept: " + e.getMessage(), e);
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new ArchiveRefusedException("The database could not be reached to restore the archive: " + e.getMessage(), e);
        }
    }

    private static long loadTable(Connection connection, ArchiveTable table, Path entry) throws SQLException, IOException {
        long rows = 0;
        int inBatch = 0;
        try (PreparedStatement insert = connection.prepareStatement(ArchiveTables.insert(table));
             BufferedReader lines = Files.newBufferedReader(entry, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    continue;
                }
                JsonObject row;
                try (JsonReader reader = Json.createReader(new StringReader(line))) {
                    row = reader.readObject();
                }
                ArchiveTables.bind(insert, row, table.columns());
                insert.addBatch();
                rows++;
                if (++inBatch == BATCH) {
                    insert.executeBatch();
                    inBatch = 0;
                }
            }
            if (inBatch > 0) {
                insert.executeBatch();
            }
        }
        return rows;
    }

    private static void delete(Path folder) {
        try {
            FolderTree.delete(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("the restore's work folder could not be removed: " + folder, e);
        }
    }
}
