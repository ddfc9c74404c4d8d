package org.internationale.mailing.entity;

import jakarta.json.JsonObjectBuilder;

/**
 * Fired while a subscriber's data is exported (GDPR art. 15 and 20): every feature that keeps something about the
 * subscriber adds it under its own name, so the export is complete without this feature knowing their tables.
 */
public record SubscriberExport(long subscriberId, JsonObjectBuilder data) {

    public void add(String name, jakarta.json.JsonValue value) {
        data.add(name, value);
    }
}
