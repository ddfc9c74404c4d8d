package org.internationale.site.control;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.PluralRules;
import org.internationale.locale.control.LanguageConfiguration;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.testing.Gettext;
import org.internationale.testing.Project;
import org.internationale.text.control.MessageFormats;
import org.internationale.text.control.PoReader;
import org.internationale.text.entity.PoCatalog;
import org.internationale.text.entity.PoEntry;
import org.junit.jupiter.api.DynamicTest;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The interface's own strings ({@code translations/<lang>/ui.po}, ICU MessageFormat): every language has every key
 * of {@code ui.pot}, keeps every argument, parses, and gives each plural exactly its language's CLDR categories.
 */
class UiStringsTest {

    private static PoCatalog read(Path file) throws IOException {
        return PoReader.read(Files.readString(file, StandardCharsets.UTF_8));
    }

    @TestFactory
    Stream<DynamicTest> everyLanguageHasEveryKeyWithValidMessages() throws IOException {
        Map<String, String> source = new LinkedHashMap<>();
        read(Project.translations().resolve("ui.pot")).entries().forEach(e -> source.put(e.context(), e.id()));
        assertTrue(source.size() >= 50);
        List<Path> files;
        try (Stream<Path> dirs = Files.list(Project.translations())) {
            // every language that ships the platform must ship the interface too; some ship only the interface
            files = dirs.filter(Files::isDirectory).filter(d -> Files.exists(d.resolve("platform.po")) || Files.exists(d.resolve("ui.po")))
                    .map(d -> d.resolve("ui.po")).sorted().toList();
        }
        // a factory that finds no file makes no test, and passes
        Set<String> checked = new TreeSet<>(files.stream().map(file -> file.getParent().getFileName().toString()).toList());
        Set<String> defaults = new TreeSet<>(Arrays.asList(LanguageConfiguration.DEFAULT_LANGUAGES.split(",")));
        defaults.remove("en");
        assertTrue(checked.containsAll(defaults), "every default language but the source's is checked: " + checked);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files) {
            String language = file.getParent().getFileName().toString();
            tests.add(DynamicTest.dynamicTest(language, () -> {
                assertTrue(Files.exists(file), language + " ships the platform but no ui.po");
                LanguageTag tag = LanguageTag.of(language);
                Set<String> categories = new TreeSet<>(PluralRules.forLocale(tag.locale()).getKeywords());
                Map<String, PoEntry> entries = new LinkedHashMap<>();
                read(file).entries().forEach(e -> entries.put(e.context(), e));
                assertEquals(source.keySet(), entries.keySet(), language + ": keys differ from ui.pot");
                for (Map.Entry<String, String> key : source.entrySet()) {
                    PoEntry entry = entries.get(key.getKey());
                    String where = language + " " + key.getKey();
                    assertEquals(key.getValue(), entry.id(), where + ": msgid is not ui.pot's");
                    assertTrue(entry.translated() && !entry.fuzzy(), where + " is not translated");
                    String translation = entry.translation();
                    new MessageFormat(translation, tag.locale());
                    assertEquals(MessageFormats.arguments(key.getValue()), MessageFormats.arguments(translation), where + ": arguments differ");
                    for (Set<String> keywords : MessageFormats.pluralKeywords(translation)) {
                        assertEquals(categories, keywords, where + ": plural categories must be " + categories);
                    }
                    assertEquals(MessageFormats.pluralKeywords(key.getValue()).size(), MessageFormats.pluralKeywords(translation).size(), where + ": plurals differ");
                }
                Gettext.Result check = Gettext.msgfmtCheck(file);
                assertTrue(check.ok(), check.output());
            }));
        }
        return tests.stream();
    }
}
