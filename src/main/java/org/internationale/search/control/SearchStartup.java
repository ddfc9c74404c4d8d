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
 * ready and answers (from whatever the index holds) while it fills. An index already on disk gets its analysis
 * warmed in the background instead, so that the first readers after a restart do not wait for dictionaries to load.
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

    @Resource
    ManagedExecutorService executor;

    @PostConstruct
    void open() {
        indexing.startUpdates();
        if (index.open()) {
            executor.submit(indexing::rebuild);
        } else {
            executor.submit(this::warmUp);
        }
    }

    private void warmUp() {
        long started = System.nanoTime();
        try {
            int fields = index.warmUpAnalysis();
            long millis = (System.nanoTime() - started) / 1_000_000;
            LOG.info(() -> "Search analysis of " + fields + " fields loaded in " + millis + " ms");
        } catch (RuntimeException e) {
            // nothing is lost: the first search or publication loads what it needs itself
            LOG.log(Level.WARNING, "Warming up the search analysis failed", e);
        }
    }
}
