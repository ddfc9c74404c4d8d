package org.internationale.search.control;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.internationale.locale.entity.LanguageTag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Lucene query a reader's words make: the fields of every language in the fallback chain (the reader's own
 * weighted double) and the universal fields, filtered to the chain's languages and the chosen type and demand.
 * Public and free of the container so that the search benchmark runs bare Lucene on exactly the queries the API runs.
 *
 * @param full  what is searched
 * @param words the reader's words alone, without the filters: what the highlighter marks
 */
public record SearchQuery(Query full, Query words) {

    private static final int FLAGS = SimpleQueryParser.AND_OPERATOR | SimpleQueryParser.NOT_OPERATOR | SimpleQueryParser.OR_OPERATOR
            | SimpleQueryParser.PHRASE_OPERATOR | SimpleQueryParser.PRECEDENCE_OPERATORS | SimpleQueryParser.WHITESPACE_OPERATOR;

    /**
     * @param text     a query already made safe by {@link Searcher#clean}
     * @param analyzer the index's per-field analyzer
     * @param operator MUST for all words, SHOULD for any of them
     * @return empty when the words analyse to nothing (only stop words or punctuation)
     */
    public static Optional<SearchQuery> of(String text, Analyzer analyzer, List<LanguageTag> chain, BooleanClause.Occur operator,
                                           String type, String demand) {
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, fields(chain), FLAGS);
        parser.setDefaultOperator(operator);
        Query parsed = parser.parse(text);
        if (parsed == null || parsed instanceof MatchNoDocsQuery) {
            return Optional.empty();
        }
        BooleanQuery.Builder languages = new BooleanQuery.Builder();
        chain.forEach(l -> languages.add(new TermQuery(new Term("language", l.value())), BooleanClause.Occur.SHOULD));
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(parsed, BooleanClause.Occur.MUST)
                .add(languages.build(), BooleanClause.Occur.FILTER);
        if (type != null) {
            query.add(new TermQuery(new Term("type", type)), BooleanClause.Occur.FILTER);
        }
        if (demand != null) {
            query.add(new TermQuery(new Term("demand", demand)), BooleanClause.Occur.FILTER);
        }
        return Optional.of(new SearchQuery(query.build(), parsed));
    }

    static Map<String, Float> fields(List<LanguageTag> chain) {
        Map<String, Float> fields = new LinkedHashMap<>();
        for (int i = 0; i < chain.size(); i++) {
            String fl = LanguageAnalyzers.fieldLanguage(chain.get(i));
            float weight = i == 0 ? 2f : 1f;
            fields.merge("title_" + fl, 3f * weight, Math::max);
            fields.merge("body_" + fl, 1.5f * weight, Math::max);
        }
        fields.put("title_all", 1f);
        fields.put("body_all", 0.7f);
        return fields;
    }
}
