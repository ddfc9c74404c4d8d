package org.internationale.system.control;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Derives the datasource settings from the operator's environment ({@code DATA_DIR}, {@code DATABASE_URL},
 * {@code DATABASE_USER}, {@code DATABASE_PASSWORD}; system properties of the same names win, which is how tests
 * point a server at a database). A config source rather than a bean, because Payara resolves the
 * {@code @DataSourceDefinition} placeholders before any bean exists.
 *
 * <p>{@code DATABASE_URL} may be a JDBC URL ({@code jdbc:postgresql://host/db}) or a libpq-style one
 * ({@code postgresql://user:secret@host:5432/db}); credentials travel inside the URL so that one placeholder
 * serves both databases.
 */
public class DatabaseSettings implements ConfigSource {

    public static final String URL = "internationale.db.url";
    public static final String DATASOURCE_CLASS = "internationale.db.datasource-class";
    public static final String DATA_DIR = "internationale.data-dir";

    /**
     * H2 writes committed changes to its file in a background thread, half a second late by default: a server killed
     * with SIGKILL (or by the kernel when memory runs out) lost every transaction of its last half second — measured,
     * 1 700 acknowledged commits — and with them the ledger rows that said a message was being sent or had gone, so
     * those messages would go out again unannounced. With no write delay each commit is in the file (the operating
     * system's cache) before it returns. The cost is a chunk written per commit: some thousands of commits a second,
     * far above what the application makes, and a file that grows by what 45 seconds of commits wrote (H2 keeps old
     * chunks that long) until the database closes. An operator's own H2 URL that names a write delay keeps it.
     */
    static final String H2_WRITE_ON_COMMIT = "WRITE_DELAY=0";

    private final Map<String, String> values;

    public DatabaseSettings() {
        this(DatabaseSettings::environment);
    }

    DatabaseSettings(java.util.function.Function<String, String> environment) {
        this.values = derive(environment);
    }

    private static String environment(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    static Map<String, String> derive(java.util.function.Function<String, String> env) {
        Map<String, String> derived = new HashMap<>();
        Path dataDir = Path.of(env.apply("DATA_DIR") == null ? "data" : env.apply("DATA_DIR")).toAbsolutePath().normalize();
        derived.put(DATA_DIR, dataDir.toString());
        String url = env.apply("DATABASE_URL");
        if (url == null) {
            derived.put(DATASOURCE_CLASS, "org.h2.jdbcx.JdbcDataSource");
            derived.put(URL, "jdbc:h2:file:" + dataDir.resolve("db").resolve("internationale")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;" + H2_WRITE_ON_COMMIT);
            return derived;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) {
            derived.put(DATASOURCE_CLASS, "org.h2.jdbcx.JdbcDataSource");
            derived.put(URL, lower.contains("write_delay=") || lower.startsWith("jdbc:h2:mem:") ? url
                    : url.replaceAll(";+$", "") + ";" + H2_WRITE_ON_COMMIT);
            return derived;
        }
        String jdbc = postgresJdbcUrl(url);
        String user = env.apply("DATABASE_USER");
        String password = env.apply("DATABASE_PASSWORD");
        StringBuilder full = new StringBuilder(jdbc);
        if (user != null) {
            full.append(jdbc.contains("?") ? '&' : '?').append("user=").append(encode(user));
        }
        if (password != null) {
            full.append(full.indexOf("?") >= 0 ? '&' : '?').append("password=").append(encode(password));
        }
        // a campaign's start writes a row per subscriber in batches: sent as multi-row INSERTs they take a third less time
        if (!full.toString().toLowerCase(Locale.ROOT).contains("rewritebatchedinserts=")) {
            full.append(full.indexOf("?") >= 0 ? '&' : '?').append("reWriteBatchedInserts=true");
        }
        derived.put(DATASOURCE_CLASS, "org.postgresql.ds.PGSimpleDataSource");
        derived.put(URL, full.toString());
        return derived;
    }

    static String postgresJdbcUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return url;
        }
        if (lower.startsWith("postgres://") || lower.startsWith("postgresql://")) {
            URI uri = URI.create(url);
            StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
            if (uri.getPort() > 0) {
                jdbc.append(':').append(uri.getPort());
            }
            jdbc.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
            StringBuilder query = new StringBuilder(uri.getRawQuery() == null ? "" : uri.getRawQuery());
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                query.append(query.length() > 0 ? "&" : "").append("user=").append(parts[0]);
                if (parts.length == 2) {
                    query.append("&password=").append(parts[1]);
                }
            }
            return query.length() > 0 ? jdbc + "?" + query : jdbc.toString();
        }
        throw new IllegalArgumentException("DATABASE_URL must be jdbc:postgresql://…, postgresql://… or jdbc:h2:…; got a URL starting '"
                + url.substring(0, Math.min(16, url.length())) + "'");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.copyOf(values);
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String name) {
        return values.get(name);
    }

    @Override
    public String getName() {
        return "internationale-database-settings";
    }

    @Override
    public int getOrdinal() {
        // below system properties (400) and the environment (300): an explicit setting always wins
        return 250;
    }
}
