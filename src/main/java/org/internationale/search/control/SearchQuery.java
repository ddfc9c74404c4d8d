package org.internationale.search.control;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.internationale.locale.entity.LanguageTag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Lucene query a reader's words make: the fields of every language in the fallback chain (the reader's own
 * weighted double) and the universal fields, filtered to the chain's languages and the chosen type and demand.
 * Public and free of the container so that the search benchmark runs bare Lucene on exactly the queries the API runs.
 *
 * @param full  what is searched
 * @param words the reader's words alone, without the filters: what the highlighter marks
 */
public record SearchQuery(Query full, Query words) {

    /** Half of Lucene's default limit: the filters and a relaxed second query must still fit beside the words. */
    static final int MAX_CLAUSES = IndexSearcher.getMaxClauseCount() / 2;

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
        Query parsed = bounded(parser, text);
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

    /**
     * The query of the longest beginning of {@code text} that stays within {@link #MAX_CLAUSES}: a run of Han
     * characters has no spaces, yet every pair of them is a term in every searched field, and Lucene refuses a query
     * past {@link IndexSearcher#getMaxClauseCount()} clauses. A reader who pastes a page gets what its opening finds.
     */
    static Query bounded(SimpleQueryParser parser, String text) {
        String tried = text;
        while (!tried.isEmpty()) {
            try {
                Query parsed = parser.parse(tried);
                if (parsed == null || clauses(parsed) <= MAX_CLAUSES) {
                    return parsed;
                }
            } catch (IndexSearcher.TooManyClauses e) {
                // one field alone had too many terms: shorten as for too many in all
            }
            int half = tried.offsetByCodePoints(0, tried.codePointCount(0, tried.length()) / 2);
            tried = tried.substring(0, half);
        }
        return null;
    }

    /** The leaves of a query, counted as {@link IndexSearcher} counts them against its limit. */
    static int clauses(Query query) {
        int[] count = {0};
        query.visit(new QueryVisitor() {
            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }

            @Override
            public void visitLeaf(Query leaf) {
                count[0]++;
            }

            @Override
            public void consumeTerms(Query leaf, Term... terms) {
                count[0]++;
            }

            @Override
            public void consumeTermsMatching(Query leaf, String field, Supplier<ByteRunAutomaton> automaton) {
                count[0]++;
            }
        });
        return count[0];
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
