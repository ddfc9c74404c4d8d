package org.internationale.translation.entity;

import java.util.List;

/** Per-entry outcomes of importing one translation file. */
public record ImportReport(String language, List<ImportOutcome> outcomes) {

    public ImportReport {
        outcomes = List.copyOf(outcomes);
    }

    public long count(ImportOutcome.Result result) {
        return outcomes.stream().filter(o -> o.result() == result).count();
    }

    public String summary() {
        return language + ": " + count(ImportOutcome.Result.APPLIED) + " applied, " + count(ImportOutcome.Result.UNCHANGED)
                + " unchanged, " + count(ImportOutcome.Result.CONFLICT) + " conflicts, "
                + count(ImportOutcome.Result.REJECTED) + " rejected";
    }
}
