package org.internationale.search.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.internationale.locale.entity.LanguageTag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Type-ahead: titles of what a reader of each language can find, matched anywhere in the title by
 * {@link AnalyzingInfixSuggester} with that language's analyzer. Derived from the search index and rebuilt when the
 * index has changed since, which for the movement's volume is a few milliseconds.
 */
@ApplicationScoped
public class QueryCompletion {

    @Inject
    SearchIndex index;

    private Map<String, AnalyzingInfixSuggester> byLanguage = Map.of();
    private long builtFor = -1;

    public List<String> suggest(String prefix, LanguageTag language, int count) {
        if (prefix == null || prefix.isBlank()) {
            return List.of();
        }
        String text = Searcher.clean(prefix);
        AnalyzingInfixSuggester suggester = current().get(language.value());
        if (suggester == null || text.isBlank()) {
            return List.of();
        }
        try {
            Set<String> titles = new LinkedHashSet<>();
            for (Lookup.LookupResult result : suggester.lookup(text, count * 2, true, false)) {
                titles.add(result.key.toString());
            }
            return new ArrayList<>(titles).subList(0, Math.min(count, titles.size()));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private synchronized Map<String, AnalyzingInfixSuggester> current() {
        long generation = index.generation();
        if (generation == builtFor) {
            return byLanguage;
        }
        Map<String, Set<String>> titles = new HashMap<>();
        try {
            IndexSearcher searcher = index.acquire();
            try {
                IndexReader reader = searcher.getIndexReader();
                for (LeafReaderContext leaf : reader.leaves()) {
                    Bits live = leaf.reader().getLiveDocs();
                    StoredFields fields = leaf.reader().storedFields();
                    for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                        if (live != null && !live.get(doc)) {
                            continue;
                        }
                        Document stored = fields.document(doc);
                        String language = stored.get("language");
                        String title = stored.get("title_" + stored.get("fieldLanguage"));
                        if (language != null && title != null) {
                            titles.computeIfAbsent(language, l -> new LinkedHashSet<>()).add(title);
                        }
                    }
                }
            } finally {
                index.release(searcher);
            }
            Map<String, AnalyzingInfixSuggester> built = new HashMap<>();
            for (Map.Entry<String, Set<String>> entry : titles.entrySet()) {
                var analyzer = index.analyzers().of(LanguageTag.of(entry.getKey()));
                AnalyzingInfixSuggester suggester = new AnalyzingInfixSuggester(new ByteBuffersDirectory(), analyzer, analyzer,
                        1, true);
                for (String title : entry.getValue()) {
                    suggester.add(new BytesRef(title), null, 1, null);
                }
                suggester.refresh();
                built.put(entry.getKey(), suggester);
            }
            close(byLanguage);
            byLanguage = built;
            builtFor = generation;
            return byLanguage;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PreDestroy
    synchronized void close() {
        close(byLanguage);
    }

    private static void close(Map<String, AnalyzingInfixSuggester> suggesters) {
        for (AnalyzingInfixSuggester suggester : suggesters.values()) {
            try {
                suggester.close();
            } catch (IOException ignored) {
                // in memory: nothing to lose
            }
        }
    }
}
