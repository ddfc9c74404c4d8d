package org.internationale.text.control;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.text.entity.DiffRun;
import org.internationale.text.entity.DiffRun.Op;

import java.util.ArrayList;
import java.util.List;

/**
 * A word-level diff between two versions of a text. Words are found by ICU's word break rules for the text's
 * language — dictionary-based for Chinese, Japanese, Thai, Khmer and Lao, which write no spaces — so a translator
 * sees which words changed, not which characters. Runs of spaces and punctuation are tokens of their own.
 */
public final class WordDiff {

    /** Beyond this many token pairs the longest-common-subsequence table would cost too much: fall back to replacing. */
    private static final long MAX_CELLS = 4_000_000L;

    private WordDiff() {
    }

    public static List<String> tokens(String text, LanguageTag language) {
        BreakIterator words = BreakIterator.getWordInstance(language == null ? ULocale.ROOT : language.locale());
        words.setText(text);
        List<String> tokens = new ArrayList<>();
        int start = words.first();
        for (int end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
            tokens.add(text.substring(start, end));
        }
        return tokens;
    }

    /** The words of a text (tokens with a letter or digit), without the spaces and punctuation between them. */
    public static List<String> words(String text, LanguageTag language) {
        List<String> words = new ArrayList<>();
        for (String token : tokens(text, language)) {
            if (token.codePoints().anyMatch(Character::isLetterOrDigit)) {
                words.add(token);
            }
        }
        return words;
    }

    /** The runs that turn {@code older} into {@code newer}, in order; adjacent runs of one kind are merged. */
    public static List<DiffRun> diff(String older, String newer, LanguageTag language) {
        List<String> a = tokens(older, language);
        List<String> b = tokens(newer, language);
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<DiffRun> runs = new ArrayList<>();
        append(runs, Op.EQUAL, String.join("", a.subList(0, prefix)));
        middle(a.subList(prefix, a.size() - suffix), b.subList(prefix, b.size() - suffix), runs);
        append(runs, Op.EQUAL, String.join("", a.subList(a.size() - suffix, a.size())));
        return runs;
    }

    private static void middle(List<String> a, List<String> b, List<DiffRun> runs) {
        int n = a.size();
        int m = b.size();
        if ((long) n * m > MAX_CELLS) {
            append(runs, Op.DELETE, String.join("", a));
            append(runs, Op.INSERT, String.join("", b));
            return;
        }
        // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..]
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (a.get(i).equals(b.get(j))) {
                append(runs, Op.EQUAL, a.get(i));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                append(runs, Op.DELETE, a.get(i++));
            } else {
                append(runs, Op.INSERT, b.get(j++));
            }
        }
        while (i < n) {
            append(runs, Op.DELETE, a.get(i++));
        }
        while (j < m) {
            append(runs, Op.INSERT, b.get(j++));
        }
    }

    private static void append(List<DiffRun> runs, Op op, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (!runs.isEmpty() && runs.get(runs.size() - 1).op() == op) {
            DiffRun last = runs.remove(runs.size() - 1);
            runs.add(new DiffRun(op, last.text() + text));
        } else {
            runs.add(new DiffRun(op, text));
        }
    }
}
