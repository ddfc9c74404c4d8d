package org.internationale.search.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;

/**
 * Opens the index after the seed import and, when it must be rebuilt, rebuilds it in the background: the server is
 * ready and answers (from whatever the index holds) while it fills.
 */
@Startup
@Singleton
@DependsOn("SeedImport")
public class SearchStartup {

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
        }
    }
}
