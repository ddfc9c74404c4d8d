package org.internationale.search.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.internationale.publishing.entity.DocumentPublished;
import org.internationale.publishing.entity.DocumentUnpublished;
import org.internationale.search.entity.IndexRebuild;
import org.internationale.search.entity.IndexedText;
import org.internationale.text.entity.SourceRevised;
import org.internationale.translation.entity.TranslationApproved;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

    @Resource
    ManagedThreadFactory threads;

    /** Texts added between two commits of a rebuild: visible progress without a commit per document. */
    private static final int REBUILD_BATCH = 5_000;

    private volatile boolean rebuilding;
    private volatile IndexRebuild lastRebuild;

    public boolean rebuilding() {
        return rebuilding;
    }

    /** The last rebuild since start-up, if any. */
    public Optional<IndexRebuild> lastRebuild() {
        return Optional.ofNullable(lastRebuild);
    }

    /**
     * Fills the index from the database, whole. Reading (database, this thread) and analysing (one thread per core)
     * overlap: analysis is most of the work, and the index writer takes documents from several threads.
     */
    public void rebuild() {
        rebuilding = true;
        ExecutorService executor = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), threads);
        try {
            long start = System.nanoTime();
            index.clear();
            List<IndexedText> clauses = sources.clauses(Optional.empty());
            index.add(clauses);
            int groups = (int) clauses.stream().map(IndexedText::group).distinct().count();
            int texts = clauses.size();
            int sinceCommit = texts;
            Semaphore queued = new Semaphore(ANALYSIS_QUEUE);
            List<Future<?>> analysing = new ArrayList<>();
            List<IndexedText> batch = new ArrayList<>();
            for (long id : sources.publishedDocuments()) {
                List<IndexedText> document = sources.document(id);
                batch.addAll(document);
                groups++;
                texts += document.size();
                sinceCommit += document.size();
                if (batch.size() >= ANALYSIS_BATCH) {
                    analysing.add(analyse(executor, batch, queued));
                    batch = new ArrayList<>();
                }
                if (sinceCommit >= REBUILD_BATCH) {
                    index.publish();
                    sinceCommit = 0;
                }
            }
            analysing.add(analyse(executor, batch, queued));
            for (Future<?> done : analysing) {
                done.get();
            }
            index.publish();
            long indexed = System.nanoTime();
            index.merge();
            index.rebuilt();
            IndexRebuild done = new IndexRebuild(texts, groups, (indexed - start) / 1_000_000, (System.nanoTime() - indexed) / 1_000_000,
                    Instant.now());
            lastRebuild = done;
            LOG.info(() -> String.format(Locale.ROOT, "Search index rebuilt: %d texts of %d groups in %d ms (%.0f texts/s), merged in %d ms",
                    done.texts(), done.groups(), done.millis(), done.textsPerSecond(), done.mergeMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warning("Search index rebuild interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException("Search index rebuild failed", e.getCause());
        } finally {
            executor.shutdownNow();
            rebuilding = false;
        }
    }

    /** Texts handed to an analysing thread at once, and how many such batches may wait: bounds the memory a rebuild holds. */
    private static final int ANALYSIS_BATCH = 200;
    private static final int ANALYSIS_QUEUE = 8;

    private Future<?> analyse(ExecutorService executor, List<IndexedText> batch, Semaphore queued) throws InterruptedException {
        queued.acquire();
        try {
            return executor.submit(() -> {
                try {
                    index.add(batch);
                } finally {
                    queued.release();
                }
            });
        } catch (RuntimeException rejected) {
            queued.release();
            throw rejected;
        }
    }

    /**
     * Where indexing after a commit runs: one thread of the container's thread factory, started with this bean at
     * start-up. The committing thread cannot be trusted with it: after a timer's transaction (a campaign publishing its
     * newsletter, a scheduled publication) Payara runs these observers with no application component on the thread,
     * and a bean first created there got no persistence context — indexing failed with a null entity manager
     * (bench/mail/run on a fresh database found it). One thread also keeps updates in the order of their commits.
     */
    private ThreadPoolExecutor updates;

    /** How long a committing thread waits for its update: long enough that a publish call's reply means "searchable". */
    private static final long UPDATE_WAIT_SECONDS = 10;

    /**
     * Starts the indexing thread; {@link SearchStartup} calls it at start-up, always, so that this bean and its thread
     * are made with the application's context — created lazily by a first event after a timer's commit, the bean
     * would get neither its thread factory nor, through it, a thread that can read the database.
     */
    public synchronized void startUpdates() {
        if (updates == null) {
            updates = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
            updates.prestartCoreThread();
        }
    }

    @PreDestroy
    synchronized void stopUpdates() {
        if (updates != null) {
            updates.shutdownNow();
        }
    }

    void onPublished(@Observes(during = TransactionPhase.AFTER_SUCCESS) DocumentPublished event) {
        update(() -> reindexDocument(event.documentId()), event.publisherWaits());
    }

    void onUnpublished(@Observes(during = TransactionPhase.AFTER_SUCCESS) DocumentUnpublished event) {
        update(() -> index.replace(List.of(SearchSources.documentGroup(event.documentId())), List.of()), true);
    }

    void onApproved(@Observes(during = TransactionPhase.AFTER_SUCCESS) TranslationApproved event) {
        update(() -> reindex(event.key().value()), true);
    }

    void onRevised(@Observes(during = TransactionPhase.AFTER_SUCCESS) SourceRevised event) {
        update(() -> reindex(event.key().value()), true);
    }

    /** @param wait whether the committing thread waits (up to {@link #UPDATE_WAIT_SECONDS}) until the update is searchable */
    private void update(Runnable work, boolean wait) {
        startUpdates();
        Future<?> done;
        try {
            done = updates.submit(() -> safely(work));
        } catch (RejectedExecutionException stopping) {
            LOG.warning("Indexing skipped while the application stops; the next rebuild will repair it");
            return;
        }
        if (!wait) {
            return;
        }
        try {
            done.get(UPDATE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "Indexing failed; the next rebuild will repair it", e.getCause());
        } catch (TimeoutException e) {
            LOG.info("Indexing takes longer than " + UPDATE_WAIT_SECONDS + " s; it goes on in the background");
        }
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
