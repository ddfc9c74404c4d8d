package org.internationale.platform.entity;

import org.internationale.text.entity.ChangeKind;

import java.util.List;

/** A section as the seed files state it, before import. */
public record SectionSource(String id, String parent, int order, String numeral, String title,
                            ChangeKind changeKind, List<ClauseSource> clauses, String file) {

    public SectionSource {
        clauses = List.copyOf(clauses);
    }

    public String titleKey() {
        return id + ".title";
    }

    public record ClauseSource(String id, ClauseForm form, String text) {
    }
}
