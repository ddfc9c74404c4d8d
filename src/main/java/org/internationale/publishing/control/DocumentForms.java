package org.internationale.publishing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.internationale.locale.control.LanguageRegistry;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.platform.control.PlatformReader;
import org.internationale.publishing.control.DocumentEditor;
import org.internationale.publishing.entity.Document;
import org.internationale.site.control.Ui;
import org.internationale.text.control.SegmentStore;
import org.internationale.text.entity.Segment;
import org.internationale.text.entity.SegmentKey;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The editor's document form: its fields, their values for a new or an existing document, the checks a form must pass
 * before a document is created or saved (errors by field, in the interface language), and the release fields of the
 * publish button (coordinated languages, schedule).
 */
@ApplicationScoped
public class DocumentForms {

    /** The fields of the form, as the template names them. */
    public static final List<String> FIELDS = List.of("type", "language", "slug", "title", "summary", "body", "demands",
            "changeKind", "message", "baseRevision");

    @Inject
    LanguageRegistry languages;

    @Inject
    PlatformReader platform;

    @Inject
    DocumentEditor documents;

    @Inject
    SegmentStore segments;

    /** What the form shows before anything is typed: a new update in the source language, or a document's texts now. */
    public Map<String, String> values(Document document) {
        if (document == null) {
            return Map.of("type", "update", "language", languages.source().value());
        }
        Map<SegmentKey, Segment> found = segments.findAll(document.keys());
        Map<String, String> texts = new HashMap<>();
        texts.put("title", found.get(document.titleKey()).latest().text());
        texts.put("summary", found.get(document.summaryKey()).latest().text());
        texts.put("body", found.get(document.bodyKey()).latest().text());
        texts.put("demands", String.join("\n", document.demands().stream().sorted().toList()));
        return texts;
    }

    /**
     * @param form     every field of {@link #FIELDS}, stripped, empty when not sent
     * @param creating whether the form creates a document (only then is the slug checked)
     * @return the message for each field that fails a check; empty when the form may be stored
     */
    public Map<String, String> errors(Map<String, String> form, Ui ui, boolean creating) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.get("title").isEmpty()) {
            errors.put("title", ui.t("form.required"));
        } else if (form.get("title").length() > 500) {
            errors.put("title", ui.t("form.too-long", "max", 500));
        }
        if (form.get("summary").length() > 2000) {
            errors.put("summary", ui.t("form.too-long", "max", 2000));
        }
        if (form.get("body").isEmpty()) {
            errors.put("body", ui.t("form.required"));
        } else if (form.get("body").length() > 200_000) {
            errors.put("body", ui.t("form.too-long", "max", 200_000));
        }
        Set<String> listed = demands(form);
        for (String demand : listed) {
            if (!platform.isDemand(demand)) {
                errors.put("demands", ui.t("workspace.unknown-demand", "demand", demand));
            }
        }
        if (creating) {
            if (!form.get("slug").isEmpty() && !form.get("slug").matches(Document.SLUG)) {
                errors.put("slug", ui.t("workspace.slug-format"));
            } else if (!form.get("slug").isEmpty() && documents.slugTaken(form.get("slug"))) {
                errors.put("slug", ui.t("workspace.slug-taken"));
            }
        }
        return errors;
    }

    /** The demands a document is about: the ids of the demands field, one per line or separated by commas. */
    public static Set<String> demands(Map<String, String> form) {
        Set<String> demands = new LinkedHashSet<>();
        for (String line : form.getOrDefault("demands", "").split("[\\s,]+")) {
            if (!line.isBlank()) {
                demands.add(line.strip());
            }
        }
        return demands;
    }

    /**
     * The languages chosen to be released together with the document's source; the source itself is implied.
     *
     * @return empty if a chosen language is not offered
     * @throws org.internationale.locale.entity.IllFormedLanguageTagException if a chosen value is no language tag
     */
    public Optional<Set<String>> coordinatedLanguages(String[] chosen, Document document) {
        Set<String> coordinated = new LinkedHashSet<>();
        for (String language : chosen == null ? new String[0] : chosen) {
            LanguageTag tag = LanguageTag.of(language);
            if (!languages.offers(tag)) {
                return Optional.empty();
            }
            if (!tag.equals(document.sourceLanguage())) {
                coordinated.add(tag.value());
            }
        }
        return Optional.of(coordinated);
    }

    /**
     * The schedule field: a date and time in UTC ({@code datetime-local}), null (publish now) when empty.
     *
     * @throws DateTimeParseException if it is not such a date and time
     */
    public static Instant schedule(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
    }
}
