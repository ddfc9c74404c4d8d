package org.internationale.translation.control;

import org.internationale.locale.entity.LanguageTag;
import org.internationale.testing.Project;
import org.internationale.text.control.PoReader;
import org.internationale.text.entity.PoEntry;
import org.internationale.translation.entity.GlossaryTerm;
import org.internationale.translation.entity.QaWarning;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TranslationChecksTest {

    private static final LanguageTag ES = LanguageTag.of("es");

    private static List<QaWarning> check(String source, String translation, String lang, GlossaryTerm... glossary) {
        return TranslationChecks.check(source, translation, LanguageTag.of(lang), List.of(glossary));
    }

    private static List<String> checks(List<QaWarning> warnings) {
        return warnings.stream().map(QaWarning::check).toList();
    }

    @Test
    void aFaithfulTranslationHasNoWarnings() {
        assertEquals(List.of(), check("**Demands:** Minimum $2,000 per month, see [the list](https://example.org/demands).",
                "**Reivindicaciones:** Mínimo 2.000 dólares al mes, véase [la lista](https://example.org/demands).", "es"));
        assertEquals(List.of(), check("12 days of paid sick leave", "١٢ يومًا من الإجازة المرضية المدفوعة", "ar"),
                "native digits are the same number");
    }

    @Test
    void markdownStructureMustMatch() {
        List<QaWarning> warnings = check("**Objectives:** goals and *targets*.", "Objetivos: metas y *objetivos* y *más*.", "es");
        assertEquals(List.of("markdown", "markdown"), checks(warnings), warnings.toString());
        QaWarning extra = warnings.stream().filter(w -> w.message().contains("emphasis") && w.start() >= 0).findFirst().orElseThrow();
        assertEquals("*más*", "Objetivos: metas y *objetivos* y *más*.".substring(extra.start(), extra.end()));
        List<QaWarning> link = check("See [this](https://a.example/x).", "Ver [esto](https://b.example/x).", "es");
        assertTrue(link.stream().anyMatch(w -> w.message().contains("https://a.example/x")), link.toString());
    }

    @Test
    void numbersAndUrlsAreKept() {
        List<QaWarning> warnings = check("Rent amnesty for the outbreak + 3 months, details at https://strike.example/rent.",
                "Amnistía de alquileres durante el brote + 4 meses.", "es");
        assertEquals(List.of("numbers", "numbers", "urls"), checks(warnings).stream().sorted().toList(), warnings.toString());
        QaWarning added = warnings.stream().filter(w -> w.start() >= 0).findFirst().orElseThrow();
        assertEquals("4", "Amnistía de alquileres durante el brote + 4 meses.".substring(added.start(), added.end()));
    }

    @Test
    void messageFormatPlaceholdersAndPlurals() {
        String source = "{count, plural, one {# update about {demand}} other {# updates about {demand}}}";
        assertEquals(List.of(), check(source, "{count, plural, one {# новость о {demand}} few {# новости о {demand}} "
                + "many {# новостей о {demand}} other {# новости о {demand}}}", "ru"));
        List<QaWarning> russian = check(source, "{count, plural, one {# новость о {demand}} other {# новости о {demand}}}", "ru");
        assertTrue(russian.stream().anyMatch(w -> w.check().equals("plurals") && w.message().contains("[few, many]")), russian.toString());
        List<QaWarning> placeholder = check(source, "{count, plural, one {# actualización} many {# actualizaciones} other {# actualizaciones sobre {tema}}}", "es");
        assertTrue(checks(placeholder).contains("placeholders"), placeholder.toString());
        assertEquals(List.of("messageformat"), checks(check(source, "{count, plural, one {# x} other {# y}", "es")));
        assertTrue(check(source, "{count, plural, one {# x} many {# y} other {# z} few {# w}}", "es").stream()
                .anyMatch(w -> w.message().contains("[few]")), "a category the language does not have");
    }

    @Test
    void glossaryTermsAreUsed() {
        GlossaryTerm strike = new GlossaryTerm("es", "general strike", "huelga general", false, null, "t", Instant.EPOCH);
        GlossaryTerm act = new GlossaryTerm("es", "Medicare for All Act", null, true, "a bill's name", "t", Instant.EPOCH);
        assertEquals(List.of(), check("Support the General Strike.", "Apoya la huelga general.", "es", strike));
        List<QaWarning> warnings = check("The general strike and the Medicare for All Act.", "El paro general y la Ley de Medicare.", "es", strike, act);
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).message().contains("huelga general"));
        assertEquals(List.of(), check("The strikers generally agree.", "Los huelguistas están de acuerdo.", "es", strike),
                "only whole terms count");
    }

    @Test
    void theShippedTranslationsKeepTheSourcesMarkdownAndLinks() throws Exception {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(Project.translations())) {
            for (Path file : dirs.map(d -> d.resolve("platform.po")).filter(Files::exists).sorted().toList()) {
                LanguageTag language = LanguageTag.of(file.getParent().getFileName().toString());
                for (PoEntry entry : PoReader.read(Files.readString(file, StandardCharsets.UTF_8)).entries()) {
                    for (QaWarning warning : TranslationChecks.check(entry.id(), entry.translation(), language, List.of())) {
                        if (warning.check().equals("markdown") || warning.check().equals("urls")) {
                            problems.add(language + " " + entry.context() + ": " + warning.message());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }
}
