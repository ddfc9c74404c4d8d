package org.internationale.translation.entity;

import org.internationale.text.entity.DiffRun;
import org.internationale.text.entity.TranslationRevision;
import org.internationale.translation.entity.GlossaryTerm;
import org.internationale.translation.entity.QaWarning;
import org.internationale.translation.entity.Suggestion;

import java.util.List;

/**
 * One text in one language as translation work sees it — the one view behind the translator's desk page and
 * {@code GET /api/admin/translations/{lang}/{id}}: the current source, the word diff of the source since the revision
 * the translation was made from, the translation (latest revision, whatever its review state; revision 0 and empty
 * text when there is none yet), quality warnings on it, the glossary terms its source contains, memory suggestions,
 * the history (newest first), and what the caller may do.
 */
public record TranslationView(String id, String language, String sourceLanguage, String state, String reviewState,
                              String reviewComment, String reviewedBy, int sourceRevision, String sourceText, String sourceHtml,
                              Integer basedOnRevision, String basedOnSourceText, List<DiffRun> sourceChanges, String text,
                              int revision, List<QaWarning> warnings, List<GlossaryTerm> glossary, List<Suggestion> suggestions,
                              List<TranslationRevision> history, boolean mayTranslate, boolean mayReview) {

    /** Whether the language has a translation of the text yet. */
    public boolean translated() {
        return revision > 0;
    }
}
