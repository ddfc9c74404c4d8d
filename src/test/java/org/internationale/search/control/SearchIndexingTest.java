package org.internationale.search.control;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import org.internationale.publishing.entity.DocumentPublished;
import org.internationale.publishing.entity.DocumentType;
import org.internationale.search.entity.IndexedText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who waits for the index after a publication: an editor's request does, so that its reply means "searchable"; a
 * campaign's start does not, so that its first messages are not held up by indexing. The document's texts are read
 * from a source that blocks until the test lets it go.
 */
class SearchIndexingTest {

    private final CountDownLatch sourceMayAnswer = new CountDownLatch(1);
    private final CountDownLatch replaced = new CountDownLatch(1);
    private final SearchIndexing indexing = new SearchIndexing();

    @BeforeEach
    void wire() {
        indexing.sources = new SearchSources() {
            @Override
            public List<IndexedText> document(long id) {
                try {
                    sourceMayAnswer.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return List.of();
            }
        };
        indexing.index = new SearchIndex() {
            @Override
            public void replace(Collection<String> groups, List<IndexedText> texts) {
                replaced.countDown();
            }
        };
        indexing.threads = new ManagedThreadFactory() {
            @Override
            public Thread newThread(Runnable work) {
                return new Thread(work, "indexing-under-test");
            }

            @Override
            public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
                throw new UnsupportedOperationException();
            }
        };
        indexing.startUpdates();
    }

    @AfterEach
    void stop() {
        sourceMayAnswer.countDown();
        indexing.stopUpdates();
    }

    @Test
    void aCampaignsPublicationDoesNotWaitForTheIndex() throws Exception {
        CompletableFuture<Void> observed = CompletableFuture.runAsync(() -> indexing.onPublished(published(false)));

        observed.get(5, TimeUnit.SECONDS);
        assertFalse(replaced.await(0, TimeUnit.MILLISECONDS), "the index was updated before the source answered");
        sourceMayAnswer.countDown();
        assertTrue(replaced.await(5, TimeUnit.SECONDS), "the update went on in the background");
    }

    @Test
    void anEditorsPublicationReturnsOnceSearchable() throws Exception {
        CompletableFuture<Void> observed = CompletableFuture.runAsync(() -> indexing.onPublished(published(true)));

        assertThrows(TimeoutException.class, () -> observed.get(300, TimeUnit.MILLISECONDS));
        sourceMayAnswer.countDown();
        observed.get(5, TimeUnit.SECONDS);
        assertTrue(replaced.await(0, TimeUnit.MILLISECONDS), "returned before the index was updated");
    }

    private static DocumentPublished published(boolean publisherWaits) {
        return new DocumentPublished(7, DocumentType.NEWSLETTER, Set.of("en"), publisherWaits);
    }
}
