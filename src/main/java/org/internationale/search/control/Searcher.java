package org.internationale.search.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.lucene.search.IndexSearcher;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.locale.entity.Negotiated;
import org.internationale.search.entity.SearchResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs a reader's query. Syntax: words, "phrases", {@code -exclude}, {@code OR}; nothing else is an operator, so no
 * input can fail or expand (no wildcards, no fuzzy, no ranges). Candidates come from the reader's fallback chain; the
 * search itself runs on one snapshot of the index ({@link SnapshotSearch}).
 */
@ApplicationScoped
public class Searcher {

    static final int MAX_QUERY = 500;

    @Inject
    SearchIndex index;

    // compiled once: String.replaceAll and matches compile their pattern on every call, three per search
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cs}\\x{FFFE}\\x{FFFF}]");
    private static final Pattern OR_BETWEEN_WORDS = Pattern.compile("(?<=\\s)OR(?=\\s)");
    private static final Pattern OPERATOR = Pattern.compile("[\"|+()-]");

    /** What a reader typed, made safe: control characters, lone surrogates and noncharacters gone, length bounded, {@code OR} as the parser's {@code |}. */
    public static String clean(String query) {
        String text = query == null ? "" : CONTROL.matcher(query).replaceAll(" ").strip();
        if (text.length() > MAX_QUERY) {
            text = text.substring(0, MAX_QUERY);
        }
        return OR_BETWEEN_WORDS.matcher(text).replaceAll("|").replace("*", " ").replace("~", " ");
    }

    /**
     * Whether a cleaned query is several plain words — no phrase, exclusion, {@code OR} or grouping — and so may be
     * relaxed to any of its words when all of them find almost nothing. Queries with operators are taken as written.
     */
    public static boolean plainWords(String text) {
        return text.strip().contains(" ") && !OPERATOR.matcher(text).find();
    }

    public SearchResult search(String rawQuery, Negotiated negotiated, String type, String demand, int page, int size) {
        try {
            IndexSearcher searcher = index.acquire();
            try {
                return new SnapshotSearch(searcher, index.analyzer(), index.analyzers().universal())
                        .answer(clean(rawQuery), negotiated.chain().languages(), negotiated.tag(), type, demand, page, size);
            } finally {
                index.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tokens each field's analyzer makes of a text: for translators and editors who wonder why a search misses. */
    public Map<String, List<String>> analyze(String text, LanguageTag language) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        String fl = LanguageAnalyzers.fieldLanguage(language);
        fields.put("body_" + fl, LanguageAnalyzers.tokens(index.analyzers().of(language), text));
        fields.put("body_all", LanguageAnalyzers.tokens(index.analyzers().universal(), text));
        return fields;
    }
}
