package org.internationale.platform.control;

import jakarta.persistence.EntityManager;
import org.internationale.locale.control.LanguageConfiguration;
import org.internationale.locale.control.LanguageRegistry;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.platform.entity.PlatformClause;
import org.internationale.platform.entity.SectionSource;
import org.internationale.platform.entity.SectionSource.ClauseSource;
import org.internationale.system.entity.ContentChanged;
import org.internationale.testing.Project;
import org.internationale.testing.RecordingEvent;
import org.internationale.testing.TestDatabase;
import org.internationale.text.control.PoReader;
import org.internationale.text.control.SegmentStore;
import org.internationale.text.control.TextLocalizer;
import org.internationale.text.entity.ChangeKind;
import org.internationale.text.entity.LocalizedText;
import org.internationale.text.entity.PoCatalog;
import org.internationale.text.entity.Segment;
import org.internationale.text.entity.SegmentKey;
import org.internationale.text.entity.SourceRevised;
import org.internationale.text.entity.Translation;
import org.internationale.text.entity.TranslationState;
import org.internationale.translation.control.TranslationImports;
import org.internationale.translation.entity.ImportOutcome;
import org.internationale.translation.entity.ImportReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed import against a real database (H2, or PostgreSQL in CI's second pass): idempotent re-import,
 * stable clause ids, revisions and outdated translations when the files change, and never overwriting
 * what someone edited in the system.
 */
class SeedImportPersistenceTest {

    private static final LanguageTag ES = LanguageTag.of("es");
    private final Clock clock = Clock.fixed(Instant.parse("2026-05-01T12:00:00Z"), ZoneOffset.UTC);
    private final LanguageRegistry languages = LanguageConfiguration.parse("en", LanguageConfiguration.DEFAULT_LANGUAGES, "");
    private final RecordingEvent<SourceRevised> revised = new RecordingEvent<>();
    private final RecordingEvent<ContentChanged> changes = new RecordingEvent<>();
    private TestDatabase database;

    @BeforeEach
    void open() {
        database = new TestDatabase();
    }

    @AfterEach
    void close() {
        database.close();
    }

    private PlatformImport.Report importSections(List<SectionSource> sections) {
        AtomicReference<PlatformImport.Report> report = new AtomicReference<>();
        database.inTransaction(em -> {
            PlatformImport platformImport = new PlatformImport();
            platformImport.em = em;
            platformImport.segments = new SegmentStore(em);
            platformImport.languages = languages;
            platformImport.revised = revised;
            platformImport.contentChanged = changes;
            platformImport.clock = clock;
            report.set(platformImport.importSections(sections));
        });
        return report.get();
    }

    private ImportReport importTranslations(LanguageTag language, PoCatalog catalog, String author) {
        AtomicReference<ImportReport> report = new AtomicReference<>();
        database.inTransaction(em -> report.set(TranslationImports.create(new SegmentStore(em), clock, changes)
                .apply(language, catalog, author, "test import")));
        return report.get();
    }

    private static PoCatalog shippedSpanish() throws Exception {
        return PoReader.read(Files.readString(Project.translations().resolve("es/platform.po"), StandardCharsets.UTF_8));
    }

    private long count(String entity) {
        EntityManager em = database.entityManager();
        try {
            return em.createQuery("select count(x) from " + entity + " x", Long.class).getSingleResult();
        } finally {
            em.close();
        }
    }

    private <T> T read(java.util.function.Function<EntityManager, T> query) {
        EntityManager em = database.entityManager();
        try {
            return query.apply(em);
        } finally {
            em.close();
        }
    }

    private TranslationState spanishState(String id) {
        return read(em -> {
            SegmentStore store = new SegmentStore(em);
            Segment segment = store.find(new SegmentKey(id)).orElseThrow();
            return segment.stateOf(store.translation(segment, ES).orElse(null));
        });
    }

    /** The shipped sections with one clause's text replaced. */
    private static List<SectionSource> withClause(List<SectionSource> sections, String id, String text, ChangeKind kind) {
        List<SectionSource> changed = new ArrayList<>();
        for (SectionSource s : sections) {
            List<ClauseSource> clauses = s.clauses().stream()
                    .map(c -> c.id().equals(id) ? new ClauseSource(c.id(), c.form(), text) : c).toList();
            changed.add(new SectionSource(s.id(), s.parent(), s.order(), s.numeral(), s.title(), kind, clauses, s.file()));
        }
        return changed;
    }

    @Test
    void reimportingTheSameSeedChangesNothing() throws Exception {
        List<SectionSource> seed = PlatformContentTest.shipped();
        PlatformImport.Report first = importSections(seed);
        assertEquals(70, first.created());
        ImportReport spanish = importTranslations(ES, shippedSpanish(), PlatformImport.SEED_AUTHOR);
        assertEquals(70, spanish.count(ImportOutcome.Result.APPLIED));
        long sourceRevisions = count("SourceRevision");
        long translationRevisions = count("TranslationRevision");
        assertEquals(List.of(new ContentChanged("platform import"), new ContentChanged("translations es")), changes.fired,
                "a first import changes what readers see");
        changes.fired.clear();

        PlatformImport.Report second = importSections(seed);
        assertEquals(new PlatformImport.Report(0, 0, 70, 0, 0), second);
        assertEquals(70, importTranslations(ES, shippedSpanish(), PlatformImport.SEED_AUTHOR).count(ImportOutcome.Result.UNCHANGED));
        assertEquals(sourceRevisions, count("SourceRevision"));
        assertEquals(translationRevisions, count("TranslationRevision"));
        assertEquals(70, sourceRevisions);
        assertTrue(revised.fired.isEmpty(), "creating is not revising");
        assertEquals(List.of(), changes.fired, "importing the same seed again changes no page, so no cache forgets");
    }

    @Test
    void aChangedFileRevisesOnlyItsClauseAndKeepsTheId() throws Exception {
        List<SectionSource> seed = PlatformContentTest.shipped();
        importSections(seed);
        importTranslations(ES, shippedSpanish(), PlatformImport.SEED_AUTHOR);
        String id = "demands.housing.shelter-for-all";

        List<SectionSource> changed = withClause(seed, id, "Guaranteed permanent housing for all who lack shelter.", ChangeKind.MEANING);
        PlatformImport.Report meaning = importSections(changed);
        assertEquals(1, meaning.revised());
        assertEquals(69, meaning.unchanged());
        assertEquals(TranslationState.OUTDATED, spanishState(id));
        assertEquals(TranslationState.CURRENT, spanishState("demands.housing.halt-evictions"));
        assertEquals(2, (int) read(em -> new SegmentStore(em).find(new SegmentKey(id)).orElseThrow().latest().number()));
        assertEquals(List.of(new SourceRevised(new SegmentKey(id), 2, ChangeKind.MEANING, PlatformImport.SEED_AUTHOR)), revised.fired);

        String typoId = "demands.housing.halt-evictions";
        List<SectionSource> typo = withClause(changed, typoId, "Immediate cessation of all eviction and foreclosure proceedings during the pandemic.", ChangeKind.TYPO);
        importSections(typo);
        assertEquals(TranslationState.CURRENT, spanishState(typoId), "a typo fix keeps translations current");

        // the translation file, re-imported, still names the old source text: it stays pinned to revision 1
        ImportReport again = importTranslations(ES, shippedSpanish(), PlatformImport.SEED_AUTHOR);
        assertEquals(70, again.count(ImportOutcome.Result.UNCHANGED), again.outcomes().toString());
        assertEquals(TranslationState.OUTDATED, spanishState(id));
    }

    @Test
    void aClauseThatLeavesTheFilesIsRetiredNotDeleted() throws Exception {
        List<SectionSource> seed = PlatformContentTest.shipped();
        importSections(seed);
        String id = "demands.end-hostilities.end-aggression";
        List<SectionSource> without = new ArrayList<>();
        for (SectionSource s : seed) {
            without.add(new SectionSource(s.id(), s.parent(), s.order(), s.numeral(), s.title(), s.changeKind(),
                    s.clauses().stream().filter(c -> !c.id().equals(id)).toList(), s.file()));
        }
        assertEquals(1, importSections(without).retired());
        assertTrue(read(em -> em.find(PlatformClause.class, id).retired()).booleanValue());
        importSections(seed);
        assertFalse(read(em -> em.find(PlatformClause.class, id).retired()).booleanValue(), "it comes back with its history");
        assertEquals(1, (int) read(em -> new SegmentStore(em).find(new SegmentKey(id)).orElseThrow().revisions().size()));
    }

    @Test
    void anEditMadeInTheSystemIsNeverOverwrittenByTheFiles() throws Exception {
        List<SectionSource> seed = PlatformContentTest.shipped();
        importSections(seed);
        String id = "pledge.tactical-unity";
        database.inTransaction(em -> new SegmentStore(em).find(new SegmentKey(id)).orElseThrow()
                .revise("Edited by an editor in the workspace.", ChangeKind.WORDING, "maria", "tone", clock.instant()));
        PlatformImport.Report report = importSections(withClause(seed, id, "Changed in the file too.", ChangeKind.MEANING));
        assertEquals(1, report.conflicts());
        assertEquals("Edited by an editor in the workspace.",
                read(em -> new SegmentStore(em).find(new SegmentKey(id)).orElseThrow().latest().text()));
    }

    private org.internationale.text.entity.ReviewState spanishReview(String id) {
        return read(em -> {
            SegmentStore store = new SegmentStore(em);
            return store.translation(store.find(new SegmentKey(id)).orElseThrow(), ES).orElseThrow().reviewState();
        });
    }

    @Test
    void aFileThatRecordsNoReviewAwaitsAReviewerAndTakesBackOnlyAnApprovalNoPersonGave() throws Exception {
        importSections(PlatformContentTest.shipped());
        String id = "strategies.basic";
        String file = Files.readString(Project.translations().resolve("es/platform.po"), StandardCharsets.UTF_8);
        assertTrue(file.contains("X-Provenance: "), "the shipped file says how it was made");
        importTranslations(ES, PoReader.read(file), PlatformImport.SEED_AUTHOR);
        assertEquals(org.internationale.text.entity.ReviewState.SUBMITTED, spanishReview(id), "no review recorded: it awaits one");

        // as the import once left every shipped text: approved, though no person reviewed it
        database.inTransaction(em -> {
            SegmentStore store = new SegmentStore(em);
            Translation translation = store.translation(store.find(new SegmentKey(id)).orElseThrow(), ES).orElseThrow();
            translation.revise(translation.latest().text(), translation.latest().basedOnRevision(), null, PlatformImport.SEED_AUTHOR,
                    "old import", org.internationale.text.entity.ReviewState.APPROVED, clock.instant());
        });
        assertEquals(org.internationale.text.entity.ReviewState.APPROVED, spanishReview(id));
        ImportReport withdrawn = importTranslations(ES, PoReader.read(file), PlatformImport.SEED_AUTHOR);
        assertEquals(org.internationale.text.entity.ReviewState.SUBMITTED, spanishReview(id), "an approval no person gave is taken back");
        assertEquals(1, withdrawn.count(ImportOutcome.Result.APPLIED), withdrawn.summary());

        String reviewedFile = file.replace("\"Language: es\\n\"", "\"Language: es\\n\"\n\"X-Reviewed-By: Lucía Pérez <lucia@example.org>\\n\"");
        assertTrue(reviewedFile.contains("X-Reviewed-By"));
        importTranslations(ES, PoReader.read(reviewedFile), PlatformImport.SEED_AUTHOR);
        assertEquals(org.internationale.text.entity.ReviewState.APPROVED, spanishReview(id), "the file records who reviewed it");
        assertEquals("Lucía Pérez <lucia@example.org>", read(em -> {
            SegmentStore store = new SegmentStore(em);
            return store.translation(store.find(new SegmentKey(id)).orElseThrow(), ES).orElseThrow().reviewedBy().orElseThrow();
        }), "in the reviewer's name");

        importTranslations(ES, PoReader.read(file), PlatformImport.SEED_AUTHOR);
        assertEquals(org.internationale.text.entity.ReviewState.APPROVED, spanishReview(id), "a review a person is named for stays");
    }

    @Test
    void translationFilesPinTheirSourceAndNeverOverwriteNewerWork() throws Exception {
        importSections(PlatformContentTest.shipped());
        String id = "strategies.basic";
        PoCatalog stale = PoReader.read("""
                msgid ""
                msgstr "Language: es\\n"

                msgctxt "strategies.basic"
                msgid "We have a basic strategy in two parts:"
                msgstr "Tenemos una estrategia básica en dos partes:"

                #, fuzzy
                msgctxt "strategies.support-individuals"
                msgid "Support Individuals by guiding them to organizations and information they need to self-organize."
                msgstr "Apoyar a las personas."

                msgctxt "no.such.clause"
                msgid "x"
                msgstr "y"
                """);
        ImportReport report = importTranslations(ES, stale, PlatformImport.SEED_AUTHOR);
        assertEquals(2, report.count(ImportOutcome.Result.APPLIED));
        assertEquals(1, report.count(ImportOutcome.Result.REJECTED));
        assertEquals(TranslationState.OUTDATED, spanishState(id), "a msgid that matches no source revision imports as outdated");

        // a draft (fuzzy) is stored but readers get the source, flagged as fallback
        LocalizedText served = read(em -> {
            SegmentStore store = new SegmentStore(em);
            Segment segment = store.find(new SegmentKey("strategies.support-individuals")).orElseThrow();
            Map<LanguageTag, Translation> byLanguage = store.translations(List.of(segment), List.of(ES)).get(segment.id());
            return new TextLocalizer(" ").localize(segment, byLanguage, languages.chain(ES));
        });
        assertEquals(LanguageTag.of("en"), served.language());
        assertTrue(served.fallback());

        // someone improves the translation in the system; the next file import must not undo it
        database.inTransaction(em -> {
            SegmentStore store = new SegmentStore(em);
            Segment segment = store.find(new SegmentKey(id)).orElseThrow();
            store.translation(segment, ES).orElseThrow().revise("Tenemos una estrategia básica de dos vertientes:", 1, null,
                    "lucia", "fixed", org.internationale.text.entity.ReviewState.APPROVED, clock.instant());
        });
        PoCatalog changedFile = PoReader.read("""
                msgid ""
                msgstr "Language: es\\n"

                msgctxt "strategies.basic"
                msgid "We have a two-pronged basic strategy:"
                msgstr "Otra traducción desde el archivo:"
                """);
        ImportReport conflict = importTranslations(ES, changedFile, PlatformImport.SEED_AUTHOR);
        assertEquals(1, conflict.count(ImportOutcome.Result.CONFLICT));
        assertEquals("Tenemos una estrategia básica de dos vertientes:", read(em -> {
            SegmentStore store = new SegmentStore(em);
            return store.translation(store.find(new SegmentKey(id)).orElseThrow(), ES).orElseThrow().latest().text();
        }));
        assertEquals(TranslationState.CURRENT, spanishState(id));
    }
}
