package org.internationale.text.control;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class MarkdownRendererTest {

    private final MarkdownRenderer markdown = new MarkdownRenderer();

    /** Vectors from the OWASP XSS filter evasion cheat sheet, as Markdown and as raw HTML inside Markdown. */
    public static final List<String> VECTORS = List.of(
            "<script>alert('XSS')</script>",
            "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>",
            "<IMG SRC=\"javascript:alert('XSS');\">",
            "<IMG SRC=javascript:alert('XSS')>",
            "<IMG SRC=JaVaScRiPt:alert('XSS')>",
            "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
            "<a onmouseover=\"alert(document.cookie)\">xxs link</a>",
            "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
            "<IMG SRC=# onmouseover=\"alert('xxs')\">",
            "<IMG SRC=/ onerror=\"alert(String.fromCharCode(88,83,83))\"></img>",
            "<img src=x onerror=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041\">",
            "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
            "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
            "<BODY ONLOAD=alert('XSS')>",
            "<svg/onload=alert('XSS')>",
            "<iframe src=\"javascript:alert('XSS');\"></iframe>",
            "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
            "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
            "<TABLE BACKGROUND=\"javascript:alert('XSS')\">",
            "<object data=\"javascript:alert('XSS')\"></object>",
            "[click](javascript:alert('XSS'))",
            "[click](JaVaScRiPt:alert('XSS'))",
            "[click](javascript&#58;alert('XSS'))",
            "[click](vbscript:msgbox('XSS'))",
            "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4=)",
            "![img](javascript:alert('XSS'))",
            "![img](\"onerror=\"alert('XSS'))",
            "[a](https://example.org \"title\\\" onmouseover=\\\"alert(1)\")",
            "<https://example.org/\"onmouseover=\"alert(1)>",
            "javascript:alert('XSS') as an autolink",
            "| a |\n|---|\n| <script>alert(1)</script> |",
            "# <img src=x onerror=alert(1)>");

    private static final Pattern TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]*)([^<>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\s([a-zA-Z-]+)=\"([^\"]*)\"");
    private static final java.util.Set<String> SAFE_TAGS = java.util.Set.of("p", "a", "img", "h1", "h2", "h3", "h4", "h5", "h6",
            "table", "thead", "tbody", "tr", "th", "td", "em", "strong", "code", "pre", "ul", "ol", "li", "blockquote", "hr", "br");
    private static final java.util.Set<String> SAFE_ATTRIBUTES = java.util.Set.of("href", "src", "alt", "title", "rel", "id",
            "loading", "align", "start");

    /** Every real tag in the output is a harmless one, with harmless attributes and targets. */
    public static void assertInert(String vector, String html) {
        java.util.regex.Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            String name = tag.group(1).toLowerCase(Locale.ROOT);
            assertTrue(SAFE_TAGS.contains(name), vector + " rendered a <" + name + ">: " + html);
            java.util.regex.Matcher attribute = ATTRIBUTE.matcher(tag.group(2));
            while (attribute.find()) {
                String key = attribute.group(1).toLowerCase(Locale.ROOT);
                assertTrue(SAFE_ATTRIBUTES.contains(key), vector + " rendered attribute " + key + ": " + html);
                if (key.equals("href") || key.equals("src")) {
                    String target = attribute.group(2).toLowerCase(Locale.ROOT).replaceAll("\\s", "");
                    assertTrue(target.isEmpty() || target.startsWith("http://") || target.startsWith("https://")
                            || target.startsWith("/") || target.startsWith("#") || target.startsWith("mailto:")
                            || !target.contains(":"), vector + " rendered target " + target + ": " + html);
                }
            }
        }
    }

    @Test
    void owaspVectorsRenderInert() {
        for (String vector : VECTORS) {
            assertInert(vector, markdown.html(vector));
        }
    }

    @Test
    void extensionsAndExternalLinks() {
        String html = markdown.html("## Our demands\n\n| Demand | Status |\n|---|---|\n| Sick leave | won |\n\n"
                + "See https://strike.example/news and [the platform](/en/platform).");
        assertTrue(html.contains("<h2 id=\"our-demands\">Our demands</h2>"), html);
        assertTrue(html.contains("<table>") && html.contains("<td>Sick leave</td>"), html);
        assertTrue(html.contains("<a rel=\"nofollow noopener\" href=\"https://strike.example/news\">"), html);
        assertTrue(html.contains("<a href=\"/en/platform\">the platform</a>"), html);
    }

    @Test
    void aRightToLeftTextIsolatesItsLatinNamesAndNumbersAndEscapesThem() {
        String html = markdown.html("قانون Medicare for All Act of 2019 S.1129، و**١٢ يوماً** أو 12 يوماً <b>x</b>.", "rtl");
        assertTrue(html.contains("<bdi>Medicare for All Act of 2019 S.1129</bdi>، "), html);
        assertTrue(html.contains("<bdi>12</bdi>"), html);
        assertTrue(html.contains("&lt;b&gt;<bdi>x</bdi>&lt;/b&gt;"), "raw HTML stays escaped: " + html);
        assertFalse(html.contains("<b>x</b>"), html);
        assertTrue(html.contains("<strong><bdi>١٢</bdi> يوماً</strong>"), "numbers in either digits are isolated, inside emphasis too: " + html);
        assertEquals(markdown.html("Medicare for All Act of 2019", "ltr"), markdown.html("Medicare for All Act of 2019"),
                "left-to-right texts are rendered as they were");
        assertFalse(markdown.html("[Link](https://example.org/a) text", "ltr").contains("<bdi>"));
    }

    @Test
    void plainClauseTextIsAParagraph() {
        assertEquals("<p>Rent amnesty for the duration of the outbreak + 3 months.</p>\n",
                markdown.html("Rent amnesty for the duration of the outbreak + 3 months."));
    }

    /** What search indexes of a text: the words on the page, no markup, no link addresses, no list markers. */
    @Test
    void visibleTextIsTheWordsAReaderSeesWithoutMarkup() {
        String text = markdown.visibleText("""
                **Formar a posibles huelguistas** sobre [cómo organizarse](https://example.org/guia "guía") y \\*no\\* _rendirse_.

                - uno `código`
                - dos ![cartel](cartel.png)

                1. tres
                2. cuatro

                > una cita
                """);
        assertEquals("""
                Formar a posibles huelguistas sobre cómo organizarse y *no* rendirse.
                uno código
                dos cartel
                tres
                cuatro
                una cita""", text);
        assertEquals("إضراب العمال ✊🏽 労働者", markdown.visibleText("**إضراب** _العمال_ ✊🏽 [労働者](/ja/platform)"));
        assertEquals("a < b & c", markdown.visibleText("a < b & c"), "what the page shows escaped stays as written");
    }
}
