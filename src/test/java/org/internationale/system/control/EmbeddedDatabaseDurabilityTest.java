package org.internationale.system.control;

import static org.awaitility.Awaitility.await;
import java.time.Duration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded database keeps what it acknowledged when the server dies without a chance to close it (SIGKILL, the
 * kernel's out-of-memory killer): the delivery ledger's crash bound rests on it. A child JVM commits numbered rows on
 * the H2 URL the application derives by default and prints each number once its commit returned; it is killed with
 * SIGKILL mid-stream, and every printed number must be in the database. With H2's default write delay, hundreds to
 * thousands of the last acknowledged rows were missing.
 */
class EmbeddedDatabaseDurabilityTest {

    private static final int ACKNOWLEDGED_BEFORE_KILL = 3_000;

    @TempDir
    Path dataDir;

    @Test
    void everyCommitAcknowledgedBeforeSigkillIsThereAfterwards() throws Exception {
        try (Connection connection = dataSource(dataDir).getConnection(); var create = connection.createStatement()) {
            create.execute("CREATE TABLE acknowledged (n BIGINT PRIMARY KEY)");
        }
        // the child's output goes to a file, which keeps every line written before the kill (a pipe is closed by it)
        Path printed = dataDir.resolve("acknowledged.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CommitsUntilKilled.class.getName(), dataDir.toString())
                .redirectOutput(printed.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> lastAcknowledged(printed) >= ACKNOWLEDGED_BEFORE_KILL || !child.isAlive());
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not die");
        long acknowledged = lastAcknowledged(printed);
        assertTrue(acknowledged >= ACKNOWLEDGED_BEFORE_KILL, "the child stopped after " + acknowledged + " commits");

        try (Connection connection = dataSource(dataDir).getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM acknowledged WHERE n <= ?")) {
            count.setLong(1, acknowledged);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                assertEquals(acknowledged, row.getLong(1), "rows whose commit had returned before the kill");
            }
        }
    }

    /** The last whole number the child printed: a line cut short by the kill does not count. */
    private static long lastAcknowledged(Path printed) throws java.io.IOException {
        String text = Files.readString(printed, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return 0;
        }
        int start = text.lastIndexOf('\n', end - 1) + 1;
        return Long.parseLong(text.substring(start, end));
    }

    private static JdbcDataSource dataSource(Path dataDir) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(DatabaseSettings.derive(Map.of("DATA_DIR", dataDir.toString())::get).get(DatabaseSettings.URL));
        return h2;
    }

    /** The child: commits rows 1, 2, 3 … one transaction each, printing each number after its commit, until killed. */
    public static final class CommitsUntilKilled {
        @SuppressForbidden(reason = "its standard output is how the parent learns which commits had returned")
        public static void main(String[] args) throws SQLException {
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            try (Connection connection = dataSource(Path.of(args[0])).getConnection()) {
                connection.setAutoCommit(false);
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO acknowledged VALUES (?)")) {
                    for (long n = 1; ; n++) {
                        insert.setLong(1, n);
                        insert.executeUpdate();
                        connection.commit();
                        out.println(n);
                    }
                }
            }
        }
    }
}
