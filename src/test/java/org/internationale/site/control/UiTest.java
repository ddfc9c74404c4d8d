package org.internationale.site.control;

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
