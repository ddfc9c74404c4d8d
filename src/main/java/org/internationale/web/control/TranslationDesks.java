package org.internationale.web.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.internationale.identity.control.Permissions;
import org.internationale.identity.entity.Caller;
import org.internationale.identity.entity.Role;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.text.control.MarkdownRenderer;
import org.internationale.text.control.SegmentStore;
import org.internationale.text.control.WordDiff;
import org.internationale.text.entity.DiffRun;
import org.internationale.text.entity.Segment;
import org.internationale.text.entity.Translation;
import org.internationale.text.entity.TranslationRevision;
import org.internationale.translation.control.Glossary;
import org.internationale.translation.control.TranslationChecks;
import org.internationale.translation.control.TranslationMemory;
import org.internationale.translation.control.TranslationProgress;
import org.internationale.translation.control.TranslationWorkflow;
import org.internationale.translation.entity.QaWarning;
import org.internationale.web.entity.TranslationDesk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Gathers what the side-by-side translation editor shows for one text in one language ({@link TranslationDesk}). */
@ApplicationScoped
public class TranslationDesks {

    @Inject
    Permissions permissions;

    @Inject
    SegmentStore segments;

    @Inject
    TranslationWorkflow workflow;

    @Inject
    TranslationMemory memory;

    @Inject
    Glossary glossary;

    @Inject
    MarkdownRenderer markdown;

    /**
     * The caller, if they may look at a language's texts: editors see every language, translators and reviewers the
     * languages they are granted; anyone else is refused with the translator grant they lack.
     */
    public Caller readerOf(LanguageTag language) {
        return permissions.requireReader(language.value());
    }

    /** The desk of a text in a language as stored now (read again: a save may just have lost a race). */
    public TranslationDesk open(Segment segment, LanguageTag language, Caller caller) {
        Segment current = segments.find(segment.key()).orElseThrow();
        Optional<Translation> translation = workflow.translation(current, language).filter(t -> !t.revisions().isEmpty());
        var latestSource = current.latest();
        Integer basedOn = translation.map(t -> t.latest().basedOnRevision()).orElse(null);
        String basedOnText = basedOn == null ? null : current.revision(basedOn).map(r -> r.text()).orElse(null);
        List<DiffRun> changes = basedOnText == null || basedOn == latestSource.number() ? List.of()
                : WordDiff.diff(basedOnText, latestSource.text(), current.sourceLanguage());
        String text = translation.map(t -> t.latest().text()).orElse("");
        var terms = glossary.of(language);
        List<QaWarning> warnings = translation.isEmpty() ? List.of() : TranslationChecks.check(latestSource.text(), text, language, terms);
        // the glossary terms this source contains, compared case-insensitively without the server's locale
        String folded = latestSource.text().toLowerCase(Locale.ROOT);
        var relevant = terms.stream().filter(t -> folded.contains(t.sourceTerm().toLowerCase(Locale.ROOT))).toList();
        List<TranslationRevision> history = new ArrayList<>(translation.map(Translation::revisions).orElse(List.of()));
        history.sort((a, b) -> Integer.compare(b.number(), a.number()));
        return new TranslationDesk(current.key().value(), language.value(), current.sourceLanguage().value(),
                TranslationProgress.state(current, translation.orElse(null)), translation.map(t -> t.reviewState().label()).orElse(null),
                translation.flatMap(Translation::reviewComment).orElse(null), latestSource.number(), latestSource.text(),
                markdown.html(latestSource.text()), basedOn, changes, text, translation.map(t -> t.latest().number()).orElse(0),
                warnings, relevant, memory.suggest(latestSource.text(), current.sourceLanguage(), language, 5), history,
                caller.has(Role.TRANSLATOR, language.value()), caller.has(Role.REVIEWER, language.value()));
    }
}
