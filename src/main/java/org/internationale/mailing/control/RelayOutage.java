package org.internationale.mailing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.internationale.mailing.entity.RelayPause;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Whether the SMTP relay can be reached at all, as this instance last found it. When a lane cannot open a
 * connection — refused, timed out, login refused, no TLS where TLS is required — the message it held was never
 * attempted: it goes back to the queue without counting an attempt, and sending pauses, 5 s at first and twice as
 * long after each further failure, up to 5 minutes, until a message goes out again. Without the pause every lane
 * would go through the whole campaign in seconds, one refused connection or failed login per message (a relay may
 * ban an address for that), and each message would use up its attempts within the retry schedule's two hours and
 * fail for good although nothing was wrong with it.
 */
@ApplicationScoped
public class RelayOutage {

    static final Duration FIRST_PAUSE = Duration.ofSeconds(5);
    static final Duration LONGEST_PAUSE = Duration.ofMinutes(5);
    private static final Logger LOG = Logger.getLogger(RelayOutage.class.getName());

    private Clock clock;
    /** Failures in a row; read on every message sent, so that the common case takes no lock. */
    private volatile int failures;
    /** The pause under way or last ended; null before the first. One field, so reason and time never disagree. */
    private volatile RelayPause pause;

    protected RelayOutage() {
        // CDI
    }

    @Inject
    public RelayOutage(Clock clock) {
        this.clock = clock;
    }

    /** Whether lanes may send now. */
    public boolean open() {
        return current().isEmpty();
    }

    /** The pause under way, if sending pauses now: for the campaign's progress, so an editor sees why nothing moves. */
    public Optional<RelayPause> current() {
        RelayPause last = pause;
        return last != null && clock.instant().isBefore(last.until()) ? Optional.of(last) : Optional.empty();
    }

    /** A lane could not reach the relay; returns how long sending pauses (and the message waits). */
    public synchronized Duration unreachable(String reason) {
        Instant now = clock.instant();
        Optional<RelayPause> under = current();
        if (under.isPresent()) {
            // another lane found the same outage: one pause, counted once
            return Duration.between(now, under.get().until());
        }
        Duration length = FIRST_PAUSE.multipliedBy(1L << Math.min(16, failures));
        if (length.compareTo(LONGEST_PAUSE) > 0) {
            length = LONGEST_PAUSE;
        }
        failures++;
        pause = new RelayPause(reason, now.plus(length));
        Duration logged = length;
        LOG.warning(() -> "The SMTP relay cannot be reached (" + reason + "); sending pauses for " + logged.toSeconds()
                + " s, and the message waits without losing an attempt");
        return length;
    }

    /** A message went out: the relay is there. */
    public void reachable() {
        if (failures != 0) {
            synchronized (this) {
                if (failures != 0) {
                    failures = 0;
                    pause = null;
                    LOG.info("The SMTP relay can be reached again; sending goes on");
                }
            }
        }
    }
}
