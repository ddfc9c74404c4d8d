package org.internationale.translation.entity;

import java.util.List;
import java.util.Set;

/**
 * One gettext catalogue entry. {@code context} is {@code msgctxt}; {@code translations} holds {@code msgstr}
 * or {@code msgstr[n]} for plural entries. {@code line} is where the entry starts in its file.
 */
public record PoEntry(String context, String id, String idPlural, List<String> translations, Set<String> flags,
                      List<String> comments, int line) {

    public PoEntry {
        translations = List.copyOf(translations);
        flags = Set.copyOf(flags);
        comments = List.copyOf(comments);
    }

    public static PoEntry of(String context, String id, String translation) {
        return new PoEntry(context, id, null, List.of(translation), Set.of(), List.of(), 0);
    }

    public boolean isHeader() {
        return id.isEmpty() && context == null;
    }

    public boolean fuzzy() {
        return flags.contains("fuzzy");
    }

    public String translation() {
        return translations.isEmpty() ? "" : translations.get(0);
    }

    public boolean translated() {
        return translations.stream().noneMatch(String::isEmpty);
    }
}
