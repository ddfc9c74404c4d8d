package org.internationale.archive.control;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.internationale.archive.entity.ArchiveColumn;
import org.internationale.archive.entity.ArchiveTable;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The database as the archive sees it: the application's tables in an order where each comes after the tables it
 * references, their columns with portable types, rows as JSON objects and back, and the sequences' next values.
 * Plain JDBC metadata, so that a table added by a later migration is archived without a line here.
 */
final class ArchiveTables {

    /** Flyway's own bookkeeping: a restore rebuilds it by migrating, never copies it. */
    static final String HISTORY = "flyway_schema_history";

    private ArchiveTables() {
    }

    static boolean isPostgres(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    static List<ArchiveTable> tables(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String schema = connection.getSchema();
        Set<String> names = new TreeSet<>();
        try (ResultSet rows = meta.getTables(null, schema, "%", new String[]{"TABLE"})) {
            while (rows.next()) {
                String name = rows.getString("TABLE_NAME");
                if (!name.equalsIgnoreCase(HISTORY)) {
                    names.add(name);
                }
            }
        }
        Map<String, Set<String>> references = new TreeMap<>();
        for (String name : names) {
            Set<String> referenced = new TreeSet<>();
            try (ResultSet keys = meta.getImportedKeys(null, schema, name)) {
                while (keys.next()) {
                    String target = keys.getString("PKTABLE_NAME");
                    if (!target.equals(name)) {
                        referenced.add(target);
                    }
                }
            }
            references.put(name, referenced);
        }
        List<ArchiveTable> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < names.size()) {
            boolean progress = false;
            for (String name : names) {
                if (!placed.contains(name) && placed.containsAll(references.get(name))) {
                    ordered.add(describe(connection, meta, schema, name));
                    placed.add(name);
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("the tables' foreign keys form a cycle: " + references);
            }
        }
        return ordered;
    }

    private static ArchiveTable describe(Connection connection, DatabaseMetaData meta, String schema, String name) throws SQLException {
        List<ArchiveColumn> columns = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet empty = statement.executeQuery("SELECT * FROM " + name + " WHERE 1 = 0")) {
            ResultSetMetaData shape = empty.getMetaData();
            for (int i = 1; i <= shape.getColumnCount(); i++) {
                columns.add(new ArchiveColumn(shape.getColumnName(i).toLowerCase(Locale.ROOT), portable(shape.getColumnType(i), shape.getColumnTypeName(i))));
            }
        }
        Map<Short, String> key = new TreeMap<>();
        try (ResultSet keys = meta.getPrimaryKeys(null, schema, name)) {
            while (keys.next()) {
                key.put(keys.getShort("KEY_SEQ"), keys.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        List<String> order = key.isEmpty() ? columns.stream().map(ArchiveColumn::name).toList() : List.copyOf(key.values());
        return new ArchiveTable(name.toLowerCase(Locale.ROOT), "data/" + name.toLowerCase(Locale.ROOT) + ".jsonl", 0, List.copyOf(columns), order);
    }

    private static String portable(int type, String typeName) {
        return switch (type) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> "integer";
            case Types.NUMERIC, Types.DECIMAL, Types.DOUBLE, Types.FLOAT, Types.REAL -> "decimal";
            case Types.BOOLEAN, Types.BIT -> "boolean";
            case Types.TIMESTAMP_WITH_TIMEZONE -> "timestamptz";
            // PostgreSQL's driver reports timestamptz as TIMESTAMP; its type name tells
            case Types.TIMESTAMP -> typeName != null && typeName.toLowerCase(Locale.ROOT).contains("tz") ? "timestamptz" : "timestamp";
            case Types.DATE -> "date";
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> "bytes";
            default -> "text";
        };
    }

    /** The row the result set stands on, as the archive writes it: every column, null as null. */
    static JsonObject row(ResultSet rows, List<ArchiveColumn> columns) throws SQLException {
        JsonObjectBuilder row = Json.createObjectBuilder();
        for (int i = 0; i < columns.size(); i++) {
            ArchiveColumn column = columns.get(i);
            int at = i + 1;
            switch (column.type()) {
                case "integer" -> {
                    long value = rows.getLong(at);
                    if (rows.wasNull()) {
                        row.addNull(column.name());
                    } else {
                        row.add(column.name(), value);
                    }
                }
                case "decimal" -> {
                    BigDecimal value = rows.getBigDecimal(at);
                    if (value == null) {
                        row.addNull(column.name());
                    } else {
                        row.add(column.name(), value.stripTrailingZeros());
                    }
                }
                case "boolean" -> {
                    boolean value = rows.getBoolean(at);
                    if (rows.wasNull()) {
                        row.addNull(column.name());
                    } else {
                        row.add(column.name(), value);
                    }
                }
                case "timestamptz" -> text(row, column, rows.getObject(at, OffsetDateTime.class), v -> v.withOffsetSameInstant(ZoneOffset.UTC).toString());
                case "timestamp" -> text(row, column, rows.getObject(at, LocalDateTime.class), LocalDateTime::toString);
                case "date" -> text(row, column, rows.getObject(at, LocalDate.class), LocalDate::toString);
                case "bytes" -> text(row, column, rows.getBytes(at), v -> Base64.getEncoder().encodeToString(v));
                default -> text(row, column, rows.getString(at), v -> v);
            }
        }
        return row.build();
    }

    private static <T> void text(JsonObjectBuilder row, ArchiveColumn column, T value, java.util.function.Function<T, String> written) {
        if (value == null) {
            row.addNull(column.name());
        } else {
            row.add(column.name(), written.apply(value));
        }
    }

    /** Binds an archived row's values to an insert of the columns, in order. */
    static void bind(PreparedStatement insert, JsonObject row, List<ArchiveColumn> columns) throws SQLException {
        for (int i = 0; i < columns.size(); i++) {
            ArchiveColumn column = columns.get(i);
            JsonValue value = row.get(column.name());
            int at = i + 1;
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                insert.setObject(at, null);
                continue;
            }
            switch (column.type()) {
                case "integer" -> insert.setLong(at, ((JsonNumber) value).longValueExact());
                case "decimal" -> insert.setBigDecimal(at, ((JsonNumber) value).bigDecimalValue());
                case "boolean" -> insert.setBoolean(at, value == JsonValue.TRUE);
                case "timestamptz" -> insert.setObject(at, OffsetDateTime.parse(((JsonString) value).getString()));
                case "timestamp" -> insert.setObject(at, LocalDateTime.parse(((JsonString) value).getString()));
                case "date" -> insert.setObject(at, LocalDate.parse(((JsonString) value).getString()));
                case "bytes" -> insert.setBytes(at, Base64.getDecoder().decode(((JsonString) value).getString()));
                default -> insert.setString(at, ((JsonString) value).getString());
            }
        }
    }

    /** Each sequence's next value, by name. */
    static Map<String, Long> sequences(Connection connection) throws SQLException {
        Map<String, Long> next = new TreeMap<>();
        boolean postgres = isPostgres(connection);
        // H2 lists the next value beside the name; PostgreSQL's catalog cannot tell a restarted sequence from a used
        // one, so each is read itself
        try (PreparedStatement list = connection.prepareStatement("SELECT sequence_name" + (postgres ? "" : ", base_value")
                + " FROM information_schema.sequences WHERE LOWER(sequence_schema) = LOWER(?)")) {
            list.setString(1, connection.getSchema());
            try (ResultSet rows = list.executeQuery()) {
                while (rows.next()) {
                    next.put(rows.getString(1).toLowerCase(Locale.ROOT), postgres ? 0 : rows.getLong(2));
                }
            }
        }
        if (postgres) {
            for (String name : List.copyOf(next.keySet())) {
                try (Statement statement = connection.createStatement(); ResultSet value = statement.executeQuery(
                        "SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM " + checkedName(name))) {
                    value.next();
                    next.put(name, value.getLong(1));
                }
            }
        }
        return next;
    }

    static void restartSequence(Connection connection, String name, long next) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER SEQUENCE " + checkedName(name) + " RESTART WITH " + next);
        }
    }

    /** A sequence's name as it may stand in a statement: the migrations' lower-case words only. */
    private static String checkedName(String name) {
        if (!name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("not a sequence name: " + name);
        }
        return name;
    }

    /** Whether any of the application's tables holds a row. */
    static boolean holdsData(Connection connection) throws SQLException {
        for (ArchiveTable table : tables(connection)) {
            try (Statement statement = connection.createStatement(); ResultSet any = statement.executeQuery("SELECT 1 FROM " + table.name() + " LIMIT 1")) {
                if (any.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    static String insert(ArchiveTable table) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table.name()).append(" (");
        sql.append(String.join(", ", table.columns().stream().map(ArchiveColumn::name).toList())).append(") VALUES (");
        sql.append(String.join(", ", java.util.Collections.nCopies(table.columns().size(), "?"))).append(")");
        return sql.toString();
    }

    static String select(ArchiveTable table) {
        return "SELECT " + String.join(", ", table.columns().stream().map(ArchiveColumn::name).toList()) + " FROM " + table.name()
                + " ORDER BY " + String.join(", ", table.key());
    }
}
