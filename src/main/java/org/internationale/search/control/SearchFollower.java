package org.internationale.search.control;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Once a second, brings this instance's index up to the search change log ({@link SearchIndexing#follow()}): what
 * another instance published is searchable here within about a second, and a change whose indexing a crash cut off
 * is indexed at the next start. A tick that finds the previous one still working is skipped.
 */
@Singleton
@DependsOn("SearchStartup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SearchFollower {

    private static final Logger LOG = Logger.getLogger(SearchFollower.class.getName());

    @Inject
    SearchIndexing indexing;

    private final ReentrantLock following = new ReentrantLock();

    /** Outside a transaction: a tick that indexes the whole platform must not meet the transaction timeout. */
    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        if (!following.tryLock()) {
            return;
        }
        try {
            indexing.follow();
        } catch (RuntimeException e) {
            // the database or the index is unavailable for a moment: the next tick tries again
            LOG.log(Level.WARNING, "Following the search change log failed; trying again", e);
        } finally {
            following.unlock();
        }
    }
}
