package org.internationale.platform.entity;

import java.util.List;

/** A platform section in one language, with its sub-sections (the demand groups under {@code demands}). */
public record SectionView(String id, String numeral, ServedClause title, List<ServedClause> clauses, List<SectionView> sections) {
}
