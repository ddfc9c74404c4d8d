package org.internationale.web.entity;

import org.internationale.text.entity.DiffRun;
import org.internationale.text.entity.TranslationRevision;
import org.internationale.translation.entity.GlossaryTerm;
import org.internationale.translation.entity.QaWarning;
import org.internationale.translation.entity.Suggestion;

import java.util.List;

/**
 * Everything the side-by-side translation editor shows for one text in one language: the current source, the word
 * diff of the source since the revision the translation was made from, the translation (latest revision, whatever its
 * review state), quality warnings on it, the glossary terms its source contains, memory suggestions, the history, and what the caller may do.
 */
public record TranslationDesk(String id, String language, String sourceLanguage, String state, String reviewState,
                              String reviewComment, int sourceRevision, String sourceText, String sourceHtml,
                              Integer basedOnRevision, List<DiffRun> sourceChanges, String text, int revision,
                              List<QaWarning> warnings, List<GlossaryTerm> glossary, List<Suggestion> suggestions, List<TranslationRevision> history,
                              boolean mayTranslate, boolean mayReview) {
}
