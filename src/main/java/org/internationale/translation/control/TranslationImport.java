package org.internationale.translation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.system.entity.ContentChanged;
import org.internationale.text.control.SegmentStore;
import org.internationale.text.entity.ChangeKind;
import org.internationale.text.entity.PoCatalog;
import org.internationale.text.entity.PoEntry;
import org.internationale.text.entity.ReviewState;
import org.internationale.text.entity.Segment;
import org.internationale.text.entity.SegmentKey;
import org.internationale.text.entity.SourceRevision;
import org.internationale.text.entity.Translation;
import org.internationale.text.entity.TranslationRevision;
import org.internationale.translation.entity.ImportOutcome;
import org.internationale.translation.entity.ImportOutcome.Result;
import org.internationale.translation.entity.ImportReport;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a PO catalogue to the stored translations of one language. The entry's {@code msgid} pins the
 * translation to the source revision with that text; text that matches no revision imports as based on
 * revision 0, i.e. outdated. A fuzzy entry imports as a draft. The others import as approved only when the file's
 * header records who reviewed it ({@code X-Reviewed-By}); otherwise as submitted, awaiting a reviewer in the
 * language's queue: a translation no person checked is never presented as reviewed ({@code X-Provenance} says how
 * each shipped file was made).
 *
 * <p>An entry never overwrites a translation that someone edited after {@code author} last wrote it: that is
 * reported as a conflict and the stored text stays.
 */
@ApplicationScoped
public class TranslationImport {

    @Inject
    Event<ContentChanged> contentChanged;

    @Inject
    SegmentStore segments;

    @Inject
    Clock clock;

    /** The header field in which a translation file records the fluent person who reviewed it. */
    public static final String REVIEWED_BY = "X-Reviewed-By";

    @Transactional
    public ImportReport apply(LanguageTag language, PoCatalog catalog, String author, String message) {
        Optional<String> reviewer = catalog.headerField(REVIEWED_BY).map(String::strip).filter(by -> !by.isBlank());
        return each(language, catalog, (entry, found, translations) -> apply(language, entry, author, message, reviewer, found, translations));
    }

    private ImportOutcome apply(LanguageTag language, PoEntry entry, String author, String message, Optional<String> reviewer,
                                Map<SegmentKey, Segment> found, Map<Long, Map<LanguageTag, Translation>> translations) {
        String id = entry.context();
        if (id == null) {
            return new ImportOutcome(entry.id(), Result.REJECTED, "line " + entry.line() + ": no msgctxt, so no segment id");
        }
        SegmentKey key;
        try {
            key = new SegmentKey(id);
        } catch (IllegalArgumentException e) {
            return new ImportOutcome(id, Result.REJECTED, "line " + entry.line() + ": " + e.getMessage());
        }
        if (!entry.translated()) {
            return new ImportOutcome(id, Result.UNCHANGED, "not translated in the file");
        }
        Segment segment = found.get(key);
        if (segment == null) {
            return new ImportOutcome(id, Result.REJECTED, "line " + entry.line() + ": no segment has this id");
        }
        if (segment.sourceLanguage().equals(language)) {
            return new ImportOutcome(id, Result.REJECTED, "this is the segment's source language");
        }
        int basedOn = basedOn(segment, entry.id());
        ReviewState state = entry.fuzzy() ? ReviewState.DRAFT : reviewer.isPresent() ? ReviewState.APPROVED : ReviewState.SUBMITTED;
        Translation translation = translations.getOrDefault(segment.id(), Map.of()).get(language);
        if (translation == null) {
            translation = segments.createTranslation(segment, language);
            translations.computeIfAbsent(segment.id(), k -> new java.util.HashMap<>()).put(language, translation);
        }
        if (!translation.revisions().isEmpty()) {
            TranslationRevision latest = translation.latest();
            boolean sameText = latest.text().equals(entry.translation()) && latest.basedOnRevision() == basedOn;
            if (state == ReviewState.APPROVED && sameText && translation.approved().filter(a -> a.number() == latest.number()).isEmpty()
                    && author.equals(latest.author())) {
                // the file now records the review of the text it brought: approved, in the reviewer's name
                translation.approve(reviewer.get(), clock.instant());
                return new ImportOutcome(id, Result.APPLIED, "reviewed by " + reviewer.get() + ", as the file records");
            }
            if (state == ReviewState.SUBMITTED && sameText) {
                // the same text: a file cannot take back a reviewer's approval, only one that no person gave
                return translation.withdrawUnattributedApproval()
                        ? new ImportOutcome(id, Result.APPLIED, "no review recorded in the file: awaits a reviewer")
                        : new ImportOutcome(id, Result.UNCHANGED, null);
            }
            Optional<TranslationRevision> lastByAuthor = translation.revisions().stream()
                    .filter(r -> author.equals(r.author())).reduce((a, b) -> b);
            boolean sameAsLastImport = lastByAuthor.isPresent() && lastByAuthor.get().text().equals(entry.translation())
                    && lastByAuthor.get().basedOnRevision() == basedOn;
            if (sameAsLastImport || latest.text().equals(entry.translation()) && latest.basedOnRevision() == basedOn
                    && translation.reviewState() == state) {
                return new ImportOutcome(id, Result.UNCHANGED, null);
            }
            if (!author.equals(latest.author())) {
                return new ImportOutcome(id, Result.CONFLICT, "revision " + latest.number() + " by " + latest.author()
                        + " is newer than this file's text; it was kept");
            }
        }
        translation.revise(entry.translation(), basedOn, null, author, message, state, clock.instant());
        if (reviewer.isPresent() && state == ReviewState.APPROVED) {
            translation.approve(reviewer.get(), clock.instant());
        } else {
            translation.withdrawUnattributedApproval();
        }
        return new ImportOutcome(id, Result.APPLIED, basedOn == 0 ? "source text not found: imported as outdated" : null);
    }

    /**
     * Applies a file that was exported from here and worked on elsewhere. Each entry says which translation revision
     * it started from ({@code translation-revision}); an entry whose start is older than the stored translation is a
     * conflict and is not applied. Applied entries become new draft revisions by {@code author}. A fuzzy entry keeps
     * the translation's old source pin (the previous source the file names, else the stored one): the translator has not
     * confirmed it against the new source yet. An entry that is no longer fuzzy is pinned to its {@code msgid}.
     */
    @Transactional
    public ImportReport applyExchange(LanguageTag language, PoCatalog catalog, String author) {
        return each(language, catalog, (entry, found, translations) -> exchange(language, entry, author, found, translations));
    }

    private ImportOutcome exchange(LanguageTag language, PoEntry entry, String author, Map<SegmentKey, Segment> found,
                                   Map<Long, Map<LanguageTag, Translation>> translations) {
        String id = entry.context();
        SegmentKey key;
        try {
            key = new SegmentKey(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            return new ImportOutcome(String.valueOf(id), Result.REJECTED, "line " + entry.line() + ": not a segment id");
        }
        Segment segment = found.get(key);
        if (segment == null || segment.retired()) {
            return new ImportOutcome(id, Result.REJECTED, "line " + entry.line() + ": no text has this id");
        }
        if (segment.sourceLanguage().equals(language)) {
            return new ImportOutcome(id, Result.REJECTED, "this is the text's source language");
        }
        if (!entry.translated() || entry.translation().isBlank()) {
            return new ImportOutcome(id, Result.UNCHANGED, "not translated in the file");
        }
        int sourceRevision = basedOn(segment, entry.id());
        if (sourceRevision == 0) {
            return new ImportOutcome(id, Result.REJECTED, "line " + entry.line() + ": the source text (msgid) is none of this text's revisions");
        }
        Translation translation = translations.getOrDefault(segment.id(), Map.of()).get(language);
        boolean present = translation != null && !translation.revisions().isEmpty();
        int basedOn = entry.fuzzy() ? fuzzyPin(segment, entry, present ? translation.latest().basedOnRevision() : 0) : sourceRevision;
        int fileRevision = meta(entry, "translation-revision");
        if (present) {
            TranslationRevision latest = translation.latest();
            if (latest.text().equals(entry.translation()) && sameMeaning(segment, latest.basedOnRevision(), basedOn)) {
                return new ImportOutcome(id, Result.UNCHANGED, null);
            }
            if (fileRevision < latest.number()) {
                return new ImportOutcome(id, Result.CONFLICT, "the file was made from revision " + fileRevision + "; revision "
                        + latest.number() + " by " + latest.author() + " is newer and was kept");
            }
        } else {
            translation = segments.createTranslation(segment, language);
            translations.computeIfAbsent(segment.id(), k -> new java.util.HashMap<>()).put(language, translation);
        }
        translation.revise(entry.translation(), basedOn, null, author, "Imported from a translation file", ReviewState.DRAFT,
                clock.instant());
        return new ImportOutcome(id, Result.APPLIED, null);
    }

    /**
     * The source revision a fuzzy entry's translation still matches: the one its previous msgid names, when the file
     * kept it and it is one of the text's revisions, else the stored translation's.
     */
    private static int fuzzyPin(Segment segment, PoEntry entry, int stored) {
        if (entry.previous() != null) {
            int previous = basedOn(segment, entry.previous().id());
            if (previous > 0) {
                return previous;
            }
        }
        return stored;
    }

    private interface EntryImport {
        ImportOutcome apply(PoEntry entry, Map<SegmentKey, Segment> found, Map<Long, Map<LanguageTag, Translation>> translations);
    }

    /** Checks the file's language, loads every named segment and its translation in two queries, then imports each entry. */
    private ImportReport each(LanguageTag language, PoCatalog catalog, EntryImport importer) {
        catalog.headerField("Language").filter(h -> !h.isBlank()).ifPresent(declared -> {
            if (!LanguageTag.of(declared).equals(language)) {
                throw new IllegalArgumentException("the file is for " + declared + ", not " + language);
            }
        });
        List<SegmentKey> keys = new ArrayList<>();
        for (PoEntry entry : catalog.entries()) {
            try {
                keys.add(new SegmentKey(entry.context()));
            } catch (IllegalArgumentException | NullPointerException rejectedBelow) {
                // reported per entry
            }
        }
        Map<SegmentKey, Segment> found = segments.findAll(keys);
        Map<Long, Map<LanguageTag, Translation>> translations = segments.translations(found.values(), List.of(language));
        List<ImportOutcome> outcomes = new ArrayList<>();
        for (PoEntry entry : catalog.entries()) {
            outcomes.add(importer.apply(entry, found, translations));
        }
        ImportReport report = new ImportReport(language.value(), outcomes);
        if (report.count(Result.APPLIED) > 0) {
            // only a file that changed something changes pages: a start-up re-import of the same files changes none
            contentChanged.fire(new ContentChanged("translations " + language));
        }
        return report;
    }

    /** A number from an extracted comment such as {@code #. translation-revision: 3}; 0 when absent. */
    static int meta(PoEntry entry, String name) {
        String prefix = "#. " + name + ":";
        for (String comment : entry.comments()) {
            if (comment.startsWith(prefix)) {
                try {
                    return Integer.parseInt(comment.substring(prefix.length()).strip());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    /**
     * Whether two source revisions mean the same: only typo and wording revisions lie between them. A translation pinned
     * to one is current for the other (a typo fix leaves translations current without re-pinning them), so an export
     * made after such a fix, imported untouched, must change nothing.
     */
    static boolean sameMeaning(Segment segment, int one, int other) {
        int from = Math.min(one, other);
        int to = Math.max(one, other);
        return from == to || from > 0 && segment.revisions().stream()
                .noneMatch(r -> r.number() > from && r.number() <= to && r.changeKind() == ChangeKind.MEANING);
    }

    /** The newest source revision whose text is the entry's msgid, or 0 when none is. */
    static int basedOn(Segment segment, String sourceText) {
        List<SourceRevision> revisions = segment.revisions();
        for (int i = revisions.size() - 1; i >= 0; i--) {
            if (revisions.get(i).text().equals(sourceText)) {
                return revisions.get(i).number();
            }
        }
        return 0;
    }
}
