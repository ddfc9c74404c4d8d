package org.internationale.newsletter.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.mailing.control.DeliveryLedger;
import org.internationale.mailing.control.MailConnection;
import org.internationale.mailing.control.MailSettings;
import org.internationale.mailing.control.RelayOutage;
import org.internationale.mailing.control.SendingRate;
import org.internationale.mailing.control.Verp;
import org.internationale.mailing.entity.DeliveryClaim;
import org.internationale.mailing.entity.DeliveryReport;
import org.internationale.mailing.entity.Mail;
import org.internationale.mailing.entity.SendOutcome;
import org.internationale.newsletter.entity.Campaign;
import org.internationale.newsletter.entity.CampaignStepDue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Runs up to {@code SMTP_CONNECTIONS} sending lanes on the container's managed executor. A lane keeps one SMTP
 * connection and one ledger connection open and loops: report the last message and claim the next (one
 * transaction), wait for the rate limits by putting a message back rather than sleeping, compose, send. Lanes stop
 * when nothing is due; the schedule wakes them again. When the relay cannot be reached, the message goes back
 * unattempted and no lane runs until {@link RelayOutage}'s pause is over. CampaignPlanner being paused, cancelled or past
 * their send-by time are left out of the very next claim, so nothing goes out late. A change to a campaign and the
 * last lane running out of messages announce {@link CampaignStepDue}: the schedule then takes its step at once
 * instead of at its next tick.
 */
@ApplicationScoped
public class CampaignDispatcher {

    private static final Logger LOG = Logger.getLogger(CampaignDispatcher.class.getName());
    private static final Duration CAMPAIGNS_FRESH_FOR = Duration.ofMillis(500);

    /** Defined on {@link CampaignSchedule}: lanes never wait behind other work on the default executor. */
    static final String LANES = "java:app/concurrent/sendingLanes";

    @Resource(lookup = LANES)
    ManagedExecutorService executor;

    @Inject
    DeliveryLedger ledger;

    @Inject
    CampaignPlanner campaigns;

    @Inject
    CampaignMessages messages;

    @Inject
    MailSettings settings;

    @Inject
    Verp verp;

    @Inject
    RelayOutage relay;

    @Inject
    Clock clock;

    @Inject
    Event<CampaignStepDue> stepDue;

    private final AtomicInteger lanes = new AtomicInteger();
    private final AtomicBoolean stopping = new AtomicBoolean();
    /** A lane reported a message since the lanes last all stopped: when the last one stops, a campaign may be done. */
    private final AtomicBoolean reportedSinceIdle = new AtomicBoolean();
    private volatile SendingRate rate;
    private volatile Snapshot snapshot = new Snapshot(Instant.EPOCH, Map.of());

    /** Starts lanes up to the limit while there are campaigns sending. */
    public void wake() {
        if (stopping.get() || !relay.open() || active().isEmpty()) {
            return;
        }
        while (true) {
            int running = lanes.get();
            if (running >= settings.connections()) {
                return;
            }
            if (lanes.compareAndSet(running, running + 1)) {
                try {
                    executor.submit(this::lane);
                } catch (RuntimeException e) {
                    lanes.decrementAndGet();
                    throw e;
                }
            }
        }
    }

    public int lanes() {
        return lanes.get();
    }

    @PreDestroy
    void stop() {
        stopping.set(true);
    }

    private void lane() {
        int size = settings.claimSize();
        try (MailConnection connection = new MailConnection(settings, clock); DeliveryLedger.Lane held = ledger.lane()) {
            List<DeliveryReport> reports = List.of();
            while (true) {
                // while sending pauses for an unreachable relay a lane only reports its last messages, then stops
                Map<Long, Campaign> active = stopping.get() || !relay.open() ? Map.of() : active();
                List<DeliveryClaim> claims = held.advance(reports, active.keySet(), size);
                if (reports.stream().anyMatch(report -> report.outcome() != null)) {
                    reportedSinceIdle.set(true);
                }
                if (claims.isEmpty()) {
                    return;
                }
                reports = sendAll(connection, active, claims);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "A sending lane stopped; its messages in flight are recovered as unknown", e);
        } finally {
            // the last lane out after the lanes sent: a campaign may be finished, and closing it should not wait for
            // the tick (whichever lane stops last, also one that found nothing to send)
            if (lanes.decrementAndGet() == 0 && reportedSinceIdle.getAndSet(false) && !stopping.get()) {
                try {
                    stepDue.fire(new CampaignStepDue("the sending lanes ran out of messages"));
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "Closing the campaign is left to the schedule's next tick", e);
                }
            }
        }
    }

    /**
     * Sends the claimed rows in order over the lane's connection. A row a rate limit holds back goes back unsent
     * rather than the lane sleeping; once the relay cannot be reached, or the instance stops, the rest go back
     * unattempted.
     */
    private List<DeliveryReport> sendAll(MailConnection connection, Map<Long, Campaign> active, List<DeliveryClaim> claims) {
        List<DeliveryReport> reports = new ArrayList<>(claims.size());
        Duration paused = null;
        for (DeliveryClaim claim : claims) {
            if (paused != null || stopping.get()) {
                reports.add(DeliveryReport.putBack(claim, paused == null ? Duration.ZERO : paused));
                continue;
            }
            Duration wait = rate().acquire(claim.domain(), System.nanoTime());
            if (!wait.isZero()) {
                reports.add(DeliveryReport.putBack(claim, wait));
                continue;
            }
            SendOutcome outcome = send(connection, active.get(claim.campaignId()), claim);
            if (outcome.kind() == SendOutcome.Kind.UNREACHABLE) {
                paused = relay.unreachable(outcome.reply());
                reports.add(new DeliveryReport(claim, outcome, paused));
            } else {
                if (outcome.kind() == SendOutcome.Kind.SENT) {
                    relay.reachable();
                }
                reports.add(DeliveryReport.of(claim, outcome));
            }
        }
        return reports;
    }

    private SendOutcome send(MailConnection connection, Campaign campaign, DeliveryClaim claim) {
        try {
            var message = messages.compose(connection.session(), campaign, claim.subscriberId(), claim.email(),
                    LanguageTag.of(claim.language()), LanguageTag.of(claim.language()));
            return connection.send(message, claim.email(), verp.returnPath(claim.id()));
        } catch (MessagingException | RuntimeException e) {
            // a message we cannot even build will not build next time either
            // the exception's text may quote the recipient; the log never holds an address (docs/newsletters.md)
            LOG.warning(() -> "Message " + claim.id() + " could not be composed: " + e.getClass().getName() + ": "
                    + Mail.withoutAddresses(e.getMessage()));
            return SendOutcome.permanent("not composed: " + e.getMessage());
        }
    }

    private Map<Long, Campaign> active() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current.taken.plus(CAMPAIGNS_FRESH_FOR).isBefore(now)) {
            List<Campaign> sending = campaigns.sending();
            current = new Snapshot(now, sending.stream().collect(Collectors.toMap(Campaign::id, Function.identity())));
            snapshot = current;
        }
        return current.campaigns.entrySet().stream()
                .filter(e -> !e.getValue().deadlinePassed(now))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Forces the next claim to see a campaign's change (send, pause, resume, cancel) at once, and the next step to come now. */
    public void campaignsChanged() {
        forgetCampaigns();
        stepDue.fire(new CampaignStepDue("a campaign changed"));
    }

    /** The next claim reads the sending campaigns afresh. */
    void forgetCampaigns() {
        snapshot = new Snapshot(Instant.EPOCH, Map.of());
    }

    private SendingRate rate() {
        SendingRate current = rate;
        if (current == null) {
            current = new SendingRate(settings.rate(), settings.domainRate());
            rate = current;
        }
        return current;
    }

    private record Snapshot(Instant taken, Map<Long, Campaign> campaigns) {
    }
}
