package org.internationale.site.control;

import org.internationale.locale.control.LanguageConfiguration;
import org.internationale.locale.control.LanguageRegistry;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.site.control.UiStrings;
import org.internationale.site.entity.Notice;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UiTest {

    /** Interface texts that show their key and arguments, so the tests see what was asked for. */
    static final class EchoStrings extends UiStrings {
        @Override
        public String text(String key, LanguageTag language, Object... arguments) {
            return key + Arrays.toString(arguments);
        }
    }

    private final LanguageRegistry registry = new LanguageRegistry(LanguageTag.of("en"),
            List.of(LanguageTag.of("sw"), LanguageTag.of("ar"), LanguageTag.of("ja")), Map.of());

    private Ui ui(String language) {
        return new Ui(registry.language(LanguageTag.of(language)), new EchoStrings(), "/platform", "https://example.org", List.of(), null, null);
    }

    @Test
    void aFallbackNamesBothLanguagesInTheInterfaceLanguage() {
        List<Notice> notices = ui("sw").notices("en", true, false, true, "/en/platform#x");
        assertEquals(1, notices.size());
        assertEquals("fallback", notices.get(0).kind());
        assertEquals("notice.fallback[language, Kiswahili, fallbackLanguage, Kiingereza]", notices.get(0).text());
    }

    @Test
    void anOutdatedTranslationLinksTheCurrentOriginalAndUnreviewedIsSaid() {
        List<Notice> notices = ui("ar").notices("ar", false, true, false, "/en/platform#demands.x");
        assertEquals(List.of("outdated", "unreviewed"), notices.stream().map(Notice::kind).toList());
        assertEquals("/en/platform#demands.x", notices.get(0).link());
        assertTrue(ui("ar").notices("ar", false, false, true, "/en/platform").isEmpty(), "a current reviewed text needs no notice");
    }

    @Test
    void aTextConvertedFromTheOtherScriptSaysFromWhichInsteadOfJustUnreviewed() {
        LanguageRegistry chinese = new LanguageRegistry(LanguageTag.of("en"), List.of(LanguageTag.of("zh-Hans"), LanguageTag.of("zh-Hant")), Map.of());
        Ui traditional = new Ui(chinese.language(LanguageTag.of("zh-Hant")), new EchoStrings(), "/platform", "https://example.org", List.of(), null, null);
        List<Notice> notices = traditional.notices("zh-Hant", false, false, false, "zh-Hans", "/en/platform#x");
        assertEquals(List.of("converted"), notices.stream().map(Notice::kind).toList());
        assertEquals("notice.converted[language, 中文（簡體）]", notices.get(0).text());
    }

    /** Digits, grouping, month names and calendars as CLDR gives each locale through ICU4J: nothing of ours. */
    @Test
    void numbersAndDatesFollowEachLocalesCldrDefaults() {
        LanguageRegistry all = LanguageConfiguration.parse("en", LanguageConfiguration.DEFAULT_LANGUAGES, "");
        java.util.function.Function<String, Ui> ui = tag -> new Ui(all.language(LanguageTag.of(tag)), new EchoStrings(), "/", "https://example.org",
                List.of(), null, null);
        Instant day = Instant.parse("2026-12-07T12:00:00Z");
        assertEquals("۱۲٬۳۴۵", ui.apply("fa").number(12345), "Persian digits and separator");
        assertEquals("۱۶ آذر ۱۴۰۵", ui.apply("fa").date(day), "the Solar Hijri calendar, Persian month names");
        assertEquals("১২,৩৪৫", ui.apply("bn").number(12345), "Bengali digits");
        assertEquals("৭ ডিসেম্বর, ২০২৬", ui.apply("bn").date(day));
        assertEquals("१२,३४५", ui.apply("ne").number(12345), "Devanagari digits in Nepali, not in Hindi");
        assertEquals("12,345", ui.apply("hi").number(12345));
        assertEquals("၁၂,၃၄၅", ui.apply("my").number(12345), "Myanmar digits");
        assertEquals("7 ธันวาคม 2569", ui.apply("th").date(day), "the Buddhist era, Thai month name");
        assertEquals("7 grudnia 2026", ui.apply("pl").date(day), "the genitive of the Polish month");
        assertEquals("12 345", ui.apply("pl").number(12345).replace('\u00a0', ' '), "a space groups Polish thousands");
        assertEquals("2026年12月7日", ui.apply("zh-Hant").date(day));
        assertEquals("7 ዲሴምበር 2026", ui.apply("am").date(day), "Ethiopic month name");
    }

    @Test
    void addressesDirectionAndLocalFormats() {
        Ui arabic = ui("ar");
        assertEquals("rtl", arabic.dir());
        assertEquals("/ar/search", arabic.href("/search"));
        assertEquals("https://example.org/ar/platform", arabic.canonical());
        assertEquals("١٢٬٣٤٥", arabic.number(12345), "Arabic digits and grouping");
        assertEquals("2026年11月26日", ui("ja").date(Instant.parse("2026-11-26T10:00:00Z")));
        assertEquals("ltr", arabic.direction("ja"));
    }

    @Test
    void demandsBecomePlainTextForLinks() {
        assertEquals("Federally guaranteed paid sick leave for all.",
                Ui.plain("- Federally guaranteed **paid sick leave** for [all](https://example.org)."));
        assertEquals("", Ui.plain(null));
    }
}
