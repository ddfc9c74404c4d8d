package org.internationale.testing;

import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * Another Payara Micro running the built WAR in its own JVM, on its own port, data folder and database — a fresh
 * database of its own on the build's PostgreSQL when the build has one, else an H2 file — for tests that need a
 * second server beside the suite's. Stopped and its PostgreSQL database dropped at {@link #close()}.
 */
public final class SeparateInstance implements AutoCloseable {

    private final Process process;
    private final URL base;
    private final String ownDatabase;
    private final Path log;

    private SeparateInstance(Process process, URL base, String ownDatabase, Path log) {
        this.process = process;
        this.base = base;
        this.ownDatabase = ownDatabase;
        this.log = log;
    }

    /** Starts one named {@code name} under {@code root} with these extra system properties, and waits until it is ready. */
    public static SeparateInstance start(Path root, String name, Map<String, String> properties) throws Exception {
        return start(root, name, properties, false);
    }

    /** Like {@link #start}, on an H2 file whatever database the build has: the embedded start a site moves away from. */
    public static SeparateInstance startOnH2(Path root, String name, Map<String, String> properties) throws Exception {
        return start(root, name, properties, true);
    }

    private static SeparateInstance start(Path root, String name, Map<String, String> properties, boolean h2) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path dataDir = Files.createDirectories(root.resolve("instance-" + name)).toAbsolutePath();
        String configured = h2 ? "" : System.getProperty("it.database.url", "");
        String user = configured.isBlank() ? "" : System.getProperty("it.database.user", "");
        String ownDatabase = null;
        String url;
        if (configured.isBlank()) {
            url = "jdbc:h2:file:" + dataDir.resolve("db") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        } else {
            java.util.regex.Matcher parts = java.util.regex.Pattern.compile("(jdbc:postgresql://[^/]+/)([A-Za-z0-9_]+)(.*)").matcher(configured);
            if (!parts.matches()) {
                throw new IllegalStateException("a separate instance needs a database of its own; none can be derived from " + configured);
            }
            ownDatabase = (parts.group(2) + "_" + name + "_" + java.util.UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
            try (Connection db = DriverManager.getConnection(configured, user, System.getProperty("it.database.password", ""))) {
                db.createStatement().execute("CREATE DATABASE " + ownDatabase);
            }
            url = parts.group(1) + ownDatabase + parts.group(3);
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-DADMIN_PASSWORD=" + Api.ADMIN_PASSWORD, "-DPASSWORD_HASH_ITERATIONS=10000", "-DDATA_DIR=" + dataDir, "-DDATABASE_URL=" + url,
                "-DDATABASE_USER=" + user, "-DDATABASE_PASSWORD=" + System.getProperty("it.database.password", ""),
                "-DSMTP_HOST=127.0.0.1", "-DSMTP_PORT=" + Integer.getInteger("it.smtp.port", 3025), "-DMAIL_FROM=news@internationale.test",
                "-DINSTANCE_NAME=" + name));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", System.getProperty("payara.microJar"), "--nohazelcast", "--port", Integer.toString(port),
                "--deploy", System.getProperty("war.file")));
        Path log = root.resolve("instance-" + name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        SeparateInstance instance = new SeparateInstance(process, URI.create("http://localhost:" + port + "/").toURL(), ownDatabase, log);
        try {
            await().atMost(Duration.ofMinutes(4)).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("instance " + name + " exited; see " + log);
                }
                return ready(instance.base);
            });
        } catch (ConditionTimeoutException | IllegalStateException e) {
            instance.close();
            throw new IllegalStateException("instance " + name + " did not become ready; see " + log, e);
        }
        return instance;
    }

    public URL base() {
        return base;
    }

    public Path log() {
        return log;
    }

    /** Whether the server at {@code base} answers its readiness check. */
    public static boolean ready(URL base) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(base + "health/ready").toURL().openConnection();
            connection.setConnectTimeout(1000);
            return connection.getResponseCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    @Override
    public void close() throws Exception {
        process.destroyForcibly().waitFor();
        if (ownDatabase != null) {
            try (Connection db = DriverManager.getConnection(System.getProperty("it.database.url"), System.getProperty("it.database.user", ""),
                    System.getProperty("it.database.password", ""))) {
                db.createStatement().execute("DROP DATABASE IF EXISTS " + ownDatabase + " WITH (FORCE)");
            }
        }
    }
}
