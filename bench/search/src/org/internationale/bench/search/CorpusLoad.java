package org.internationale.bench.search;

import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts the corpus into a fresh database the way the application keeps documents — a published {@code document} over
 * segments {@code doc:<id>.title}, {@code .summary} and {@code .body}, each with a source revision and an approved
 * translation per further language — with the application's own Flyway migrations, and into a separate table for
 * PostgreSQL's full-text search. Rows go in with COPY; the application then indexes them itself at start-up.
 */
final class CorpusLoad {

    static final long FIRST_DOCUMENT = 1_000_000;
    private static final long FIRST_ROW = 10_000_000;
    private static final int BATCH_GROUPS = 1_000;

    private final Connection connection;
    private final CopyManager copy;
    private final Map<String, StringBuilder> tables = new LinkedHashMap<>();
    private long segmentId = FIRST_ROW;
    private long sourceRevisionId = FIRST_ROW;
    private long translationId = FIRST_ROW;
    private long translationRevisionId = FIRST_ROW;

    CorpusLoad(String url, String user) throws SQLException {
        Flyway.configure(CorpusLoad.class.getClassLoader()).dataSource(url, user, null).locations("classpath:db/migration").load().migrate();
        connection = DriverManager.getConnection(url, user, null);
        connection.setAutoCommit(false);
        copy = connection.unwrap(PGConnection.class).getCopyAPI();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE bench_fts_text (key TEXT PRIMARY KEY, lang TEXT NOT NULL, type TEXT NOT NULL, config TEXT NOT NULL,"
                    + " title TEXT NOT NULL, body TEXT NOT NULL)");
        }
        // columns in the order rows are written below; document before the rows that refer to it
        for (String table : List.of(
                "document (id, type, slug, source_language, state, publish_at, published_at, coordinated, revision, created_by, created_at, version)",
                "document_language (document_id, language, published_at)",
                "document_demand (document_id, clause_id)",
                "segment (id, segment_key, source_language, version, retired_at)",
                "source_revision (id, segment_id, number, text, change_kind, author, message, created_at)",
                "translation (id, segment_id, language, review_state, version, reviewed_by, reviewed_at, review_comment, approved_revision)",
                "translation_revision (id, translation_id, number, text, based_on_revision, translated_from, author, message, created_at)",
                "bench_fts_text (key, lang, type, config, title, body)")) {
            tables.put(table, new StringBuilder());
        }
    }

    static long documentId(Corpus.Group group) {
        return FIRST_DOCUMENT + group.number();
    }

    /** The key of a text in the search index ({@code SearchSources}) and in the full-text table alike. */
    static String key(Corpus.Group group, String language) {
        return "doc:" + documentId(group) + ":" + language;
    }

    void add(Corpus.Group group, Map<String, String> textSearchConfigs) throws SQLException, IOException {
        long id = documentId(group);
        String at = LocalDate.ofYearDay(group.year(), group.dayOfYear()) + " 09:00:00+00";
        row("document", id, group.type(), null, group.sourceLanguage(), "PUBLISHED", null, at, "f", 1, "bench", at, 1);
        for (String language : group.languages()) {
            row("document_language", id, language, at);
        }
        for (String demand : group.demands()) {
            row("document_demand", id, demand);
        }
        Corpus.Text source = group.texts().get(0);
        for (String part : List.of("title", "summary", "body")) {
            long segment = segmentId++;
            row("segment", segment, "doc:" + id + "." + part, group.sourceLanguage(), 1, null);
            row("source_revision", sourceRevisionId++, segment, 1, part(source, part), "MEANING", "bench", "Created", at);
            for (Corpus.Text translated : group.texts().subList(1, group.texts().size())) {
                long translation = translationId++;
                row("translation", translation, segment, translated.language(), "APPROVED", 1, "bench", at, null, 1);
                row("translation_revision", translationRevisionId++, translation, 1, part(translated, part), 1, group.sourceLanguage(),
                        "bench", null, at);
            }
        }
        for (Corpus.Text text : group.texts()) {
            // the application indexes the summary and body together as the body (SearchSources)
            row("bench_fts_text", key(group, text.language()), text.language(), group.type().toLowerCase(java.util.Locale.ROOT), textSearchConfigs.getOrDefault(text.language(), "simple"),
                    text.title(), text.summary() + "\n\n" + text.body());
        }
        if (group.number() % BATCH_GROUPS == BATCH_GROUPS - 1) {
            flush();
        }
    }

    private static String part(Corpus.Text text, String part) {
        return switch (part) {
            case "title" -> text.title();
            case "summary" -> text.summary();
            default -> text.body();
        };
    }

    private void row(String table, Object... values) {
        StringBuilder out = tables.entrySet().stream().filter(e -> e.getKey().startsWith(table + " ")).findFirst().orElseThrow().getValue();
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : "\t").append(values[i] == null ? "\\N" : escaped(values[i].toString()));
        }
        out.append('\n');
    }

    /** COPY's text format: backslash, tab, newline and carriage return escaped. */
    private static String escaped(String value) {
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private void flush() throws SQLException, IOException {
        for (Map.Entry<String, StringBuilder> table : tables.entrySet()) {
            if (table.getValue().length() > 0) {
                copy.copyIn("COPY " + table.getKey() + " FROM STDIN", new StringReader(table.getValue().toString()));
                table.getValue().setLength(0);
            }
        }
    }

    /** Sequences moved past the rows written, so the application's own inserts never collide with them. */
    void finish() throws SQLException, IOException {
        flush();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT setval('document_seq', " + (FIRST_DOCUMENT + 10_000_000) + ")");
            for (String sequence : List.of("segment_seq", "source_revision_seq", "translation_seq", "translation_revision_seq")) {
                statement.execute("SELECT setval('" + sequence + "', " + (FIRST_ROW * 10) + ")");
            }
        }
        connection.commit();
        try (Statement statement = connection.createStatement()) {
            // autovacuum analyzes tables soon after a bulk load; until it has, plans are made without statistics (the
            // reader site's home page took 100-160 ms at 100 000 texts instead of 45, reading every translation
            // revision for a list of twenty), which no running installation would see
            statement.execute("ANALYZE");
        }
        connection.commit();
    }

    /**
     * Builds PostgreSQL's full-text table from the texts: a tsvector per text with its language's configuration
     * (title weighted A, body B) and a GIN index. Returns the milliseconds it took.
     */
    long buildFullText() throws SQLException {
        long start = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE bench_fts AS SELECT key, lang, type, config::regconfig AS config,"
                    + " setweight(to_tsvector(config::regconfig, title), 'A') || setweight(to_tsvector(config::regconfig, body), 'B') AS tsv"
                    + " FROM bench_fts_text");
            statement.execute("CREATE INDEX bench_fts_tsv ON bench_fts USING GIN (tsv)");
            statement.execute("CREATE INDEX bench_fts_lang ON bench_fts (lang)");
            connection.commit();
            statement.execute("ANALYZE bench_fts");
            connection.commit();
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** PostgreSQL's built-in configuration for each language it has one for; the others use {@code simple}. */
    static Map<String, String> textSearchConfigs(Connection connection, List<String> languages) throws SQLException {
        Map<String, String> known = Map.ofEntries(Map.entry("en", "english"), Map.entry("es", "spanish"), Map.entry("fr", "french"),
                Map.entry("de", "german"), Map.entry("pt-BR", "portuguese"), Map.entry("it", "italian"), Map.entry("ar", "arabic"),
                Map.entry("hi", "hindi"), Map.entry("ru", "russian"), Map.entry("tr", "turkish"), Map.entry("id", "indonesian"));
        List<String> installed = new ArrayList<>();
        try (var rows = connection.createStatement().executeQuery("SELECT cfgname FROM pg_ts_config")) {
            while (rows.next()) {
                installed.add(rows.getString(1));
            }
        }
        Map<String, String> configs = new LinkedHashMap<>();
        for (String language : languages) {
            String config = known.get(language);
            configs.put(language, config != null && installed.contains(config) ? config : "simple");
        }
        return configs;
    }

    Connection connection() {
        return connection;
    }

    static void write(Path file, List<String> lines) throws IOException {
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
