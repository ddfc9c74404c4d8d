package org.internationale.bench.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LongValueFacetCounts;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.facet.StringValueFacetCounts;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.grouping.AllGroupsCollector;
import org.apache.lucene.search.grouping.FirstPassGroupingCollector;
import org.apache.lucene.search.grouping.GroupDocs;
import org.apache.lucene.search.grouping.SearchGroup;
import org.apache.lucene.search.grouping.TermGroupSelector;
import org.apache.lucene.search.grouping.TopGroups;
import org.apache.lucene.search.grouping.TopGroupsCollector;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.search.control.SearchQuery;
import org.internationale.search.control.Searcher;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The second bare-Lucene baseline: the same answer as {@code GET /api/search}, computed the way a Lucene programmer
 * would with Lucene's own modules and their documented defaults, without the application's code beyond the query it
 * builds. Per query: the same query (and the same relaxation of plain words), one pass collecting the best ten
 * translation groups ({@code lucene-grouping}), the count of all matching groups and the facets by type, language and
 * year over every match ({@code lucene-facet}); a second pass for each shown group's best text (how grouping works);
 * the shown texts' stored fields; their snippets by {@link UnifiedHighlighter} with {@code <mark>} and HTML escaping;
 * for each shown group, the other languages it can be read in. Nothing is turned into JSON and there is no HTTP.
 *
 * <p>What it leaves out, to the baseline's advantage: the reader's fallback tiers (the API ranks texts in the reader's
 * own language first, then the chain's next language; here one ranking by score), the count of groups per type and
 * per year (here texts), and "did you mean" for queries that find fewer than three groups (a few of the benchmark's).
 */
final class LuceneAnswer {

    private static final int SHOWN = 10;
    private static final int FEW = 3;

    private final IndexSearcher searcher;
    private final Analyzer analyzer;
    /** Built once per reader, as the facet module asks: building it joins the ordinals of every segment. */
    private final StringDocValuesReaderState types;
    private final StringDocValuesReaderState languages;

    LuceneAnswer(IndexSearcher searcher, Analyzer analyzer) throws IOException {
        this.searcher = searcher;
        this.analyzer = analyzer;
        IndexReader reader = searcher.getIndexReader();
        this.types = new StringDocValuesReaderState(reader, "type");
        this.languages = new StringDocValuesReaderState(reader, "language");
    }

    /** The answer, reduced to its group count (what the probe reports); the rest is built and then dropped. */
    long answer(List<LanguageTag> chain, BenchQuery query) throws Exception {
        String text = Searcher.clean(query.text());
        Answer answer = answer(chain, query, text, BooleanClause.Occur.MUST);
        if (answer.groups < FEW && Searcher.plainWords(text)) {
            Answer relaxed = answer(chain, query, text, BooleanClause.Occur.SHOULD);
            if (relaxed.groups > answer.groups) {
                answer = relaxed;
            }
        }
        return answer.groups;
    }

    private static final class Answer {
        int groups;
        final List<String[]> hits = new ArrayList<>();
        final Map<String, FacetResult> facets = new LinkedHashMap<>();
    }

    private Answer answer(List<LanguageTag> chain, BenchQuery benchQuery, String text, BooleanClause.Occur operator) throws IOException {
        Answer answer = new Answer();
        Optional<SearchQuery> built = SearchQuery.of(text, analyzer, chain, operator, benchQuery.typeOrNull(), null);
        if (built.isEmpty()) {
            return answer;
        }
        Query query = built.get().full();
        FirstPassGroupingCollector<BytesRef> firstPass = new FirstPassGroupingCollector<>(new TermGroupSelector("group"), Sort.RELEVANCE, SHOWN);
        AllGroupsCollector<BytesRef> allGroups = new AllGroupsCollector<>(new TermGroupSelector("group"));
        FacetsCollector matches = new FacetsCollector();
        searcher.search(query, MultiCollector.wrap(firstPass, allGroups, matches));
        answer.groups = allGroups.getGroupCount();
        answer.facets.put("type", new StringValueFacetCounts(types, matches).getAllChildren("type"));
        answer.facets.put("language", new StringValueFacetCounts(languages, matches).getAllChildren("language"));
        answer.facets.put("year", new LongValueFacetCounts("year", matches).getAllChildren("year"));
        Collection<SearchGroup<BytesRef>> top = firstPass.getTopGroups(0);
        if (top == null) {
            return answer;
        }
        TopGroupsCollector<BytesRef> secondPass = new TopGroupsCollector<>(new TermGroupSelector("group"), top, Sort.RELEVANCE, Sort.RELEVANCE,
                1, false);
        searcher.search(query, secondPass);
        TopGroups<BytesRef> groups = secondPass.getTopGroups(0);
        List<Document> shown = new ArrayList<>();
        List<Integer> docs = new ArrayList<>();
        // one reader of stored fields per search, as its documentation asks
        StoredFields stored = searcher.storedFields();
        for (GroupDocs<BytesRef> group : groups.groups) {
            ScoreDoc best = group.scoreDocs[0];
            shown.add(stored.document(best.doc));
            docs.add(best.doc);
        }
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .build();
        Map<String, List<Integer>> byField = new LinkedHashMap<>();
        for (int i = 0; i < shown.size(); i++) {
            byField.computeIfAbsent("body_" + shown.get(i).get("fieldLanguage"), f -> new ArrayList<>()).add(docs.get(i));
        }
        Map<Integer, String> snippets = new LinkedHashMap<>();
        for (Map.Entry<String, List<Integer>> field : byField.entrySet()) {
            int[] ids = field.getValue().stream().mapToInt(Integer::intValue).sorted().toArray();
            String[] passages = highlighter.highlightFields(new String[]{field.getKey()}, built.get().words(), ids, new int[]{2})
                    .get(field.getKey());
            for (int i = 0; i < ids.length; i++) {
                snippets.put(ids[i], passages[i]);
            }
        }
        for (int i = 0; i < shown.size(); i++) {
            Document document = shown.get(i);
            String fl = document.get("fieldLanguage");
            answer.hits.add(new String[]{document.get("id"), document.get("type"), document.get("language"), document.get("title_" + fl),
                    snippets.get(docs.get(i)), document.get("url"), String.join(",", otherLanguages(document))});
        }
        return answer;
    }

    /** The group's other texts' languages: the group's term finds them, their doc values say their language. */
    private List<String> otherLanguages(Document shown) throws IOException {
        List<String> others = new ArrayList<>();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        for (ScoreDoc doc : searcher.search(new TermQuery(new Term("group", shown.get("group"))), 50).scoreDocs) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc.doc, leaves));
            SortedDocValues language = DocValues.getSorted(leaf.reader(), "language");
            if (language.advanceExact(doc.doc - leaf.docBase)) {
                String value = language.lookupOrd(language.ordValue()).utf8ToString();
                if (!value.equals(shown.get("language"))) {
                    others.add(value);
                }
            }
        }
        return others;
    }
}
