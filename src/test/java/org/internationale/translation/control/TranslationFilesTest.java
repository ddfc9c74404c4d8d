package org.internationale.translation.control;

import org.internationale.locale.control.LanguageConfiguration;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.platform.control.PlatformContent;
import org.internationale.platform.entity.SectionSource;
import org.internationale.system.control.SeedFiles;
import org.internationale.testing.Gettext;
import org.internationale.testing.Project;
import org.internationale.text.control.PoReader;
import org.internationale.text.entity.PoCatalog;
import org.internationale.text.entity.PoEntry;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped translation files against the shipped content: every language covers exactly the clause ids that
 * {@code content/} has, each file passes {@code msgfmt --check}, and the template is in step with the content.
 */
class TranslationFilesTest {

    /** Segment id → current source text, as the seed import would store it. */
    static Map<String, String> sourceTexts() throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        for (SectionSource section : PlatformContent.parse(SeedFiles.read(Project.content(), ".md"))) {
            texts.put(section.titleKey(), section.title());
            section.clauses().forEach(c -> texts.put(c.id(), c.text()));
        }
        return texts;
    }

    static List<Path> languageFiles() throws IOException {
        try (Stream<Path> dirs = Files.list(Project.translations())) {
            return dirs.filter(Files::isDirectory).map(d -> d.resolve("platform.po")).filter(Files::exists).sorted().toList();
        }
    }

    @Test
    void everyDefaultLanguageShipsATranslationOfThePlatform() throws IOException {
        Set<String> shipped = new TreeSet<>();
        for (Path file : languageFiles()) {
            shipped.add(file.getParent().getFileName().toString());
        }
        Set<String> expected = new TreeSet<>(Arrays.asList(LanguageConfiguration.DEFAULT_LANGUAGES.split(",")));
        expected.remove("en");
        assertEquals(expected, shipped);
        assertTrue(shipped.size() >= 17);
    }

    @TestFactory
    Stream<DynamicTest> eachFileCoversExactlyTheContentsIds() throws IOException {
        Map<String, String> source = sourceTexts();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : languageFiles()) {
            String language = file.getParent().getFileName().toString();
            tests.add(DynamicTest.dynamicTest(language, () -> {
                PoCatalog catalog = PoReader.read(Files.readString(file, StandardCharsets.UTF_8));
                assertEquals(LanguageTag.of(language), LanguageTag.of(catalog.headerField("Language").orElseThrow()),
                        "the Language header names the folder's language");
                Set<String> ids = new TreeSet<>();
                catalog.entries().forEach(e -> ids.add(e.context()));
                Set<String> missing = new TreeSet<>(source.keySet());
                missing.removeAll(ids);
                Set<String> unknown = new TreeSet<>(ids);
                unknown.removeAll(source.keySet());
                assertEquals(Set.of(), missing, language + " misses clause ids that content/ has");
                assertEquals(Set.of(), unknown, language + " has clause ids that content/ lacks");
                for (PoEntry entry : catalog.entries()) {
                    assertEquals(source.get(entry.context()), entry.id(), language + " " + entry.context()
                            + ": msgid is not the current source text (it would import as outdated)");
                    assertTrue(entry.translated() && !entry.fuzzy(), language + " " + entry.context() + " is not translated");
                    assertFalse(entry.translation().equals(entry.id()), language + " " + entry.context() + " is a copy of the source");
                }
            }));
            tests.add(DynamicTest.dynamicTest(language + " msgfmt --check", () -> {
                Gettext.Result result = Gettext.msgfmtCheck(file);
                assertTrue(result.ok(), result.output());
            }));
        }
        return tests.stream();
    }

    @Test
    void theTemplateIsInStepWithTheContent() throws Exception {
        Path template = Project.translations().resolve("platform.pot");
        PoCatalog catalog = PoReader.read(Files.readString(template, StandardCharsets.UTF_8));
        Map<String, String> inTemplate = new LinkedHashMap<>();
        catalog.entries().forEach(e -> inTemplate.put(e.context(), e.id()));
        assertEquals(sourceTexts(), inTemplate, "translations/platform.pot differs from content/: regenerate it");
        assertTrue(Gettext.msgfmtCheck(template).ok());
    }
}
