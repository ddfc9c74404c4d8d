package org.internationale.locale.control;

import org.internationale.locale.entity.Direction;
import org.internationale.locale.entity.IllFormedLanguageTagException;
import org.internationale.locale.entity.LanguageTag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LanguageRegistryTest {

    private final LanguageRegistry registry = LanguageConfiguration.parse("en", LanguageConfiguration.DEFAULT_LANGUAGES, "");

    private List<String> chain(String tag) {
        return registry.chain(LanguageTag.of(tag)).languages().stream().map(LanguageTag::value).toList();
    }

    @Test
    void regionalVariantFallsBackThroughItsParentToTheSource() {
        assertEquals(List.of("pt-BR", "en"), chain("pt-BR"));
        // pt is not offered itself: it stands for its likely variant, pt-BR
        assertEquals(List.of("pt-BR", "en"), chain("pt"));
        assertEquals(List.of("pt-BR", "en"), chain("pt-PT"));
        assertEquals(List.of("es", "en"), chain("es-MX"));
    }

    @Test
    void aReaderOfSeveralLanguagesGetsThemInTheirOrderBeforeAnyFallback() {
        LanguageRegistry configured = LanguageConfiguration.parse("en", LanguageConfiguration.DEFAULT_LANGUAGES, "sw=fr");
        assertEquals(List.of("sw", "ar", "fr", "en"), configured.chain(List.of(LanguageTag.of("sw"), LanguageTag.of("ar-EG")))
                .languages().stream().map(LanguageTag::value).toList());
        // Tigrinya is not offered: the reader's next language serves, then the source
        assertEquals(List.of("ar", "en"), registry.chain(List.of(LanguageTag.of("ti"), LanguageTag.of("ar")))
                .languages().stream().map(LanguageTag::value).toList());
    }

    @Test
    void chainAlwaysEndsAtTheSource() {
        assertEquals(List.of("en"), chain("en"));
        assertEquals(List.of("en"), chain("en-GB"));
        assertEquals(List.of("en"), chain("xx"));
        assertEquals(List.of("ar", "en"), chain("ar-EG"));
    }

    @Test
    void chineseInOneScriptFallsBackToTheOtherScriptConvertedNeverToItsParent() {
        assertEquals(List.of("zh-Hant", "zh-Hans", "en"), chain("zh-Hant"));
        assertEquals(List.of("zh-Hant", "zh-Hans", "en"), chain("zh-TW"));
        assertEquals(List.of("zh-Hans", "zh-Hant", "en"), chain("zh"));
        assertEquals(List.of("zh-Hans", "zh-Hant", "en"), chain("zh-CN"));

        // with only Simplified offered, a Traditional reader is not silently given it (zh-Hant's parent is zh, Simplified)
        LanguageRegistry simplifiedOnly = LanguageConfiguration.parse("en", "en,zh-Hans", "");
        assertEquals(List.of("en"), simplifiedOnly.chain(LanguageTag.of("zh-Hant")).languages().stream().map(LanguageTag::value).toList());
    }

    @Test
    void serbianInLatinFallsBackToCyrillicConvertedButNotTheOtherWayRound() {
        LanguageRegistry serbian = LanguageConfiguration.parse("en", "en,sr-Cyrl,sr-Latn", "");
        assertEquals(List.of("sr-Latn", "sr-Cyrl", "en"), serbian.chain(LanguageTag.of("sr-Latn")).languages().stream().map(LanguageTag::value).toList());
        // ICU ships no Latin-to-Cyrillic transform for Serbian: a Cyrillic reader is not given Latin text as their own
        assertEquals(List.of("sr-Cyrl", "en"), serbian.chain(LanguageTag.of("sr")).languages().stream().map(LanguageTag::value).toList());
    }

    @Test
    void configuredFallbacksComeBeforeParents() {
        LanguageRegistry configured = LanguageConfiguration.parse("en", "en,es,fr,ca", "ca=es|fr");
        assertEquals(List.of("ca", "es", "fr", "en"),
                configured.chain(LanguageTag.of("ca-ES")).languages().stream().map(LanguageTag::value).toList());
    }

    @Test
    void icuDescribesEachLanguage() {
        var arabic = registry.language(LanguageTag.of("ar"));
        assertEquals(Direction.RTL, arabic.direction());
        assertEquals("العربية", arabic.nativeName());
        assertEquals("Arabic", arabic.name());
        assertEquals(6, arabic.pluralCategories().size(), "CLDR: zero, one, two, few, many, other");
        assertEquals(Direction.RTL, registry.language(LanguageTag.of("fa")).direction());
        assertEquals(Direction.LTR, registry.language(LanguageTag.of("hi")).direction());
        assertEquals("简体中文", registry.language(LanguageTag.of("zh-Hans")).nativeName());
        assertEquals("日本語", registry.language(LanguageTag.of("ja")).nativeName());
        assertEquals("Português (Brasil)", registry.language(LanguageTag.of("pt-BR")).nativeName());
        assertEquals(List.of("other"), List.copyOf(registry.language(LanguageTag.of("ja")).pluralCategories()));
    }

    @Test
    void badConfigurationIsRefusedWithTheSettingsName() {
        var unknownTarget = assertThrows(IllegalArgumentException.class, () -> LanguageConfiguration.parse("en", "en,es", "ca=fr"));
        assertTrue(unknownTarget.getMessage().startsWith("LANGUAGE_FALLBACKS"), unknownTarget.getMessage());
        var illFormed = assertThrows(IllegalArgumentException.class, () -> LanguageConfiguration.parse("en", "en,e$", ""));
        assertTrue(illFormed.getMessage().startsWith("LANGUAGES"), illFormed.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LanguageConfiguration.parse("en", "en", "ca"));
    }

    @Test
    void tagsAreCanonicalAndStrict() {
        assertEquals("pt-BR", LanguageTag.of("pt-br").value());
        assertEquals("zh-Hans", LanguageTag.of("ZH-hans").value());
        assertEquals("pt-BR", LanguageTag.of("pt_BR").value());
        assertThrows(IllFormedLanguageTagException.class, () -> LanguageTag.of("e$"));
        assertThrows(IllFormedLanguageTagException.class, () -> LanguageTag.of(""));
        assertThrows(IllFormedLanguageTagException.class, () -> LanguageTag.of("en--US"));
        assertThrows(IllFormedLanguageTagException.class, () -> LanguageTag.of("x".repeat(100)));
        assertThrows(IllFormedLanguageTagException.class, () -> LanguageTag.of("123"));
    }
}
