package org.internationale.subscribers.control;

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
 * Limits subscribe requests per client address, so that nobody can use the form to mail-bomb others or fill the
 * table. Limits per mailbox are kept on the subscriber row instead (see {@link Subscriptions}), where every instance
 * sees them. This one is per instance and in memory, like the login throttle: a restart forgives.
 */
@ApplicationScoped
public class SubscribeThrottle {

    /** Generous: a union hall behind one NAT may sign up a whole meeting. */
    static final int REQUESTS_PER_WINDOW = 30;
    static final Duration WINDOW = Duration.ofHours(1);
    static final int MAX_TRACKED = 100_000;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private Clock clock;

    protected SubscribeThrottle() {
        // CDI
    }

    @Inject
    public SubscribeThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Counts a request from {@code client}; returns how long it must wait when it is over the limit. */
    public Optional<Duration> admit(String client) {
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
        Window window = windows.compute(client == null ? "?" : client,
                (key, old) -> old == null || old.start.plus(WINDOW).isBefore(now) ? new Window(now, 1) : new Window(old.start, old.count + 1));
        if (window.count > REQUESTS_PER_WINDOW) {
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
