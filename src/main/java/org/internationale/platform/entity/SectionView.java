package org.internationale.platform.entity;

import java.util.List;

/** A platform section in one language, with its sub-sections (the demand groups under {@code demands}). */
public record SectionView(String id, String numeral, ServedClause title, List<ServedClause> clauses, List<SectionView> sections) {

    /** Whether any text of this section, in the reader's language, is an unreviewed translation. */
    public boolean anyUnreviewed(String language) {
        return unreviewedIn(title, language) || clauses.stream().anyMatch(c -> unreviewedIn(c, language))
                || sections.stream().anyMatch(s -> s.anyUnreviewed(language));
    }

    private static boolean unreviewedIn(ServedClause text, String language) {
        return !text.reviewed() && text.convertedFrom() == null && text.language().equals(language);
    }
}
