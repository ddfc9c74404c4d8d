package org.internationale.search.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.locale.entity.Negotiated;
import org.internationale.search.entity.SearchResult;
import org.internationale.search.entity.SearchResult.Hit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs a reader's query. Syntax: words, "phrases", {@code -exclude}, {@code OR}; nothing else is an operator, so no
 * input can fail or expand (no wildcards, no fuzzy, no ranges). Candidates come from the reader's fallback chain;
 * each translation group appears once, in the best language of the chain it matched in, with the others listed as
 * {@code alsoIn}; groups in the reader's own language come first.
 */
@ApplicationScoped
public class Searcher {

    static final int MAX_QUERY = 500;
    static final int CANDIDATES = 500;

    @Inject
    SearchIndex index;

    /** What a reader typed, made safe: control characters gone, length bounded, {@code OR} as the parser's {@code |}. */
    public static String clean(String query) {
        String text = query == null ? "" : query.replaceAll("\\p{Cc}", " ").strip();
        if (text.length() > MAX_QUERY) {
            text = text.substring(0, MAX_QUERY);
        }
        return text.replaceAll("(?<=\\s)OR(?=\\s)", "|").replace("*", " ").replace("~", " ");
    }

    public SearchResult search(String rawQuery, Negotiated negotiated, String type, String demand, int page, int size) {
        String text = clean(rawQuery);
        List<LanguageTag> chain = negotiated.chain().languages();
        LanguageTag reader = negotiated.tag();
        if (text.isBlank()) {
            return new SearchResult(text, reader.value(), 0, page, size, List.of(), Map.of(), null);
        }
        SearchResult strict = run(text, BooleanClause.Occur.MUST, chain, reader, type, demand, page, size);
        // Every word must match, as search engines do. When that finds almost nothing for several plain words — a
        // suffix the stemmer leaves (Arabic لإجازة, Turkish izninin) — the query is relaxed to any of its words,
        // best matches first. Queries with operators are taken as the reader wrote them.
        boolean plainWords = text.strip().contains(" ") && !text.matches(".*[\"|+()-].*");
        if (strict.total() < FEW && plainWords) {
            SearchResult relaxed = run(text, BooleanClause.Occur.SHOULD, chain, reader, type, demand, page, size);
            if (relaxed.total() > strict.total()) {
                return relaxed;
            }
        }
        return strict;
    }

    private SearchResult run(String text, BooleanClause.Occur operator, List<LanguageTag> chain,
                             LanguageTag reader, String type, String demand, int page, int size) {
        Optional<SearchQuery> query = SearchQuery.of(text, index.analyzer(), chain, operator, type, demand);
        if (query.isEmpty()) {
            return new SearchResult(text, reader.value(), 0, page, size, List.of(), Map.of(), null);
        }
        try {
            IndexSearcher searcher = index.acquire();
            try {
                return collect(searcher, query.get().full(), query.get().words(), text, chain, reader, page, size);
            } finally {
                index.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a shown hit needs of its stored fields: not the body, which the highlighter reads itself. */
    private static Document shown(IndexSearcher searcher, int doc) throws IOException {
        DocumentStoredFieldVisitor visitor = new DocumentStoredFieldVisitor() {
            @Override
            public Status needsField(FieldInfo field) {
                return field.name.startsWith("title_") || field.name.equals("id") || field.name.equals("url")
                        || field.name.equals("fieldLanguage") ? Status.YES : Status.NO;
            }
        };
        searcher.storedFields().document(doc, visitor);
        return visitor.getDocument();
    }

    /** A matching text, described by its doc values alone: nothing stored is read until it is shown. */
    private record Candidate(int doc, float score, String group, String language, String type, String year, int rank) {
    }

    /** @param matching the reader's words alone, without the filters: what the highlighter marks */
    private SearchResult collect(IndexSearcher searcher, Query query, Query matching, String text, List<LanguageTag> chain,
                                 LanguageTag reader, int page, int size) throws IOException {
        Map<String, List<Candidate>> groups = new LinkedHashMap<>();
        for (Candidate candidate : candidates(searcher, searcher.search(query, CANDIDATES).scoreDocs, chain)) {
            groups.computeIfAbsent(candidate.group(), g -> new ArrayList<>()).add(candidate);
        }
        List<Candidate> best = new ArrayList<>();
        Map<String, List<String>> alsoIn = new LinkedHashMap<>();
        for (List<Candidate> group : groups.values()) {
            group.sort(Comparator.comparingInt(Candidate::rank).thenComparing(Comparator.comparingDouble(Candidate::score).reversed()));
            Candidate chosen = group.get(0);
            best.add(chosen);
            Set<String> others = new LinkedHashSet<>();
            group.stream().skip(1).forEach(c -> others.add(c.language()));
            others.remove(chosen.language());
            alsoIn.put(chosen.group(), List.copyOf(others));
        }
        best.sort(Comparator.comparingInt((Candidate c) -> c.language().equals(reader.value()) ? 0 : 1)
                .thenComparing(Comparator.comparingDouble(Candidate::score).reversed()));
        Map<String, Map<String, Integer>> facets = new LinkedHashMap<>();
        facets.put("type", new TreeMap<>());
        facets.put("language", new TreeMap<>());
        facets.put("year", new TreeMap<>());
        for (Candidate c : best) {
            facets.get("type").merge(c.type(), 1, Integer::sum);
            facets.get("language").merge(c.language(), 1, Integer::sum);
            if (c.year() != null) {
                facets.get("year").merge(c.year(), 1, Integer::sum);
            }
        }
        int from = Math.min(best.size(), (page - 1) * size);
        List<Candidate> shown = best.subList(from, Math.min(best.size(), from + size));
        Map<Integer, Document> stored = new HashMap<>();
        for (Candidate c : shown) {
            // the stored body is left for the highlighter, which reads it itself
            stored.put(c.doc(), shown(searcher, c.doc()));
        }
        Map<Integer, String> snippets = snippets(searcher, matching, shown, stored);
        List<Hit> hits = new ArrayList<>();
        for (Candidate c : shown) {
            Document document = stored.get(c.doc());
            hits.add(new Hit(document.get("id"), c.type(), c.language(), document.get("title_" + document.get("fieldLanguage")),
                    snippets.get(c.doc()), document.get("url"), c.score(), alsoIn.get(c.group())));
        }
        String suggestion = best.size() < FEW ? didYouMean(searcher, text) : null;
        return new SearchResult(text, reader.value(), best.size(), page, size, hits, facets, suggestion);
    }

    /**
     * The hits' group, language, type and year from doc values, in score order. Reading them stored would decompress
     * every candidate's whole text, title and body included: most of a query's time with hundreds of candidates.
     */
    private static List<Candidate> candidates(IndexSearcher searcher, ScoreDoc[] hits, List<LanguageTag> chain) throws IOException {
        ScoreDoc[] byDoc = hits.clone();
        Arrays.sort(byDoc, Comparator.comparingInt(hit -> hit.doc));
        Map<Integer, Candidate> found = new HashMap<>();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int leafIndex = -1;
        SortedDocValues group = null;
        SortedDocValues language = null;
        SortedDocValues type = null;
        NumericDocValues year = null;
        LeafReaderContext leaf = null;
        for (ScoreDoc hit : byDoc) {
            int at = ReaderUtil.subIndex(hit.doc, leaves);
            if (at != leafIndex) {
                // doc values are forward-only iterators: a fresh set per segment, visited in doc order
                leafIndex = at;
                leaf = leaves.get(at);
                group = DocValues.getSorted(leaf.reader(), "group");
                language = DocValues.getSorted(leaf.reader(), "language");
                type = DocValues.getSorted(leaf.reader(), "type");
                year = DocValues.getNumeric(leaf.reader(), "year");
            }
            int doc = hit.doc - leaf.docBase;
            String languageValue = value(language, doc);
            found.put(hit.doc, new Candidate(hit.doc, hit.score, value(group, doc), languageValue, value(type, doc),
                    year.advanceExact(doc) ? Long.toString(year.longValue()) : null, rank(chain, languageValue)));
        }
        List<Candidate> inScoreOrder = new ArrayList<>(hits.length);
        for (ScoreDoc hit : hits) {
            inScoreOrder.add(found.get(hit.doc));
        }
        return inScoreOrder;
    }

    /** Where a language stands in the reader's chain; tags are compared as indexed (canonical), without parsing them. */
    private static int rank(List<LanguageTag> chain, String language) {
        for (int i = 0; i < chain.size(); i++) {
            if (chain.get(i).value().equals(language)) {
                return i;
            }
        }
        return -1;
    }

    private static String value(SortedDocValues values, int doc) throws IOException {
        return values.advanceExact(doc) ? values.lookupOrd(values.ordValue()).utf8ToString() : null;
    }

    /** Below this many results a spelling suggestion is offered. */
    static final int FEW = 3;

    /**
     * "Did you mean": each word of a query in a spaced script replaced by the most frequent indexed word within two edits
     * (Lucene's {@link DirectSpellChecker} over the universal field, so it works for any language); null when nothing
     * better is known or the query is in a script written without spaces.
     */
    private String didYouMean(IndexSearcher searcher, String text) throws IOException {
        if (text.codePoints().anyMatch(cp -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.THAI;
        })) {
            return null;
        }
        DirectSpellChecker checker = new DirectSpellChecker();
        StringBuilder suggestion = new StringBuilder();
        boolean changed = false;
        for (String word : text.split("\\s+")) {
            List<String> folded = tokens(index.analyzers().universal(), word);
            String replacement = word;
            if (folded.size() == 1 && word.codePoints().allMatch(Character::isLetter)) {
                SuggestWord[] similar = checker.suggestSimilar(new Term("body_all", folded.get(0)), 1, searcher.getIndexReader(),
                        SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                if (similar.length > 0) {
                    replacement = similar[0].string;
                    changed = true;
                }
            }
            suggestion.append(suggestion.length() == 0 ? "" : " ").append(replacement);
        }
        return changed ? suggestion.toString() : null;
    }

    /** Highlighted passages of each hit's own body field, HTML-escaped, matches in {@code <mark>}. */
    private Map<Integer, String> snippets(IndexSearcher searcher, Query query, List<Candidate> shown, Map<Integer, Document> stored)
            throws IOException {
        Map<Integer, String> snippets = new LinkedHashMap<>();
        if (shown.isEmpty()) {
            return snippets;
        }
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, index.analyzer())
                .withFieldMatcher(field -> true)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(20_000)
                .build();
        Map<String, List<Candidate>> byField = new LinkedHashMap<>();
        for (Candidate c : shown) {
            byField.computeIfAbsent("body_" + stored.get(c.doc()).get("fieldLanguage"), f -> new ArrayList<>()).add(c);
        }
        for (Map.Entry<String, List<Candidate>> entry : byField.entrySet()) {
            int[] docs = entry.getValue().stream().mapToInt(Candidate::doc).sorted().toArray();
            Map<String, String[]> highlighted = highlighter.highlightFields(new String[]{entry.getKey()}, query, docs, new int[]{2});
            String[] passages = highlighted.get(entry.getKey());
            for (int i = 0; i < docs.length; i++) {
                snippets.put(docs[i], passages[i]);
            }
        }
        for (Candidate c : shown) {
            if (snippets.get(c.doc()) == null) {
                String field = "body_" + stored.get(c.doc()).get("fieldLanguage");
                String body = searcher.storedFields().document(c.doc(), Set.of(field)).get(field);
                snippets.put(c.doc(), escape(body.length() > 200 ? body.substring(0, 200) + " …" : body));
            }
        }
        return snippets;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    /** The tokens each field's analyzer makes of a text: for translators and editors who wonder why a search misses. */
    public Map<String, List<String>> analyze(String text, LanguageTag language) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        String fl = LanguageAnalyzers.fieldLanguage(language);
        fields.put("body_" + fl, tokens(index.analyzers().of(language), text));
        fields.put("body_all", tokens(index.analyzers().universal(), text));
        return fields;
    }

    static List<String> tokens(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && tokens.size() < 1000) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}
