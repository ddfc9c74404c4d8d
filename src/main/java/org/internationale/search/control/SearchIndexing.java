package org.internationale.search.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.internationale.publishing.entity.DocumentPublished;
import org.internationale.publishing.entity.DocumentUnpublished;
import org.internationale.search.entity.IndexedText;
import org.internationale.text.entity.SourceRevised;
import org.internationale.translation.entity.TranslationApproved;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the index in step with what readers get: after each committed publication, withdrawal, approval or source
 * revision, the affected clause or document is indexed again in all its languages. A failure to index is logged and
 * never undoes the change; the next rebuild repairs the index.
 */
@ApplicationScoped
public class SearchIndexing {

    private static final Logger LOG = Logger.getLogger(SearchIndexing.class.getName());

    @Inject
    SearchIndex index;

    @Inject
    SearchSources sources;

    private volatile boolean rebuilding;

    public boolean rebuilding() {
        return rebuilding;
    }

    /** Fills the index from the database, whole. */
    public void rebuild() {
        rebuilding = true;
        try {
            long start = System.nanoTime();
            index.clear();
            List<IndexedText> clauses = sources.clauses(Optional.empty());
            index.replace(List.of(), clauses);
            int documents = 0;
            for (long id : sources.publishedDocuments()) {
                List<IndexedText> texts = sources.document(id);
                index.replace(List.of(), texts);
                documents += texts.size();
            }
            index.rebuilt();
            int total = clauses.size() + documents;
            LOG.info(() -> "Search index rebuilt: " + total + " texts in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        } finally {
            rebuilding = false;
        }
    }

    void onPublished(@Observes(during = TransactionPhase.AFTER_SUCCESS) DocumentPublished event) {
        reindexDocument(event.documentId());
    }

    void onUnpublished(@Observes(during = TransactionPhase.AFTER_SUCCESS) DocumentUnpublished event) {
        safely(() -> index.replace(List.of(SearchSources.documentGroup(event.documentId())), List.of()));
    }

    void onApproved(@Observes(during = TransactionPhase.AFTER_SUCCESS) TranslationApproved event) {
        reindex(event.key().value());
    }

    void onRevised(@Observes(during = TransactionPhase.AFTER_SUCCESS) SourceRevised event) {
        reindex(event.key().value());
    }

    private void reindex(String segmentKey) {
        if (segmentKey.startsWith("doc:")) {
            try {
                reindexDocument(Long.parseLong(segmentKey.substring(4, segmentKey.indexOf('.'))));
            } catch (RuntimeException notADocument) {
                // a key of another shape: nothing indexed under it
            }
            return;
        }
        if (segmentKey.endsWith(".title")) {
            // a section title is part of every clause's title in that section: cheaper to redo the platform
            safely(() -> {
                List<IndexedText> all = sources.clauses(Optional.empty());
                List<String> groups = new ArrayList<>();
                all.forEach(t -> groups.add(t.group()));
                index.replace(groups, all);
            });
            return;
        }
        safely(() -> index.replace(List.of(SearchSources.clauseGroup(segmentKey)), sources.clauses(Optional.of(segmentKey))));
    }

    private void reindexDocument(long id) {
        safely(() -> index.replace(List.of(SearchSources.documentGroup(id)), sources.document(id)));
    }

    private static void safely(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Indexing failed; the next rebuild will repair it", e);
        }
    }
}
