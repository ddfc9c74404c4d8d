package org.internationale.text.control;

import org.internationale.locale.control.LanguageConfiguration;
import org.internationale.locale.control.LanguageRegistry;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.text.entity.ChangeKind;
import org.internationale.text.entity.LocalizedText;
import org.internationale.text.entity.ReviewState;
import org.internationale.text.entity.Segment;
import org.internationale.text.entity.SegmentKey;
import org.internationale.text.entity.Translation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one rule for which text a reader gets, on texts in memory: reviews, unreviewed languages, script conversion. */
class TextLocalizerTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final LanguageTag HANS = LanguageTag.of("zh-Hans");
    private static final LanguageTag HANT = LanguageTag.of("zh-Hant");
    private final LanguageRegistry languages = LanguageConfiguration.parse("en", LanguageConfiguration.DEFAULT_LANGUAGES, "");

    private static Segment segment(String text) {
        Segment segment = new Segment(new SegmentKey("demands.test.clause"), LanguageTag.of("en"));
        segment.revise(text, ChangeKind.MEANING, "seed", null, AT);
        return segment;
    }

    private static Translation translation(Segment segment, LanguageTag language, String text, ReviewState state) {
        Translation translation = new Translation(segment, language);
        translation.revise(text, 1, null, "seed", null, state, AT);
        return translation;
    }

    @Test
    void aTraditionalChineseReaderGetsTheSimplifiedTextConvertedAndLabelledNotEnglish() {
        Segment segment = segment("The working class, united, can win.");
        Map<LanguageTag, Translation> translations = Map.of(HANS, translation(segment, HANS, "团结起来的工人阶级能够胜利。", ReviewState.APPROVED));
        LocalizedText served = new TextLocalizer("none").localize(segment, translations, languages.chain(HANT));
        assertEquals("團結起來的工人階級能夠勝利。", served.text());
        assertEquals(HANT, served.language(), "it reads in the reader's script, so it carries their language");
        assertEquals(HANS, served.convertedFrom());
        assertFalse(served.fallback());
        assertFalse(served.reviewed(), "no person checked the conversion");
    }

    @Test
    void aSimplifiedReaderOfATextWrittenInTraditionalGetsItConvertedBack() {
        Segment segment = new Segment(new SegmentKey("statement.1.body"), HANT);
        segment.revise("**工會**：https://example.org/勞工", ChangeKind.MEANING, "editor", null, AT);
        LocalizedText served = new TextLocalizer("none").localize(segment, Map.of(), languages.chain(HANS));
        assertEquals("**工会**：https://example.org/劳工", served.text(), "Markdown and the address's Latin letters pass unchanged");
        assertEquals(HANT, served.convertedFrom());
    }

    @Test
    void theReadersOwnScriptWinsOverAConversionAndAnOtherLanguageIsNeverConverted() {
        Segment segment = segment("Solidarity.");
        Map<LanguageTag, Translation> translations = Map.of(HANS, translation(segment, HANS, "团结。", ReviewState.APPROVED),
                HANT, translation(segment, HANT, "團結一致。", ReviewState.APPROVED));
        LocalizedText served = new TextLocalizer("none").localize(segment, translations, languages.chain(HANT));
        assertEquals("團結一致。", served.text());
        assertNull(served.convertedFrom());
        LocalizedText japanese = new TextLocalizer("none").localize(segment, translations, languages.chain(LanguageTag.of("ja")));
        assertEquals("Solidarity.", japanese.text(), "Japanese has no translation: the source, not converted Chinese");
        assertNull(japanese.convertedFrom());
    }

    @Test
    void unreviewedTextIsServedEverywhereByDefaultMarkedSoAndNowhereUnderNone() {
        Segment segment = segment("General strike.");
        Map<LanguageTag, Translation> translations = Map.of(LanguageTag.of("pl"),
                translation(segment, LanguageTag.of("pl"), "Strajk generalny.", ReviewState.SUBMITTED));
        LocalizedText byDefault = new TextLocalizer(TextLocalizer.EVERY_LANGUAGE).localize(segment, translations, languages.chain(LanguageTag.of("pl")));
        assertEquals("Strajk generalny.", byDefault.text());
        assertFalse(byDefault.reviewed());
        LocalizedText none = new TextLocalizer("none").localize(segment, translations, languages.chain(LanguageTag.of("pl")));
        assertEquals("General strike.", none.text());
        assertTrue(none.fallback());
        LocalizedText listed = new TextLocalizer("sw, pl").localize(segment, translations, languages.chain(LanguageTag.of("pl")));
        assertEquals("Strajk generalny.", listed.text());
    }
}
