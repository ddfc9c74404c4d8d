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
import org.internationale.search.entity.SearchChange;
import org.internationale.text.entity.SourceRevised;
import org.internationale.translation.entity.TranslationApproved;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
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
 * revision, the affected clause or document is indexed again in all its languages. That event reaches only the
 * instance that made the change, and is lost if the server dies between the commit and the indexing; so every
 * instance also follows the search change log ({@link SearchChangeLog}) once a second and indexes again whatever it has
 * not applied yet — changes made on other instances, or cut off by a crash, or whose indexing failed. A failure to
 * index never undoes the change.
 */
@ApplicationScoped
public class SearchIndexing {

    private static final Logger LOG = Logger.getLogger(SearchIndexing.class.getName());

    @Inject
    SearchIndex index;

    @Inject
    SearchSources sources;

    @Inject
    SearchChangeLog changes;

    @Inject
    Clock clock;

    /** Changes read from the log at a time: a burst (the platform's first import) is worked through over a few seconds. */
    private static final int FOLLOW_BATCH = 1_000;

    /** Null until the index is open and complete: following starts where it stands (or where its rebuild began). */
    private ChangeCursor cursor;
    private Instant lastPruned = Instant.EPOCH;

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
        synchronized (this) {
            cursor = null;
        }
        // what the database holds when the rebuild reads it includes every change recorded well before now; the later
        // ones are applied again by following the log from there
        long covered = changes.lastBefore(clock.instant().minus(ChangeCursor.PATIENCE));
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
            index.recordApplied(covered);
            index.rebuilt();
            synchronized (this) {
                cursor = new ChangeCursor(covered);
            }
            IndexRebuild done = new IndexRebuild(texts, groups, (indexed - start) / 1_000_000, (System.nanoTime() - indexed) / 1_000_000,
                    clock.instant());
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

    /** An index that needed no rebuild carries on from the change log position its last commit recorded. */
    public synchronized void resumeFollowing() {
        cursor = new ChangeCursor(index.appliedChanges());
    }

    /**
     * Applies the changes of the log this index does not have yet, on the indexing thread (so that two indexings of one
     * group never interleave), and records the position it reached in the index's commit. Changes whose indexing failed
     * are read again next time.
     */
    public void follow() {
        ChangeCursor current;
        synchronized (this) {
            current = cursor;
        }
        if (current == null || rebuilding) {
            return;
        }
        List<SearchChange> due = current.unapplied(changes.after(current.position(), FOLLOW_BATCH));
        if (!due.isEmpty()) {
            startUpdates();
            try {
                updates.submit(() -> apply(due)).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | RejectedExecutionException e) {
                LOG.log(Level.WARNING, "Indexing " + due.size() + " change(s) of the search change log failed; they are tried again", e);
                return;
            }
        }
        // a rebuild begun meanwhile owns the commit data (it marks the index unfinished until it ends)
        if (current.applied(due, clock.instant()) && !rebuilding) {
            index.recordApplied(current.position());
        }
        Instant now = clock.instant();
        if (lastPruned.plus(Duration.ofHours(1)).isBefore(now)) {
            lastPruned = now;
            changes.prune();
        }
    }

    /** Indexes again what a batch of changes names, each clause and document once. */
    private void apply(List<SearchChange> due) {
        Reindexing work = new Reindexing();
        for (SearchChange change : due) {
            change.documentId().ifPresent(work.documents::add);
            change.segmentKey().ifPresent(work::segment);
        }
        work.run();
    }

    /**
     * What changed texts mean for the index, collected before any indexing: the events' and the change log's one rule.
     * A section title is part of every clause's title in that section, so a title's change means the whole platform.
     */
    private final class Reindexing {
        private final Set<Long> documents = new LinkedHashSet<>();
        private final Set<String> clauses = new LinkedHashSet<>();
        private boolean platform;

        void segment(String segmentKey) {
            OptionalLong document = documentOf(segmentKey);
            if (document.isPresent()) {
                documents.add(document.getAsLong());
            } else if (segmentKey.startsWith("doc:")) {
                // a key of another shape: nothing indexed under it
            } else if (segmentKey.endsWith(".title")) {
                platform = true;
            } else {
                clauses.add(segmentKey);
            }
        }

        void run() {
            if (platform) {
                indexPlatform();
            } else {
                clauses.forEach(SearchIndexing.this::indexClause);
            }
            documents.forEach(SearchIndexing.this::indexDocument);
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
            LOG.warning("Indexing skipped while the application stops; the search change log brings it at the next start");
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
            LOG.log(Level.WARNING, "Indexing failed; following the search change log tries it again", e.getCause());
        } catch (TimeoutException e) {
            LOG.info("Indexing takes longer than " + UPDATE_WAIT_SECONDS + " s; it goes on in the background");
        }
    }

    private void reindex(String segmentKey) {
        Reindexing work = new Reindexing();
        work.segment(segmentKey);
        safely(work::run);
    }

    /** The document a segment key of the form {@code doc:<id>.<part>} belongs to. */
    private static OptionalLong documentOf(String segmentKey) {
        if (!segmentKey.startsWith("doc:")) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(segmentKey.substring(4, segmentKey.indexOf('.'))));
        } catch (RuntimeException notADocument) {
            return OptionalLong.empty();
        }
    }

    private void indexPlatform() {
        List<IndexedText> all = sources.clauses(Optional.empty());
        index.replace(all.stream().map(IndexedText::group).distinct().toList(), all);
    }

    private void indexClause(String segmentKey) {
        index.replace(List.of(SearchSources.clauseGroup(segmentKey)), sources.clauses(Optional.of(segmentKey)));
    }

    private void indexDocument(long id) {
        index.replace(List.of(SearchSources.documentGroup(id)), sources.document(id));
    }

    private void reindexDocument(long id) {
        safely(() -> indexDocument(id));
    }

    private static void safely(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Indexing failed; following the search change log tries it again", e);
        }
    }
}
