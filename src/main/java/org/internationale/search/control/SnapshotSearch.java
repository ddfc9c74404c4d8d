package org.internationale.search.control;

import com.ibm.icu.util.ULocale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.internationale.locale.control.ScriptConversion;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.search.entity.SearchResult;
import org.internationale.search.entity.SearchResult.Hit;
import org.internationale.text.control.TextExcerpt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A reader's query answered on one snapshot of the index: {@link Searcher} runs it on the searcher it acquires, the
 * search benchmark on an {@link IndexSearcher} of its own (to measure what the server adds to the same search). Each
 * translation group appears once, in the first language of the chain it matched in, with the chain's other languages
 * it can be read in listed as {@code alsoIn}. Texts in the reader's own language come first, then those of the chain's
 * next language, and so on ({@link ChainCollector}); {@code total} and the facets count every match.
 */
public final class SnapshotSearch {

    /** Below this many results a query of plain words is relaxed, and a spelling suggestion is offered. */
    static final int FEW = 3;

    private final IndexSearcher searcher;
    private final Analyzer analyzer;
    private final Analyzer universal;

    /**
     * @param analyzer  the index's analyzer per field
     * @param universal the universal field's analyzer, which spelling suggestions fold words with
     */
    public SnapshotSearch(IndexSearcher searcher, Analyzer analyzer, Analyzer universal) {
        this.searcher = searcher;
        this.analyzer = analyzer;
        this.universal = universal;
    }

    /**
     * A hit as the reader gets it: found in the other script of their language (Simplified for a Traditional reader),
     * its title and snippet are converted and it links the reader's own page of it, which is converted the same way —
     * the one fallback rule, as pages, feeds and mail apply it. The snippet's marks are ASCII tags the transform leaves.
     */
    private static Hit hit(Stored stored, Candidate candidate, String snippet, LanguageTag reader, List<String> alsoIn) {
        Optional<ScriptConversion> conversion = candidate.language().equals(reader.value()) ? Optional.empty()
                : ScriptConversion.between(LanguageTag.of(candidate.language()), reader);
        if (conversion.isEmpty()) {
            return new Hit(stored.id(), candidate.type(), candidate.language(), stored.title(), snippet, stored.url(), candidate.score(), alsoIn, null);
        }
        String prefix = "/" + candidate.language() + "/";
        String url = stored.url() != null && stored.url().startsWith(prefix) ? "/" + reader.value() + "/" + stored.url().substring(prefix.length()) : stored.url();
        ScriptConversion convert = conversion.get();
        return new Hit(stored.id(), candidate.type(), reader.value(), convert.convert(stored.title()), snippet == null ? null : convert.convert(snippet),
                url, candidate.score(), alsoIn, candidate.language());
    }

    /** @param text a query made safe by {@link Searcher#clean} */
    public SearchResult answer(String text, List<LanguageTag> chain, LanguageTag reader, String type, String demand, int page, int size) {
        if (text.isBlank()) {
            return new SearchResult(text, reader.value(), 0, page, size, List.of(), Map.of(), null);
        }
        SearchResult strict = run(text, BooleanClause.Occur.MUST, chain, reader, type, demand, page, size);
        // Every word must match, as search engines do. When that finds almost nothing for several plain words — a
        // suffix the stemmer leaves (Arabic لإجازة, Turkish izninin) — the query is relaxed to any of its words,
        // best matches first.
        if (strict.total() < FEW && Searcher.plainWords(text)) {
            SearchResult relaxed = run(text, BooleanClause.Occur.SHOULD, chain, reader, type, demand, page, size);
            if (relaxed.total() > strict.total()) {
                return relaxed;
            }
        }
        return strict;
    }

    private SearchResult run(String text, BooleanClause.Occur operator, List<LanguageTag> chain,
                             LanguageTag reader, String type, String demand, int page, int size) {
        Optional<SearchQuery> query = SearchQuery.of(text, analyzer, chain, operator, type, demand);
        if (query.isEmpty()) {
            return new SearchResult(text, reader.value(), 0, page, size, List.of(), Map.of(), null);
        }
        try {
            return collect(query.get().full(), query.get().words(), text, chain, reader, page, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A shown text, as stored: its title and body in its own language's fields, read together in one visit. */
    private record Stored(String id, String url, String title, String bodyField, String body) {
    }

    private static Stored stored(StoredFields texts, int doc) throws IOException {
        DocumentStoredFieldVisitor visitor = new DocumentStoredFieldVisitor() {
            @Override
            public Status needsField(FieldInfo field) {
                return field.name.startsWith("title_") || field.name.startsWith("body_") || field.name.equals("id")
                        || field.name.equals("url") || field.name.equals("fieldLanguage") ? Status.YES : Status.NO;
            }
        };
        texts.document(doc, visitor);
        Document document = visitor.getDocument();
        String fl = document.get("fieldLanguage");
        String body = document.get("body_" + fl);
        return new Stored(document.get("id"), document.get("url"), document.get("title_" + fl), "body_" + fl, body == null ? "" : body);
    }

    /** A match with what grouping needs, from doc values: nothing stored is read until a text is shown. */
    private record Candidate(int doc, float score, String group, String language, String type) {
    }

    /** @param matching the reader's words alone, without the filters: what the highlighter marks */
    private SearchResult collect(Query query, Query matching, String text, List<LanguageTag> chain,
                                 LanguageTag reader, int page, int size) throws IOException {
        List<String> languages = chain.stream().map(LanguageTag::value).toList();
        ChainCollector collected = searcher.search(query, ChainCollector.manager(languages, page * size));
        ChainCollector.Tally tally = collected.tally();
        // tier by tier, best first: the first text of each group is the one in the reader's most wanted language
        Map<String, Candidate> groups = new LinkedHashMap<>();
        for (Candidate candidate : candidates(searcher, collected.matches())) {
            groups.putIfAbsent(candidate.group(), candidate);
        }
        List<Candidate> best = new ArrayList<>(groups.values());
        int from = Math.min(best.size(), (page - 1) * size);
        List<Candidate> shown = best.subList(from, Math.min(best.size(), from + size));
        Map<Integer, Stored> stored = new HashMap<>();
        // one reader of stored fields for all shown texts: each new one starts with empty decompression buffers and
        // grew them again for every text, two thirds of the bytes reading them allocated (profiled)
        StoredFields texts = searcher.storedFields();
        for (Candidate c : shown) {
            stored.put(c.doc(), stored(texts, c.doc()));
        }
        Map<Integer, String> snippets = snippets(matching, shown, stored);
        List<Hit> hits = new ArrayList<>();
        OtherLanguages otherLanguages = new OtherLanguages(searcher, languages);
        for (Candidate c : shown) {
            Stored s = stored.get(c.doc());
            hits.add(hit(s, c, snippets.get(c.doc()), reader, otherLanguages.of(c)));
        }
        Map<String, Map<String, Integer>> facets = new LinkedHashMap<>();
        facets.put("type", tally.types());
        facets.put("language", tally.languages());
        facets.put("year", tally.years());
        String suggestion = tally.groups() < FEW ? didYouMean(text) : null;
        return new SearchResult(text, reader.value(), tally.groups(), page, size, hits, facets, suggestion);
    }

    /**
     * The group, language and type of each match from doc values, in the order given. Reading them stored would
     * decompress each match's whole text.
     */
    private static List<Candidate> candidates(IndexSearcher searcher, List<ChainCollector.Match> matches) throws IOException {
        List<ChainCollector.Match> byDoc = new ArrayList<>(matches);
        byDoc.sort(Comparator.comparingInt(ChainCollector.Match::doc));
        Map<Integer, Candidate> found = new HashMap<>();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int leafIndex = -1;
        SortedDocValues group = null;
        SortedDocValues language = null;
        SortedDocValues type = null;
        LeafReaderContext leaf = null;
        for (ChainCollector.Match match : byDoc) {
            int at = ReaderUtil.subIndex(match.doc(), leaves);
            if (at != leafIndex) {
                // doc values are forward-only iterators: a fresh set per segment, visited in doc order
                leafIndex = at;
                leaf = leaves.get(at);
                group = DocValues.getSorted(leaf.reader(), "group");
                language = DocValues.getSorted(leaf.reader(), "language");
                type = DocValues.getSorted(leaf.reader(), "type");
            }
            int doc = match.doc() - leaf.docBase;
            found.put(match.doc(), new Candidate(match.doc(), match.score(), value(group, doc), value(language, doc), value(type, doc)));
        }
        List<Candidate> inOrder = new ArrayList<>(matches.size());
        for (ChainCollector.Match match : matches) {
            inOrder.add(found.get(match.doc()));
        }
        return inOrder;
    }

    /**
     * The other languages of the reader's chain this text can be read in, in the chain's order: its group's texts,
     * found through the group's term in the shown text's segment (a group is written as one block, so it is all there).
     * One term dictionary cursor per segment serves all shown texts: opening one per text was a tenth of the bytes a
     * search allocated (profiled).
     */
    private static final class OtherLanguages {
        private final List<LeafReaderContext> leaves;
        private final List<String> chain;
        private final Map<Integer, TermsEnum> groupTerms = new HashMap<>();
        private PostingsEnum texts;

        OtherLanguages(IndexSearcher searcher, List<String> chain) {
            this.leaves = searcher.getIndexReader().leaves();
            this.chain = chain;
        }

        List<String> of(Candidate shown) throws IOException {
            int at = ReaderUtil.subIndex(shown.doc(), leaves);
            LeafReaderContext leaf = leaves.get(at);
            TermsEnum groups = groupTerms.get(at);
            if (groups == null) {
                Terms terms = leaf.reader().terms("group");
                if (terms == null) {
                    return List.of();
                }
                groups = terms.iterator();
                groupTerms.put(at, groups);
            }
            if (shown.group() == null || !groups.seekExact(new BytesRef(shown.group()))) {
                return List.of();
            }
            texts = groups.postings(texts, PostingsEnum.NONE);
            Bits live = leaf.reader().getLiveDocs();
            // a fresh iterator per group: doc values go forward only, and groups' texts interleave in a sorted segment
            SortedDocValues language = DocValues.getSorted(leaf.reader(), "language");
            Set<String> found = new HashSet<>();
            for (int doc = texts.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = texts.nextDoc()) {
                if (live == null || live.get(doc)) {
                    found.add(value(language, doc));
                }
            }
            return chain.stream().filter(l -> !l.equals(shown.language()) && found.contains(l)).toList();
        }
    }

    private static String value(SortedDocValues values, int doc) throws IOException {
        return values.advanceExact(doc) ? values.lookupOrd(values.ordValue()).utf8ToString() : null;
    }

    /**
     * "Did you mean": each word of a query in a spaced script replaced by the most frequent indexed word within two edits
     * (Lucene's {@link DirectSpellChecker} over the universal field, so it works for any language); null when nothing
     * better is known or the query is in a script written without spaces.
     */
    private String didYouMean(String text) throws IOException {
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
            List<String> folded = LanguageAnalyzers.tokens(universal, word);
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

    /** Stateless: one for every search. */
    private static final LeanPassageScorer PASSAGES = new LeanPassageScorer();
    private static final SnippetFormatter SNIPPETS = new SnippetFormatter();

    /** Highlighted passages of each hit's own body field, HTML-escaped, matches in {@code <mark>}. */
    private Map<Integer, String> snippets(Query query, List<Candidate> shown, Map<Integer, Stored> stored)
            throws IOException {
        Map<Integer, String> snippets = new LinkedHashMap<>();
        if (shown.isEmpty()) {
            return snippets;
        }
        Map<Integer, String> bodies = new HashMap<>();
        stored.forEach((doc, text) -> bodies.put(doc, text.body()));
        UnifiedHighlighter highlighter = new ShownBodies(UnifiedHighlighter.builder(searcher, analyzer)
                .withFieldMatcher(field -> true)
                .withFormatter(SNIPPETS)
                .withScorer(PASSAGES)
                .withMaxLength(20_000)
                .withWeightMatches(false), bodies);
        Map<String, List<Candidate>> byField = new LinkedHashMap<>();
        for (Candidate c : shown) {
            byField.computeIfAbsent(stored.get(c.doc()).bodyField(), f -> new ArrayList<>()).add(c);
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
                snippets.put(c.doc(), SNIPPETS.escape(TextExcerpt.of(stored.get(c.doc()).body(), c.language(), 200)));
            }
        }
        return snippets;
    }

    /**
     * The highlighter, told what it would otherwise find out for each query: bodies are already read (with the titles,
     * in one visit of the stored fields), and their offsets are in the postings — asking the index which fields have
     * offsets merged the field infos of every segment on every query (9 % of a query's time, profiled).
     */
    private static final class ShownBodies extends UnifiedHighlighter {
        private static final Set<String> WITHOUT_SENTENCE_MARKS = Set.of("th", "lo", "km", "my");
        private static final int PASSAGE_GOAL = 160;
        private final Map<Integer, String> bodies;

        ShownBodies(Builder builder, Map<Integer, String> bodies) {
            super(builder);
            this.bodies = bodies;
        }

        @Override
        protected OffsetSource getOffsetSource(String field) {
            return OffsetSource.POSTINGS;
        }

        /**
         * Passages are sentences by ICU's rules for the body's language, except in scripts that end a sentence with a
         * space or with nothing (Thai, Lao, Khmer, Burmese): there sentence rules find only line ends, and a snippet was
         * the whole text. Those passages are cut at ICU's dictionary-based word boundaries to about 160 characters
         * around the match instead.
         */
        @Override
        protected BreakIterator getBreakIterator(String field) {
            String language = field.substring(field.indexOf('_') + 1);
            ULocale locale = ULocale.forLanguageTag(language);
            if (WITHOUT_SENTENCE_MARKS.contains(language)) {
                return LengthGoalBreakIterator.createClosestToLength(
                        new IcuBreakIterator(com.ibm.icu.text.BreakIterator.getWordInstance(locale)), PASSAGE_GOAL, 0.5f);
            }
            return new IcuBreakIterator(com.ibm.icu.text.BreakIterator.getSentenceInstance(locale));
        }

        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold) throws IOException {
            List<CharSequence[]> values = new ArrayList<>();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                CharSequence[] texts = new CharSequence[fields.length];
                Arrays.fill(texts, bodies.getOrDefault(doc, ""));
                values.add(texts);
            }
            return values;
        }
    }

}
