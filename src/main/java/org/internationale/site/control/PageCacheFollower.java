package org.internationale.site.control;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.internationale.system.control.ContentChangeLog;
import org.internationale.system.entity.ContentChanged;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps this instance's page cache no older than the content: at once after a change commits here, and within a
 * second of a change committed on any other instance (the change log's newest id, read once a second).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PageCacheFollower {

    private static final Logger LOG = Logger.getLogger(PageCacheFollower.class.getName());

    @Inject
    PageCache cache;

    @Inject
    ContentChangeLog log;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        try {
            cache.follow(log.latest());
        } catch (RuntimeException e) {
            // without the log nothing proves a page current: the cache is emptied every second until it answers again
            cache.forget();
            LOG.log(Level.WARNING, "The content change log could not be read; the page cache is emptied until it can", e);
        }
    }

    @Schedule(hour = "*", minute = "17", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void prune() {
        log.prune();
    }

    public void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentChanged change) {
        cache.forget();
    }
}
