package org.internationale.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down and then locks repeated failed logins, per account name and per client address. Keys are the names
 * people type, whether or not an account has that name, and a locked name answers the same way with a right or a
 * wrong password: the lock tells nothing about which accounts exist.
 *
 * <p>After {@value #FREE_FAILURES} failures for a name ({@value #ADDRESS_FREE_FAILURES} from an address) each further
 * attempt must wait twice as long as the last (1 s, 2 s, 4 s … up to a minute); {@value #NAME_LOCK_AFTER} failures for
 * one name, or {@value #ADDRESS_LOCK_AFTER} from one address, lock it for {@link #LOCK}. Failures are forgotten {@link #MEMORY} after the last one. Waiting is enforced by
 * refusing early attempts (429 with Retry-After), never by holding a request thread. State is per instance and
 * in memory: a restart forgives, which costs an attacker a restart they cannot cause.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int FREE_FAILURES = 3;
    static final int NAME_LOCK_AFTER = 10;
    /** An address may be an office or a union hall behind one NAT: it gets more room before it slows down. */
    static final int ADDRESS_FREE_FAILURES = 20;
    static final int ADDRESS_LOCK_AFTER = 100;
    static final Duration LOCK = Duration.ofMinutes(15);
    static final Duration MEMORY = Duration.ofMinutes(30);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(1);
    static final int MAX_TRACKED = 100_000;
    static final int NAME_KEY_LENGTH = 200;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private Clock clock;

    protected LoginThrottle() {
        // CDI
    }

    @Inject
    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long this attempt must wait, or empty when it may go ahead. */
    public Optional<Duration> refusal(String username, String address) {
        Instant now = clock.instant();
        Optional<Duration> byName = wait(nameKey(username), now);
        Optional<Duration> byAddress = wait(addressKey(address), now);
        if (byName.isPresent() && byAddress.isPresent()) {
            return Optional.of(byName.get().compareTo(byAddress.get()) > 0 ? byName.get() : byAddress.get());
        }
        return byName.isPresent() ? byName : byAddress;
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(f -> f.forgotten(now));
        }
        if (failures.size() > MAX_TRACKED) {
            // every failure is recent: names or addresses beyond what we keep; the least recent half is forgotten
            // rather than the memory filled
            failures.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.comparing((Failures f) -> f.last)))
                    .limit(failures.size() / 2).map(Map.Entry::getKey).toList().forEach(failures::remove);
        }
        failures.compute(nameKey(username), (k, f) -> (f == null || f.forgotten(now) ? new Failures() : f).add(now, FREE_FAILURES, NAME_LOCK_AFTER));
        failures.compute(addressKey(address), (k, f) -> (f == null || f.forgotten(now) ? new Failures() : f).add(now, ADDRESS_FREE_FAILURES, ADDRESS_LOCK_AFTER));
    }

    public void succeeded(String username) {
        failures.remove(nameKey(username));
    }

    private Optional<Duration> wait(String key, Instant now) {
        Failures f = failures.get(key);
        if (f == null || f.forgotten(now) || !now.isBefore(f.notBefore)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, f.notBefore));
    }

    /** At most {@value #NAME_KEY_LENGTH} characters of the name: a header can carry kilobytes, no account's name does. */
    private static String nameKey(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return "name:" + (name.length() > NAME_KEY_LENGTH ? name.substring(0, NAME_KEY_LENGTH) : name);
    }

    int tracked() {
        return failures.size();
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private static final class Failures {
        int count;
        Instant last = Instant.EPOCH;
        Instant notBefore = Instant.EPOCH;

        Failures add(Instant now, int free, int lockAfter) {
            count++;
            last = now;
            if (count >= lockAfter) {
                notBefore = now.plus(LOCK);
            } else if (count > free) {
                Duration wait = Duration.ofSeconds(1L << Math.min(count - free - 1, 6));
                notBefore = now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
            }
            return this;
        }

        boolean forgotten(Instant now) {
            return now.isAfter(last.plus(MEMORY)) && !now.isBefore(notBefore);
        }
    }
}
