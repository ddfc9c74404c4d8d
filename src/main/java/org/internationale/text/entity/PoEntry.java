package org.internationale.text.entity;

import java.util.List;
import java.util.Set;

/**
 * One gettext catalogue entry. {@code context} is {@code msgctxt}; {@code translations} holds {@code msgstr}
 * or {@code msgstr[n]} for plural entries; {@code comments} are the entry's comment lines as written (translator,
 * extracted and reference comments), {@code previous} the source the translation was made from ({@code #| msgctxt},
 * {@code #| msgid}), or null. {@code line} is where the entry starts in its file.
 */
public record PoEntry(String context, String id, String idPlural, List<String> translations, Set<String> flags,
                      List<String> comments, Previous previous, int line) {

    /**
     * What gettext's {@code msgmerge --previous} keeps of an entry's earlier source: a fuzzy entry's translation
     * still matches this text, not the current {@code msgid}.
     */
    public record Previous(String context, String id, String idPlural) {
    }

    public PoEntry {
        translations = List.copyOf(translations);
        flags = Set.copyOf(flags);
        comments = List.copyOf(comments);
    }

    public PoEntry(String context, String id, String idPlural, List<String> translations, Set<String> flags,
                   List<String> comments, int line) {
        this(context, id, idPlural, translations, flags, comments, null, line);
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
