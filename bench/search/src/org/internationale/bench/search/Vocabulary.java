package org.internationale.bench.search;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The words of one language, most frequent first, taken from real text: the platform's translations
 * ({@code translations/<lang>/platform.po} msgstr), the English source ({@code content/platform/*.md}), or a word
 * list of the benchmark's own where the project has no translation yet (Hebrew, Thai). Words are found with ICU word
 * boundaries, so Chinese, Japanese and Thai text without spaces yields words too.
 */
final class Vocabulary {

    final String language;
    /** Distinct words, most frequent in the source text first. */
    final List<String> words;

    private Vocabulary(String language, List<String> words) {
        this.language = language;
        this.words = words;
    }

    static Vocabulary load(Path repository, Path wordLists, String language) throws IOException {
        String text;
        Path po = repository.resolve("translations").resolve(language).resolve("platform.po");
        Path list = wordLists.resolve(language + ".txt");
        if (language.equals("en")) {
            StringBuilder all = new StringBuilder();
            try (Stream<Path> files = Files.list(repository.resolve("content/platform"))) {
                for (Path file : files.sorted().toList()) {
                    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                        if (!line.startsWith("[//]") && !line.startsWith("---") && !line.matches("^[a-z_]+:.*")) {
                            all.append(line).append('\n');
                        }
                    }
                }
            }
            text = all.toString();
        } else if (Files.exists(po)) {
            text = msgstrs(Files.readString(po, StandardCharsets.UTF_8));
        } else {
            // the benchmark's own list: one word a line, most frequent first
            return new Vocabulary(language, Files.readAllLines(list, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(w -> !w.isEmpty() && !w.startsWith("#")).distinct().toList());
        }
        return new Vocabulary(language, byFrequency(text, language));
    }

    /** The translated texts of a PO file, joined; the header entry (empty msgid) left out. */
    static String msgstrs(String po) {
        StringBuilder out = new StringBuilder();
        boolean inMsgstr = false;
        boolean header = false;
        for (String line : po.split("\n")) {
            if (line.startsWith("msgid ")) {
                header = line.equals("msgid \"\"");
                inMsgstr = false;
            } else if (line.startsWith("msgstr ")) {
                inMsgstr = true;
                if (!header) {
                    out.append(unquote(line.substring(7))).append('\n');
                }
            } else if (line.startsWith("\"") && inMsgstr && !header) {
                out.append(unquote(line));
            } else if (line.isBlank()) {
                inMsgstr = false;
            }
        }
        return out.toString();
    }

    private static String unquote(String quoted) {
        String inner = quoted.strip();
        inner = inner.substring(1, inner.length() - 1);
        return inner.replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
    }

    private static List<String> byFrequency(String text, String language) {
        Map<String, Integer> counts = new HashMap<>();
        BreakIterator words = BreakIterator.getWordInstance(ULocale.forLanguageTag(language));
        words.setText(text);
        int start = words.first();
        for (int end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
            // rule status 200 and above: letters, kana or ideographs (not numbers, punctuation, space)
            if (words.getRuleStatus() >= BreakIterator.WORD_LETTER) {
                String word = text.substring(start, end);
                if (word.codePoints().allMatch(Character::isLetter) && word.codePointCount(0, word.length()) >= minimumLength(language)) {
                    counts.merge(cased(word, language), 1, Integer::sum);
                }
            }
        }
        List<String> sorted = new ArrayList<>(counts.keySet());
        sorted.sort((a, b) -> counts.get(b) - counts.get(a) != 0 ? counts.get(b) - counts.get(a) : a.compareTo(b));
        return List.copyOf(sorted);
    }

    /** Single Han characters are real words, but single Latin letters are noise. */
    private static int minimumLength(String language) {
        return switch (language) {
            case "zh-Hans", "ja", "ko" -> 1;
            default -> 2;
        };
    }

    private static String cased(String word, String language) {
        return switch (language) {
            case "de", "zh-Hans", "ja", "ko", "th", "ar", "fa", "he", "hi", "bn" -> word;
            default -> word.toLowerCase(Locale.forLanguageTag(language));
        };
    }

    /** Languages written without spaces between words. */
    static boolean unspaced(String language) {
        return language.equals("zh-Hans") || language.equals("ja") || language.equals("th");
    }
}
