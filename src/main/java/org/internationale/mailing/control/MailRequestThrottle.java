package org.internationale.mailing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits the anonymous requests that make us send mail — subscribing, signing a statement, on the API and on the
 * reader site alike — per client address and per e-mail address, so that nobody can use the forms to mail-bomb others
 * or fill the tables. All of them share one budget: a script gains nothing by switching forms. This one is per
 * instance and in memory, like the login throttle: a restart forgives. Addresses are counted by their hash, as in
 * {@link DailyMailCap}, which is what really bounds a stranger's inbox, shared by every instance.
 */
@ApplicationScoped
public class MailRequestThrottle {

    /** Generous: a union hall behind one NAT may sign up a whole meeting. */
    static final int REQUESTS_PER_CLIENT = 30;
    /** Nobody needs more for their own address; the daily cap stops the mails long before. */
    static final int REQUESTS_PER_ADDRESS = 10;
    static final Duration WINDOW = Duration.ofHours(1);
    static final int MAX_TRACKED = 100_000;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private Clock clock;

    protected MailRequestThrottle() {
        // CDI
    }

    @Inject
    public MailRequestThrottle(Clock clock) {
        this.clock = clock;
    }

    /**
     * Counts a request from {@code client} for mail to {@code email} (as typed; null when unknown); returns how long
     * it must wait when either is over its limit.
     */
    public Optional<Duration> admit(String client, String email) {
        Instant now = clock.instant();
        if (windows.size() > MAX_TRACKED) {
            windows.values().removeIf(w -> w.start.plus(WINDOW).isBefore(now));
        }
        if (windows.size() > MAX_TRACKED) {
            // every window is recent: someone speaks from more addresses than we keep (an IPv6 prefix); the oldest
            // half is forgotten rather than the memory filled
            windows.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.comparing(Window::start)))
                    .limit(windows.size() / 2).map(Map.Entry::getKey).toList().forEach(windows::remove);
        }
        Optional<Duration> byClient = count("client " + (client == null ? "?" : client), REQUESTS_PER_CLIENT, now);
        Optional<Duration> byAddress = email == null || email.isBlank() ? Optional.empty()
                : count("address " + DailyMailCap.hash(email), REQUESTS_PER_ADDRESS, now);
        return byClient.isPresent() ? byClient : byAddress;
    }

    private Optional<Duration> count(String key, int limit, Instant now) {
        Window window = windows.compute(key,
                (k, old) -> old == null || old.start.plus(WINDOW).isBefore(now) ? new Window(now, 1) : new Window(old.start, old.count + 1));
        if (window.count > limit) {
            return Optional.of(Duration.between(now, window.start.plus(WINDOW)));
        }
        return Optional.empty();
    }

    int tracked() {
        return windows.size();
    }

    private record Window(Instant start, int count) {
    }
}
