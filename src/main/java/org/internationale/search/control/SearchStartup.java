package org.internationale.search.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Opens the index after the seed import and, when it must be rebuilt, rebuilds it in the background: the server is
 * ready and answers (from whatever the index holds) while it fills. Before that, on the deploying thread, the analysis
 * and indexing are loaded once ({@link SearchIndex#warmUp()}): the first readers after a restart do not wait for
 * dictionaries, and no background thread loads them while Payara closes the application's jar files.
 */
@Startup
@Singleton
@DependsOn("SeedImport")
public class SearchStartup {

    private static final Logger LOG = Logger.getLogger(SearchStartup.class.getName());

    @Inject
    SearchIndex index;

    @Inject
    SearchIndexing indexing;

    @Inject
    SearchChangeLog changes;

    @Resource
    ManagedExecutorService executor;

    @PostConstruct
    void open() {
        indexing.startUpdates();
        boolean rebuild = index.open();
        if (!rebuild && changes.forgotten(index.appliedChanges())) {
            // the index stood still for longer than the change log keeps changes: it cannot catch up, only start afresh
            LOG.info("The search index is older than the search change log reaches back; it is rebuilt");
            rebuild = true;
        }
        warmUp();
        if (rebuild) {
            executor.submit(indexing::rebuild);
        } else {
            indexing.resumeFollowing();
        }
    }

    /** On the deploying thread: see {@link SearchIndex#warmUp()} for why not in the background. */
    private void warmUp() {
        long started = System.nanoTime();
        try {
            int fields = index.warmUp();
            long millis = (System.nanoTime() - started) / 1_000_000;
            LOG.info(() -> "Search analysis of " + fields + " fields and indexing loaded in " + millis + " ms");
        } catch (RuntimeException e) {
            // nothing is lost: the first search or publication loads what it needs itself
            LOG.log(Level.WARNING, "Warming up the search analysis failed", e);
        }
    }
}
