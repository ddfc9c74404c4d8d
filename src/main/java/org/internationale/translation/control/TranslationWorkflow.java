package org.internationale.translation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ForbiddenException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.internationale.identity.entity.Caller;
import org.internationale.identity.entity.Role;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.system.entity.ContentChanged;
import org.internationale.text.control.MarkdownRenderer;
import org.internationale.text.control.SegmentStore;
import org.internationale.text.control.WordDiff;
import org.internationale.text.entity.DiffRun;
import org.internationale.text.entity.ReviewState;
import org.internationale.text.entity.Segment;
import org.internationale.text.entity.SegmentKey;
import org.internationale.text.entity.StaleRevisionException;
import org.internationale.text.entity.Translation;
import org.internationale.text.entity.TranslationRevision;
import org.internationale.translation.entity.QaWarning;
import org.internationale.translation.entity.TranslationApproved;
import org.internationale.translation.entity.TranslationView;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Saving and approving translations. A save names the translation revision it started from; if someone saved
 * since, it is refused (409) with both texts, never overwritten. Every save is a new revision and a draft again;
 * a reviewer approves the revision they read, and only a revision someone else wrote.
 */
@ApplicationScoped
public class TranslationWorkflow {

    @Inject
    Event<ContentChanged> contentChanged;

    @Inject
    SegmentStore segments;

    @Inject
    Clock clock;

    /** The limits of what a translator or reviewer sends, the same in the workspace and the API. */
    public static final int MAX_TEXT = 20_000;
    public static final int MAX_MESSAGE = 500;
    public static final int MAX_COMMENT = 2000;

    @Inject
    TranslationMemory memory;

    @Inject
    Glossary glossary;

    @Inject
    MarkdownRenderer markdown;

    @Inject
    Event<TranslationApproved> approved;

    /** Languages whose team is too small for a second pair of eyes: there a translator may approve their own work. */
    private Set<LanguageTag> selfReviewed = Set.of();

    @Inject
    void selfReview(@ConfigProperty(name = "SELF_REVIEW_LANGUAGES", defaultValue = " ") String languages) {
        selfReviewed = Arrays.stream(languages.split(",")).filter(s -> !s.isBlank()).map(LanguageTag::of)
                .collect(Collectors.toUnmodifiableSet());
    }

    public record Saved(Translation translation, TranslationRevision revision, boolean changed) {
    }

    /**
     * @param baseRevision the translation revision the translator started from, 0 for a first translation
     * @param sourceRevision the source revision translated; null means the latest
     */
    @Transactional
    public Saved save(Segment detached, LanguageTag language, String text, int baseRevision, Integer sourceRevision,
                      LanguageTag translatedFrom, String author, String message) {
        contentChanged.fire(new ContentChanged("translation " + language));
        Segment segment = segments.find(detached.key()).orElseThrow();
        int source = sourceRevision == null ? segment.latest().number() : sourceRevision;
        if (segment.revision(source).isEmpty()) {
            throw new IllegalArgumentException("the source of " + segment.key() + " has no revision " + source);
        }
        Translation translation = segments.translation(segment, language).orElse(null);
        int latest = translation == null || translation.revisions().isEmpty() ? 0 : translation.latest().number();
        if (baseRevision != latest) {
            throw new StaleRevisionException("The " + language + " translation of " + segment.key(), baseRevision, latest,
                    translation == null ? null : translation.latest().text(), text);
        }
        if (translation == null) {
            translation = segments.createTranslation(segment, language);
        }
        Optional<TranslationRevision> revision = translation.revise(text, source, translatedFrom, author, message,
                ReviewState.DRAFT, clock.instant());
        return new Saved(translation, revision.orElse(translation.latest()), revision.isPresent());
    }

    /**
     * Approves the latest revision, which must be the one the reviewer read, and which someone else must have written
     * (four eyes) unless the language is one of {@code SELF_REVIEW_LANGUAGES}.
     *
     * @throws ForbiddenException when the reviewer wrote the revision themselves
     */
    @Transactional
    public Translation approve(SegmentKey key, LanguageTag language, int revision, String reviewer) {
        contentChanged.fire(new ContentChanged("translation " + language));
        Segment segment = segments.find(key).orElseThrow();
        Translation translation = segments.translation(segment, language)
                .filter(t -> !t.revisions().isEmpty())
                .orElseThrow(() -> new IllegalArgumentException("there is no " + language + " translation of " + key + " to approve"));
        if (translation.latest().number() != revision) {
            throw new StaleRevisionException("The " + language + " translation of " + key, revision, translation.latest().number(),
                    translation.latest().text());
        }
        String translator = translation.latest().author();
        if (!mayApprove(language, translator, reviewer)) {
            throw new ForbiddenException("You wrote revision " + revision + " of this " + language + " translation yourself: "
                    + "another reviewer must approve it (four eyes).");
        }
        translation.approve(reviewer, clock.instant());
        approved.fire(new TranslationApproved(key, language, revision, translator, reviewer));
        return translation;
    }

    /** Four eyes: the reviewer is not the revision's author, except in {@code SELF_REVIEW_LANGUAGES}. */
    boolean mayApprove(LanguageTag language, String translator, String reviewer) {
        return !reviewer.equals(translator) || selfReviewed.contains(language);
    }

    /** The translator hands the latest revision to review. */
    @Transactional
    public Translation submit(SegmentKey key, LanguageTag language, int revision) {
        contentChanged.fire(new ContentChanged("translation " + language));
        Translation translation = current(key, language, revision);
        translation.submit();
        return translation;
    }

    /** A reviewer returns the latest revision to its translator with a comment; it stays stored and unserved. */
    @Transactional
    public Translation sendBack(SegmentKey key, LanguageTag language, int revision, String reviewer, String comment) {
        contentChanged.fire(new ContentChanged("translation " + language));
        Translation translation = current(key, language, revision);
        translation.sendBack(reviewer, comment, clock.instant());
        return translation;
    }

    /**
     * Makes an earlier revision's text the newest revision again, pinned to the source revision it was made from; a
     * draft, like every save. History is never rewritten.
     */
    @Transactional
    public Translation restore(SegmentKey key, LanguageTag language, int revision, int baseRevision, String author) {
        contentChanged.fire(new ContentChanged("translation " + language));
        Translation translation = current(key, language, baseRevision);
        TranslationRevision old = translation.revisions().stream().filter(r -> r.number() == revision).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no revision " + revision));
        translation.revise(old.text(), old.basedOnRevision(), old.translatedFrom().orElse(null), author,
                "Restored revision " + revision, ReviewState.DRAFT, clock.instant());
        return translation;
    }

    private Translation current(SegmentKey key, LanguageTag language, int revision) {
        Segment segment = segments.find(key).orElseThrow();
        Translation translation = segments.translation(segment, language).filter(t -> !t.revisions().isEmpty()).orElseThrow();
        if (translation.latest().number() != revision) {
            throw new StaleRevisionException("The " + language + " translation of " + key, revision, translation.latest().number(),
                    translation.latest().text());
        }
        return translation;
    }

    public Optional<Translation> translation(Segment segment, LanguageTag language) {
        return segments.translation(segment, language);
    }

    /** A text in a language as stored now (read again: a save may just have committed, or lost a race). */
    public TranslationView view(Segment segment, LanguageTag language, Caller caller) {
        Segment current = segments.find(segment.key()).orElseThrow();
        Optional<Translation> translation = translation(current, language).filter(t -> !t.revisions().isEmpty());
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
        return new TranslationView(current.key().value(), language.value(), current.sourceLanguage().value(),
                TranslationProgress.state(current, translation.orElse(null)), translation.map(t -> t.reviewState().label()).orElse(null),
                translation.flatMap(Translation::reviewComment).orElse(null), translation.flatMap(Translation::reviewedBy).orElse(null),
                latestSource.number(), latestSource.text(), markdown.html(latestSource.text()), basedOn, basedOnText, changes, text, translation.map(t -> t.latest().number()).orElse(0),
                warnings, relevant, memory.suggest(latestSource.text(), current.sourceLanguage(), language, 5), history,
                caller.has(Role.TRANSLATOR, language.value()), caller.has(Role.REVIEWER, language.value()));
    }
}
