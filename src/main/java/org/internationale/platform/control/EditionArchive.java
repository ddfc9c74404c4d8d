package org.internationale.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.internationale.locale.control.LanguageNegotiator;
import org.internationale.locale.control.LanguageRegistry;
import org.internationale.locale.entity.Language;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.platform.entity.Edition;
import org.internationale.platform.entity.EditionText;
import org.internationale.system.entity.ContentChanged;
import org.internationale.text.control.WordDiff;
import org.internationale.text.entity.DiffRun;

import java.io.StringReader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Numbered editions of the platform: each keeps the whole platform as every offered language's reader got it at that
 * moment — text, fallback and outdated flags included — so an edition never changes afterwards, whatever happens to the
 * live text. EditionArchive are compared clause by clause and, where a clause changed, word by word.
 */
@ApplicationScoped
public class EditionArchive {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @PersistenceContext(unitName = "internationale")
    EntityManager em;

    @Inject
    Event<ContentChanged> contentChanged;

    @Inject
    PlatformReader platform;

    @Inject
    LanguageRegistry languages;

    @Inject
    LanguageNegotiator negotiator;

    @Inject
    Clock clock;

    /** The longest note an edition keeps (what it is: a congress, a vote), in the workspace and the API alike. */
    public static final int MAX_NOTE = 1000;

    @Transactional
    public Edition publish(String note, String author) {
        contentChanged.fire(new ContentChanged("platform edition"));
        Integer last = em.createQuery("select max(e.number) from Edition e", Integer.class)
                .setLockMode(LockModeType.NONE).getSingleResult();
        Edition edition = new Edition(last == null ? 1 : last + 1, clock.instant(), author, note);
        em.persist(edition);
        for (Language language : languages.languages()) {
            String json = JSONB.toJson(platform.platform(negotiator.negotiated(language.tag())));
            em.persist(new EditionText(edition.number(), language.tag().value(), json));
        }
        return edition;
    }

    public List<Edition> all() {
        return em.createQuery("select e from Edition e order by e.number", Edition.class).getResultList();
    }

    public Optional<Edition> find(int number) {
        return Optional.ofNullable(em.find(Edition.class, number));
    }

    /** The edition's platform JSON in {@code language}, or empty when the edition or language is not there. */
    public Optional<JsonObject> platform(int number, LanguageTag language) {
        return Optional.ofNullable(em.find(EditionText.class, new EditionText.Key(number, language.value())))
                .map(text -> parse(text.json()));
    }

    public record ClauseChange(String id, String change, String before, String after, List<Map<String, String>> diff) {
    }

    public record EditionDiff(int from, int to, String language, List<ClauseChange> clauses) {
    }

    public Optional<EditionDiff> diff(int from, int to, LanguageTag language) {
        Optional<JsonObject> a = platform(from, language);
        Optional<JsonObject> b = platform(to, language);
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        Map<String, JsonObject> before = clauses(a.get());
        Map<String, JsonObject> after = clauses(b.get());
        List<ClauseChange> changes = new ArrayList<>();
        for (Map.Entry<String, JsonObject> entry : after.entrySet()) {
            JsonObject old = before.get(entry.getKey());
            String now = entry.getValue().getString("text");
            if (old == null) {
                changes.add(new ClauseChange(entry.getKey(), "added", null, now, List.of()));
            } else if (!old.getString("text").equals(now)) {
                LanguageTag served = LanguageTag.of(entry.getValue().getString("language"));
                List<Map<String, String>> runs = new ArrayList<>();
                for (DiffRun run : WordDiff.diff(old.getString("text"), now, served)) {
                    runs.add(Map.of("op", run.op().label(), "text", run.text()));
                }
                changes.add(new ClauseChange(entry.getKey(), "changed", old.getString("text"), now, runs));
            }
        }
        for (String id : before.keySet()) {
            if (!after.containsKey(id)) {
                changes.add(new ClauseChange(id, "removed", before.get(id).getString("text"), null, List.of()));
            }
        }
        return Optional.of(new EditionDiff(from, to, language.value(), changes));
    }

    private static Map<String, JsonObject> clauses(JsonObject platform) {
        Map<String, JsonObject> clauses = new LinkedHashMap<>();
        collect(platform.getJsonArray("sections"), clauses);
        return clauses;
    }

    private static void collect(JsonArray sections, Map<String, JsonObject> into) {
        for (JsonValue value : sections) {
            JsonObject section = value.asJsonObject();
            JsonObject title = section.getJsonObject("title");
            into.put(title.getString("id"), title);
            section.getJsonArray("clauses").forEach(c -> into.put(c.asJsonObject().getString("id"), c.asJsonObject()));
            collect(section.getJsonArray("sections"), into);
        }
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
