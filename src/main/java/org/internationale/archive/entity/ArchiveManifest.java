package org.internationale.archive.entity;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code manifest.json}, the archive's last entry: the format version, the application and schema versions that wrote
 * it, when, from which database, the tables in the order a restore loads them (with their row counts, columns and keys),
 * and the SHA-256 of every other entry.
 */
public record ArchiveManifest(int format, String application, String schemaVersion, Instant createdAt, String database,
                              List<ArchiveTable> tables, Map<String, String> sha256) {

    /** The format this build writes, and the newest it reads. */
    public static final int FORMAT = 1;
    public static final String ENTRY = "manifest.json";

    public byte[] json() {
        JsonArrayBuilder tableList = Json.createArrayBuilder();
        JsonObjectBuilder counts = Json.createObjectBuilder();
        for (ArchiveTable table : tables) {
            JsonArrayBuilder columns = Json.createArrayBuilder();
            table.columns().forEach(c -> columns.add(Json.createObjectBuilder().add("name", c.name()).add("type", c.type())));
            JsonArrayBuilder key = Json.createArrayBuilder();
            table.key().forEach(key::add);
            tableList.add(Json.createObjectBuilder().add("name", table.name()).add("entry", table.entry()).add("rows", table.rows())
                    .add("columns", columns).add("key", key));
            counts.add(table.name(), table.rows());
        }
        JsonObjectBuilder checksums = Json.createObjectBuilder();
        new TreeMap<>(sha256).forEach(checksums::add);
        return (Json.createObjectBuilder().add("format", format).add("application", application).add("schemaVersion", schemaVersion)
                .add("createdAt", createdAt.toString()).add("database", database).add("counts", counts).add("tables", tableList)
                .add("sha256", checksums).build().toString() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a manifest; a malformed one is refused, naming what is missing. */
    public static ArchiveManifest read(JsonObject json) {
        try {
            List<ArchiveTable> tables = new ArrayList<>();
            for (JsonValue value : json.getJsonArray("tables")) {
                JsonObject table = value.asJsonObject();
                List<ArchiveColumn> columns = table.getJsonArray("columns").stream().map(JsonValue::asJsonObject)
                        .map(c -> new ArchiveColumn(c.getString("name"), c.getString("type"))).toList();
                List<String> key = table.getJsonArray("key").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString).toList();
                tables.add(new ArchiveTable(table.getString("name"), table.getString("entry"), table.getJsonNumber("rows").longValue(), columns, key));
            }
            Map<String, String> sha256 = new LinkedHashMap<>();
            json.getJsonObject("sha256").forEach((entry, sum) -> sha256.put(entry, ((jakarta.json.JsonString) sum).getString()));
            return new ArchiveManifest(json.getInt("format"), json.getString("application"), json.getString("schemaVersion"),
                    Instant.parse(json.getString("createdAt")), json.getString("database"), List.copyOf(tables), sha256);
        } catch (RuntimeException e) {
            throw new ArchiveRefusedException("The archive's manifest.json is not one this application wrote: " + e.getMessage(), e);
        }
    }
}
