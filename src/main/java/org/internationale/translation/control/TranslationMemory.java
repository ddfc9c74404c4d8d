package org.internationale.translation.control;

import com.ibm.icu.lang.UCharacter;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.text.control.WordDiff;
import org.internationale.translation.entity.Suggestion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Translation memory: every translation revision made from a known source revision is a pair (source text →
 * translation) in a Lucene index, searched by similarity of the source. Candidates come from BM25 over ICU-tokenized,
 * ICU-folded source text; they are ranked by a word-level fuzzy match (100 % = the same words), the measure
 * translators know from CAT tools.
 *
 * <p>The index is derived: filled from the database at the first lookup and brought up to date before every lookup
 * from revisions newer than the last seen, so saves on other instances are found too. It lives in memory; a few hundred
 * thousand pairs take a few hundred MB at most, far more than a movement produces.
 */
@ApplicationScoped
public class TranslationMemory {

    /** QueryCompletion below this match are noise. */
    static final int MINIMUM_MATCH = 50;
    /** Revisions saved this close to the last refresh on another instance may have older ids; look back this far. */
    private static final long LOOK_BACK_SECONDS = 300;

    @PersistenceContext(unitName = "internationale")
    EntityManager em;

    private final Analyzer analyzer = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer tokenizer = new ICUTokenizer();
            return new TokenStreamComponents(tokenizer, new ICUFoldingFilter(tokenizer));
        }
    };
    private ByteBuffersDirectory directory;
    private IndexWriter writer;
    private SearcherManager searchers;
    private final Set<Long> indexed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile Instant lastSeen = Instant.EPOCH;

    @PostConstruct
    void open() {
        try {
            directory = new ByteBuffersDirectory();
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PreDestroy
    void close() {
        try {
            searchers.close();
            writer.close();
        } catch (IOException e) {
            // the index is in memory and derived: nothing to lose
        }
    }

    /** Adds the pairs saved since the last refresh. Lookups call it directly, so it guards itself. */
    public synchronized void refresh() {
        Instant since = lastSeen.minusSeconds(LOOK_BACK_SECONDS);
        List<Object[]> rows = em.createQuery("select r.id, r.createdAt, t.language, s.key, sr.number, sr.text, r.text"
                        + " from TranslationRevision r join r.translation t join t.segment s, SourceRevision sr"
                        + " where sr.segment = s and sr.number = r.basedOnRevision and r.createdAt >= :since", Object[].class)
                .setParameter("since", since.atOffset(ZoneOffset.UTC))
                .getResultList();
        try {
            boolean added = false;
            for (Object[] row : rows) {
                long id = (Long) row[0];
                Instant created = ((OffsetDateTime) row[1]).toInstant();
                if (created.isAfter(lastSeen)) {
                    lastSeen = created;
                }
                if (!indexed.add(id)) {
                    continue;
                }
                Document document = new Document();
                document.add(new StringField("language", (String) row[2], Field.Store.NO));
                document.add(new TextField("source", (String) row[5], Field.Store.YES));
                document.add(new StoredField("translation", (String) row[6]));
                document.add(new StoredField("segment", (String) row[3]));
                document.add(new StoredField("sourceRevision", (Integer) row[4]));
                writer.addDocument(document);
                added = true;
            }
            if (added) {
                searchers.maybeRefreshBlocking();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Earlier translations into {@code language} of source text like {@code source}, best first. */
    public List<Suggestion> suggest(String source, LanguageTag sourceLanguage, LanguageTag language, int limit) {
        refresh();
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream("source", source)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && terms.size() < 512) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (terms.isEmpty()) {
            return List.of();
        }
        terms.forEach(t -> words.add(new TermQuery(new Term("source", t)), BooleanClause.Occur.SHOULD));
        BooleanQuery query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term("language", language.value())), BooleanClause.Occur.FILTER)
                .add(words.build(), BooleanClause.Occur.MUST)
                .build();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                List<Suggestion> found = new ArrayList<>();
                Set<String> seen = new java.util.HashSet<>();
                List<String> wanted = words(source, sourceLanguage);
                for (ScoreDoc hit : searcher.search(query, 50).scoreDocs) {
                    Document document = searcher.storedFields().document(hit.doc);
                    String candidate = document.get("source");
                    String translation = document.get("translation");
                    if (!seen.add(candidate + '\u0000' + translation)) {
                        continue;
                    }
                    int match = match(wanted, words(candidate, sourceLanguage));
                    if (match >= MINIMUM_MATCH) {
                        found.add(new Suggestion(match, candidate, translation, document.get("segment"),
                                document.getField("sourceRevision").numericValue().intValue()));
                    }
                }
                found.sort(Comparator.comparingInt(Suggestion::match).reversed());
                return found.subList(0, Math.min(limit, found.size()));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The words of a text, case-folded, without spaces and punctuation. */
    static List<String> words(String text, LanguageTag language) {
        return WordDiff.words(text, language).stream().map(word -> UCharacter.foldCase(word, true)).toList();
    }

    /** 100 × (1 − word edit distance / length of the longer text). */
    static int match(List<String> a, List<String> b) {
        int longest = Math.max(a.size(), b.size());
        if (longest == 0) {
            return 100;
        }
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (int j = 0; j <= b.size(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.size(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.size(); j++) {
                int substitution = previous[j - 1] + (a.get(i - 1).equals(b.get(j - 1)) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return (int) Math.floor(100.0 * (longest - previous[b.size()]) / longest);
    }
}
