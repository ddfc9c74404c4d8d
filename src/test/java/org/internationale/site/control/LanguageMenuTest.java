package org.internationale.site.control;

import com.ibm.icu.util.ULocale;
import org.internationale.locale.control.LanguageRegistry;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.site.entity.LanguageChoice;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LanguageMenuTest {

    private final LanguageRegistry registry = new LanguageRegistry(LanguageTag.of("en"),
            List.of("es", "fr", "de", "ar", "fa", "sw", "tr", "ru", "ja", "zh-Hans").stream().map(LanguageTag::of).toList(), Map.of());

    private List<String> names(String pageLanguage) {
        return LanguageMenu.of(registry.languages(), ULocale.forLanguageTag(pageLanguage), pageLanguage, "/platform").stream()
                .map(LanguageChoice::nativeName).toList();
    }

    @Test
    void nativeNamesInTheCollationOfThePageLanguage() {
        List<String> english = names("en");
        assertEquals(List.of("Deutsch", "English", "español", "français", "Kiswahili", "Türkçe", "русский", "العربية", "فارسی",
                "日本語", "简体中文").stream().map(name -> name.toLowerCase(Locale.ROOT)).toList(),
                english.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList(), english.toString());
        // Arabic collation puts the Arabic script first
        List<String> arabic = names("ar");
        assertEquals("العربية", arabic.get(0), arabic.toString());
        assertEquals("فارسی", arabic.get(1), arabic.toString());
        // Russian collation puts Cyrillic first
        assertEquals("русский", names("ru").get(0).toLowerCase(Locale.ROOT));
    }

    @Test
    void everyEntryLinksTheSamePageInItsLanguageAndMarksTheCurrentOne() {
        List<LanguageChoice> menu = LanguageMenu.of(registry.languages(), ULocale.forLanguageTag("sw"), "sw", "/demands/x");
        assertEquals(11, menu.size());
        LanguageChoice swahili = menu.stream().filter(LanguageChoice::current).findFirst().orElseThrow();
        assertEquals("sw", swahili.tag());
        assertEquals("/sw/demands/x", swahili.href());
        assertEquals("rtl", menu.stream().filter(c -> c.tag().equals("ar")).findFirst().orElseThrow().direction());
        assertEquals("/zh-Hans/demands/x", menu.stream().filter(c -> c.tag().equals("zh-Hans")).findFirst().orElseThrow().href());
    }
}
