package org.internationale.newsletter.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.internationale.mailing.control.DeliveryLedger;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * At start-up, recovers this instance's interrupted sends (rows left {@code sending} by a crash become
 * {@code unknown}); then every second starts due campaigns, enforces deadlines, closes finished ones, recovers rows
 * of instances that died, and wakes the sending lanes. Everything pending is resumed this way after any restart: the
 * state lives in the database, not in the timer.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
// the sending lanes' own threads: on the shared default executor a long search-index rebuild held a campaign back
@ManagedExecutorDefinition(name = CampaignDispatcher.LANES, maxAsync = 32)
// each step runs in its own transaction: one failing must not roll back the others
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CampaignSchedule {

    /** Longer than any SMTP transaction can take with the configured timeouts (connect 10 s, read/write 60 s). */
    static final Duration LEASE = Duration.ofMinutes(5);
    private static final Logger LOG = Logger.getLogger(CampaignSchedule.class.getName());

    @Inject
    DeliveryLedger ledger;

    @Inject
    Campaigns campaigns;

    @Inject
    CampaignDispatcher dispatcher;

    @PostConstruct
    void recover() {
        ledger.recoverOwn();
    }

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void tick() {
        try {
            campaigns.advance();
        } catch (RuntimeException e) {
            // another instance advanced the same campaign at the same moment: the next tick sees its outcome. Nothing
            // more on this thread now: after a failed commit its persistence context may still hold the rolled-back
            // changes, and a query here would try to flush them (seen with two instances on PostgreSQL)
            LOG.log(Level.FINE, "Campaign step deferred", e);
            dispatcher.campaignsChanged();
            return;
        }
        try {
            ledger.recoverAbandoned(LEASE);
            dispatcher.wake();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sending lanes could not be started", e);
        }
    }
}
