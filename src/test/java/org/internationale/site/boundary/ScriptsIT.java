package org.internationale.site.boundary;

import org.internationale.testing.Chromium;
import org.internationale.testing.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each script looks right in a real browser (Debian's Chromium, with the fonts the README names: fonts-noto-core and
 * fonts-noto-cjk). A page per script renders its own words with a font that has them: a letter drawn as the missing
 * glyph box is as wide as a Private Use Area character, which no font has; a script without a font is all boxes.
 * Right-to-left pages say {@code dir="rtl"}, start their text at the right, and isolate the Latin names and numbers
 * in them; Urdu is set in Nastaliq with the line height it needs.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ScriptsIT {

    /** A language per script of the 32: the platform's first page in each. */
    private static final Map<String, String> SCRIPTS = Map.ofEntries(Map.entry("Latin", "pl"), Map.entry("Cyrillic", "ru"),
            Map.entry("Arabic", "ar"), Map.entry("Hebrew", "he"), Map.entry("Devanagari", "ne"), Map.entry("Bengali", "bn"),
            Map.entry("Tamil", "ta"), Map.entry("Ethiopic", "am"), Map.entry("Thai", "th"), Map.entry("Khmer", "km"),
            Map.entry("Myanmar", "my"), Map.entry("Han", "zh-Hant"), Map.entry("Hangul", "ko"), Map.entry("Kana", "ja"));

    private static WebDriver browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void start() {
        browser = Chromium.start(null, "--window-size=1200,1600");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private Object script(String javascript) {
        return ((JavascriptExecutor) browser).executeScript(javascript);
    }

    private void open(String path) {
        browser.get(base.toString().replaceAll("/+$", "") + path);
    }

    /**
     * The letters of the page's heading and first clause that are drawn exactly as the missing-glyph box, out of how
     * many letters: each drawn alone on a canvas in the element's own font, pixel for pixel against a Private Use Area
     * character, which no font has.
     */
    private static final String MISSING_GLYPHS = """
            const canvas = document.createElement('canvas'); canvas.width = 120; canvas.height = 120;
            const g = canvas.getContext('2d', { willReadFrequently: true });
            let letters = 0, boxes = 0;
            for (const el of [document.querySelector('main h1'), document.querySelector('main .clause p')]) {
              const style = getComputedStyle(el);
              const draw = text => { g.clearRect(0, 0, 120, 120); g.font = style.fontSize + ' ' + style.fontFamily;
                g.fillText(text, 20, 80); return g.getImageData(0, 0, 120, 120).data.join(','); };
              const box = draw('\\uE000');
              for (const ch of Array.from(el.textContent).filter(c => /\\p{L}/u.test(c)).slice(0, 60)) {
                letters++; if (draw(ch) === box) boxes++; }
            }
            return [letters, boxes];""";

    @TestFactory
    Stream<DynamicTest> everyScriptRendersWithAFontThatHasIt() {
        return SCRIPTS.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            open("/" + entry.getValue() + "/platform");
            @SuppressWarnings("unchecked")
            List<Long> counts = (List<Long>) script(MISSING_GLYPHS);
            assertTrue(counts.get(0) > 10, entry.getKey() + ": letters measured " + counts);
            assertEquals(0L, counts.get(1), entry.getKey() + " (" + entry.getValue() + "): letters drawn as missing-glyph boxes, of "
                    + counts.get(0) + " — install fonts-noto-core and fonts-noto-cjk");
        }));
    }

    @TestFactory
    Stream<DynamicTest> rightToLeftPagesStartAtTheRightAndIsolateLatinAndNumbers() {
        return Stream.of("ar", "fa", "he", "ur").map(language -> DynamicTest.dynamicTest(language, () -> {
            open("/" + language + "/platform");
            assertEquals("rtl", script("return document.documentElement.dir"));
            assertEquals("rtl", script("return getComputedStyle(document.querySelector('main .clause p')).direction"));
            // the first line of a paragraph starts at the paragraph's right edge
            Object gap = script("""
                    const p = document.querySelector('main .clause p'); const r = document.createRange(); r.selectNodeContents(p);
                    return p.getBoundingClientRect().right - r.getClientRects()[0].right;""");
            assertTrue(((Number) gap).doubleValue() < 2, language + ": the text starts " + gap + " px left of the right edge");
            // "12 days", "Medicare for All Act of 2019 S.1129", "$2,000": each in its own isolate
            @SuppressWarnings("unchecked")
            List<String> isolated = (List<String>) script("return Array.from(document.querySelectorAll('main .clause bdi')).map(b => b.textContent)");
            assertTrue(isolated.stream().anyMatch(text -> text.contains("Medicare for All Act of 2019 S.1129")), language + ": " + isolated);
            assertTrue(isolated.stream().anyMatch(text -> text.matches(".*\\d.*")), language + ": numbers isolated, " + isolated);
            assertTrue(isolated.stream().noneMatch(text -> text.strip().length() != text.length()), "an isolate holds no edge spaces: " + isolated);
        }));
    }

    @TestFactory
    Stream<DynamicTest> urduIsSetInNastaliqWithRoomForItsLines() {
        return Stream.of(DynamicTest.dynamicTest("ur", () -> {
            open("/ur/platform");
            String family = (String) script("return getComputedStyle(document.querySelector('main .clause p')).fontFamily");
            assertTrue(family.startsWith("\"Noto Nastaliq Urdu\""), family);
            double ratio = ((Number) script("""
                    const s = getComputedStyle(document.querySelector('main .clause p'));
                    return parseFloat(s.lineHeight) / parseFloat(s.fontSize);""")).doubleValue();
            assertTrue(ratio >= 2, "line height " + ratio + " × the font size");
        }));
    }
}
