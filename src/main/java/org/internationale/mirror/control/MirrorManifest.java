package org.internationale.mirror.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code mirror.json}: for each page, the SHA-256 of its content (the copy without its notice) and since when the
 * copy has had that content. A page whose content did not change keeps its date, so its bytes stay the same and the
 * export does not rewrite it.
 */
final class MirrorManifest {

    static final String FILE = "mirror.json";
    static final int FORMAT = 1;

    record Seen(String content, Instant since) {
    }

    private final Map<String, Seen> pages = new TreeMap<>();

    static MirrorManifest read(Path root) {
        MirrorManifest manifest = new MirrorManifest();
        Path file = root.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return manifest;
        }
        try (JsonReader reader = Json.createReader(new StringReader(Files.readString(file, StandardCharsets.UTF_8)))) {
            JsonObject json = reader.readObject();
            if (json.getInt("format", 0) != FORMAT) {
                return manifest;
            }
            for (Map.Entry<String, JsonValue> entry : json.getJsonObject("pages").entrySet()) {
                JsonObject seen = entry.getValue().asJsonObject();
                manifest.pages.put(entry.getKey(), new Seen(seen.getString("content"), Instant.parse(seen.getString("since"))));
            }
        } catch (IOException | RuntimeException e) {
            // a manifest we cannot read costs one export that rewrites every page, nothing more
            return new MirrorManifest();
        }
        return manifest;
    }

    /** When the page's content was first seen as it is now: the earlier date if unchanged, else {@code now}. */
    Instant seen(MirrorManifest previous, String file, String content, Instant now) {
        Seen before = previous.pages.get(file);
        Instant since = before != null && before.content().equals(content) ? before.since() : now;
        pages.put(file, new Seen(content, since));
        return since;
    }

    byte[] json(String canonical, Integer edition) {
        JsonObjectBuilder listed = Json.createObjectBuilder();
        pages.forEach((file, seen) -> listed.add(file, Json.createObjectBuilder().add("content", seen.content()).add("since", seen.since().toString())));
        JsonObjectBuilder json = Json.createObjectBuilder().add("format", FORMAT).add("canonical", canonical);
        if (edition == null) {
            json.addNull("edition");
        } else {
            json.add("edition", edition);
        }
        return (json.add("pages", listed).build().toString() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    Optional<Seen> page(String file) {
        return Optional.ofNullable(pages.get(file));
    }
}
