package org.internationale.subscribers.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.mailing.entity.SubscriberExport;
import org.internationale.subscribers.entity.Subscriber;

import java.time.Instant;
import java.util.Optional;

/** A subscriber's right to their data: everything we keep about them, as JSON, and erasing all of it. */
@ApplicationScoped
public class SubscriberRecords {

    @Inject
    Subscriptions subscriptions;

    @Inject
    Event<SubscriberExport> exports;

    @Transactional
    public Optional<JsonObject> export(long id) {
        return subscriptions.find(id).map(subscriber -> {
            JsonObjectBuilder data = Json.createObjectBuilder().add("subscriber", json(subscriber));
            exports.fire(new SubscriberExport(id, data));
            return data.build();
        });
    }

    public boolean erase(long id) {
        return subscriptions.erase(id);
    }

    public static JsonObject json(Subscriber s) {
        JsonArrayBuilder languages = Json.createArrayBuilder();
        s.languages().stream().map(LanguageTag::value).forEach(languages::add);
        JsonArrayBuilder topics = Json.createArrayBuilder();
        s.topics().forEach(topics::add);
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", s.id())
                .add("email", s.email())
                .add("languages", languages)
                .add("topics", topics)
                .add("state", s.state().label())
                .add("paused", s.paused())
                .add("softBounces", s.softBounces())
                .add("createdAt", s.createdAt().toString());
        s.confirmedAt().map(Instant::toString).ifPresent(v -> json.add("confirmedAt", v));
        s.leftAt().map(Instant::toString).ifPresent(v -> json.add("leftAt", v));
        s.stopReason().ifPresent(v -> json.add("stopReason", v));
        return json.build();
    }
}
