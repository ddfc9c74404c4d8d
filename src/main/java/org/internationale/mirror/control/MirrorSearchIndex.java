package org.internationale.mirror.control;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.util.ULocale;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One language's search index for the mirror, as a script ({@code search/<lang>.js}: a script loads from
 * {@code file://}, where a browser refuses to fetch JSON). Words are found with ICU's word breaks for the language —
 * the dictionaries that also stand behind the browser's {@code Intl.Segmenter}, which the mirror's script uses on the
 * query — folded to lower case and NFC, so that Thai, Khmer, Burmese, Chinese and Japanese are searched by word.
 */
final class MirrorSearchIndex {

    /** Text kept per page for the result's snippet and for words the two segmenters break differently. */
    static final int TEXT_KEPT = 100_000;

    record Page(String title, String file, String text) {
    }

    private final String language;
    private final ULocale locale;
    private final List<Page> pages = new ArrayList<>();
    private final Map<String, Map<Integer, Integer>> postings = new TreeMap<>();

    MirrorSearchIndex(String language) {
        this.language = language;
        this.locale = ULocale.forLanguageTag(language);
    }

    void add(String title, String file, String text) {
        int number = pages.size();
        String kept = text.length() > TEXT_KEPT ? text.substring(0, TEXT_KEPT) : text;
        pages.add(new Page(title, file, kept));
        for (String term : terms(title + "\n" + kept, locale)) {
            postings.computeIfAbsent(term, t -> new LinkedHashMap<>()).merge(number, 1, Integer::sum);
        }
    }

    int size() {
        return pages.size();
    }

    /** The words of a text as the index keeps them: word-like segments only, lower case, NFC. */
    static List<String> terms(String text, ULocale locale) {
        Normalizer2 nfc = Normalizer2.getNFCInstance();
        String normalized = nfc.normalize(text);
        BreakIterator words = BreakIterator.getWordInstance(locale);
        words.setText(normalized);
        List<String> terms = new ArrayList<>();
        for (int start = words.first(), end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
            if (words.getRuleStatus() == BreakIterator.WORD_NONE) {
                continue;
            }
            terms.add(UCharacter.toLowerCase(locale, normalized.substring(start, end)));
        }
        return terms;
    }

    byte[] script() {
        JsonArrayBuilder listed = Json.createArrayBuilder();
        for (Page page : pages) {
            listed.add(Json.createObjectBuilder().add("t", page.title()).add("u", page.file()).add("x", page.text()));
        }
        JsonObjectBuilder terms = Json.createObjectBuilder();
        postings.forEach((term, where) -> {
            JsonArrayBuilder list = Json.createArrayBuilder();
            where.forEach((page, count) -> list.add(Json.createArrayBuilder().add(page).add(count)));
            terms.add(term, list);
        });
        String json = Json.createObjectBuilder().add("lang", language).add("pages", listed).add("terms", terms).build().toString();
        // "</script" cannot occur in a script file, but U+2028/2029 end a line in older engines' string literals
        json = json.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        return ("window.mirrorIndex = " + json + ";\n").getBytes(StandardCharsets.UTF_8);
    }
}
