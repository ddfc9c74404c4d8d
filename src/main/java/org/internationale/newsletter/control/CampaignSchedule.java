package org.internationale.newsletter.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.internationale.mailing.control.DeliveryLedger;
import org.internationale.mailing.control.MailSettings;
import org.internationale.newsletter.entity.CampaignStepDue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * At start-up, recovers this instance's interrupted sends (rows left {@code sending} by a crash become
 * {@code unknown}); then every second starts due campaigns, enforces deadlines, closes finished ones, recovers rows
 * of instances that died, and wakes the sending lanes. Everything pending is resumed this way after any restart: the
 * state lives in the database, not in the timer.
 * <p>
 * Where this instance knows a step is due ({@link CampaignStepDue}: a campaign sent or resumed, the lanes out of
 * messages) the same step runs at once rather than up to a second later — in the mail benchmark the ticks before a
 * campaign's first message and after its last added one to two and a half seconds. It runs as a single-action timer
 * due at once: the same container thread and invocation as the tick's, whose transactions and the lanes it starts are
 * known to work; one step at a time, the tick's or the timer's. "At once" needs Payara's minimum timer delivery interval
 * lowered from its default of one second (src/main/payara/pre-boot-commands.txt, 10 ms); on a server without that
 * setting the step still comes, a second later. (An {@code @Asynchronous} method and a task on the lanes'
 * executor calling this bean were tried first: lanes started from there inherited an EJB invocation that ended
 * under them — its persistence context closed, the container's invocation stack out of step.)
 */
@Startup
@Singleton
// steps take turns on a lock of their own: with the container's write lock a send request announcing a step waited
// for any step under way (a campaign's start takes seconds), and could time out into an error
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@DependsOn("SchemaMigration")
// the sending lanes' own threads: on the shared default executor a long search-index rebuild held a campaign back
@ManagedExecutorDefinition(name = CampaignDispatcher.LANES, maxAsync = 32)
// each step runs in its own transaction: one failing must not roll back the others
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CampaignSchedule {

    /**
     * Longer than any SMTP transaction can take with the configured timeouts: connect 10 s, read 60 s, a write 60 s
     * and the second until its stall is noticed.
     */
    static final Duration LEASE = Duration.ofMinutes(5);
    private static final Logger LOG = Logger.getLogger(CampaignSchedule.class.getName());

    @Inject
    DeliveryLedger ledger;

    @Inject
    CampaignPlanner campaigns;

    @Inject
    CampaignDispatcher dispatcher;

    @Inject
    MailSettings settings;

    @Resource
    TimerService timers;

    private final AtomicBoolean stepQueued = new AtomicBoolean();
    private final ReentrantLock stepping = new ReentrantLock();

    @PostConstruct
    void recover() {
        // a wrong MAIL_CLAIM_SIZE stops the start, rather than every lane once a campaign sends
        settings.claimSize();
        ledger.recoverOwn();
    }

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void tick() {
        step();
    }

    /**
     * Sets a timer for one step now; announcements while one is set and has not yet fired join it. Never waits: the
     * announcer is a request or a sending lane.
     */
    public void stepDue(@Observes CampaignStepDue due) {
        if (!stepQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            timers.createSingleActionTimer(1, new TimerConfig(due.reason(), false));
        } catch (RuntimeException e) {
            stepQueued.set(false);
            LOG.log(Level.FINE, "Campaign step (" + due.reason() + ") left to the next tick", e);
        }
    }

    @Timeout
    void stepNow(Timer timer) {
        stepQueued.set(false);
        step();
    }

    /** Starts what is due, cancels what missed its send-by time, closes what is done, wakes the lanes. */
    private void step() {
        stepping.lock();
        try {
            takeStep();
        } finally {
            stepping.unlock();
        }
    }

    private void takeStep() {
        try {
            campaigns.advance();
        } catch (RuntimeException e) {
            // another instance advanced the same campaign at the same moment: the next tick sees its outcome. Nothing
            // more on this thread now: after a failed commit its persistence context may still hold the rolled-back
            // changes, and a query here would try to flush them (seen with two instances on PostgreSQL)
            LOG.log(Level.FINE, "Campaign step deferred", e);
            dispatcher.forgetCampaigns();
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
