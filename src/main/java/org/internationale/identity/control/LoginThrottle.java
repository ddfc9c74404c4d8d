package org.internationale.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Slows down repeated password guesses, per account name and per client address, without ever locking anyone out.
 * Keys are the names people type, whether or not an account has that name: the answers tell nothing about which
 * accounts exist.
 *
 * <p>An attempt is admitted or refused in one step and counts as a failure from the moment it is admitted, until
 * {@link #succeeded} takes it back: parallel requests cannot all pass a check made before any of them failed.
 *
 * <p>After {@value #FREE_FAILURES} failures for a name ({@value #ADDRESS_FREE_FAILURES} from an address — an office
 * or a union hall behind one NAT gets more room) each further attempt waits twice as long as the last (1 s, 2 s,
 * 4 s … never more than {@link #LONGEST_WAIT}). A name's wait runs from the last attempt <em>from the same
 * address</em>: someone guessing elsewhere makes the real person's attempts slow, never impossible — their first
 * attempt from their own address goes ahead, and after a typo they wait at most {@link #LONGEST_WAIT}. Waiting is
 * enforced by refusing early attempts (429 with Retry-After), never by holding a request thread for it. Failures are
 * forgotten {@link #MEMORY} after the last one. State is per instance and in memory: a restart forgives.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int FREE_FAILURES = 3;
    static final int ADDRESS_FREE_FAILURES = 20;
    static final Duration LONGEST_WAIT = Duration.ofMinutes(1);
    static final Duration MEMORY = Duration.ofMinutes(30);
    /** The longest an attempt waits for the checks already running for its name: a few password hashes. */
    static final Duration QUEUE = Duration.ofSeconds(5);
    /** Entries kept at most in each map: beyond, the least recent half is forgotten (see {@link #forgetOld}). */
    static final int MAX_TRACKED = 100_000;
    /** A typed name is counted by its first characters: an endless name must not be an endless key. */
    static final int NAME_KEY_LENGTH = 200;

    /** Failures per typed name, from any address. */
    private final Map<String, Failures> names = new HashMap<>();
    /** Failures per client address, for any name. */
    private final Map<String, Failures> addresses = new HashMap<>();
    /** When a name was last tried from an address: where that name's wait is counted from. */
    private final Map<String, Instant> lastTries = new HashMap<>();
    /** Password checks admitted and not yet finished, per name. */
    private final Map<String, Integer> running = new HashMap<>();
    private Clock clock;

    protected LoginThrottle() {
        // CDI
    }

    @Inject
    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /**
     * Admits one password check for this name from this address, counting it as a failure until {@link #succeeded}
     * says otherwise, or says how long it must wait. Every admitted attempt must end in {@link #succeeded} or
     * {@link #failed}. An attempt that would have to wait while checks for the same name are still running waits for
     * them first (at most {@link #QUEUE}): if they were right the name starts afresh and it goes ahead too, so a
     * script's parallel requests with the right password all pass.
     *
     * @return empty when the attempt may go ahead, else how long it must wait
     */
    public Optional<Duration> admit(String username, String address) {
        return admit(username, address, true);
    }

    /**
     * Admits the check of a current password before a password change, like {@link #admit}, but charges only the
     * name: the caller is logged in and can guess only their own password, while an address's count guards against
     * guessing many names. End it with {@link #succeeded} without an address, or {@link #failed}.
     */
    public Optional<Duration> admitPasswordChange(String username, String address) {
        return admit(username, address, false);
    }

    private synchronized Optional<Duration> admit(String username, String address, boolean chargeAddress) {
        String name = nameKey(username);
        String pair = name + '\n' + address;
        long deadline = System.nanoTime() + QUEUE.toNanos();
        while (true) {
            Instant now = clock.instant();
            forgetOld(now);
            Failures byName = current(names, name, now);
            Failures byAddress = chargeAddress ? current(addresses, address, now) : new Failures();
            Instant nameFree = lastTries.getOrDefault(pair, Instant.MIN).plus(delay(byName.count, FREE_FAILURES));
            Instant addressFree = byAddress.last.plus(delay(byAddress.count, ADDRESS_FREE_FAILURES));
            Instant free = nameFree.isAfter(addressFree) ? nameFree : addressFree;
            if (!now.isBefore(free)) {
                byName.add(now);
                byAddress.add(now);
                lastTries.put(pair, now);
                running.merge(name, 1, Integer::sum);
                return Optional.empty();
            }
            long left = deadline - System.nanoTime();
            if (!running.containsKey(name) || left <= 0) {
                return Optional.of(Duration.between(now, free));
            }
            try {
                wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of(Duration.between(now, free));
            }
        }
    }

    /**
     * The admitted attempt was right: the name starts afresh, and the address (null when it was not charged) is not
     * charged for it.
     */
    public synchronized void succeeded(String username, String address) {
        String name = nameKey(username);
        names.remove(name);
        lastTries.remove(name + '\n' + address);
        Failures byAddress = address == null ? null : addresses.get(address);
        if (byAddress != null && byAddress.count > 0) {
            byAddress.count--;
        }
        finished(name);
    }

    /** The admitted attempt was wrong (or could not be checked): it stays counted. */
    public synchronized void failed(String username) {
        finished(nameKey(username));
    }

    private void finished(String name) {
        running.computeIfPresent(name, (k, n) -> n > 1 ? n - 1 : null);
        notifyAll();
    }

    /** How long after the last failure the next attempt waits, once {@code count} failures are on record. */
    static Duration delay(int count, int free) {
        if (count <= free) {
            return Duration.ZERO;
        }
        Duration doubling = Duration.ofSeconds(1L << Math.min(count - free - 1, 10));
        return doubling.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : doubling;
    }

    private static Failures current(Map<String, Failures> failures, String key, Instant now) {
        Failures f = failures.get(key);
        if (f == null || f.forgotten(now)) {
            f = new Failures();
            failures.put(key, f);
        }
        return f;
    }

    /**
     * Forgets what is old once a map passes its bound, and when every entry is still recent — someone speaks from more
     * addresses or names than we keep (an IPv6 prefix) — its least recent half, rather than fill the memory. A map is
     * swept only past its bound and left at most half full by the halving, so the sweeps cost each attempt a constant
     * share, never a pass over every entry. Forgetting costs at most a free attempt.
     */
    private void forgetOld(Instant now) {
        bound(names, f -> f.last, f -> f.forgotten(now));
        bound(addresses, f -> f.last, f -> f.forgotten(now));
        bound(lastTries, at -> at, at -> now.isAfter(at.plus(MEMORY)));
    }

    private static <V> void bound(Map<String, V> map, java.util.function.Function<V, Instant> lastSeen,
                                  java.util.function.Predicate<V> forgotten) {
        if (map.size() <= MAX_TRACKED) {
            return;
        }
        map.values().removeIf(forgotten);
        if (map.size() > MAX_TRACKED / 2) {
            map.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.comparing(lastSeen)))
                    .limit(map.size() - MAX_TRACKED / 2).map(Map.Entry::getKey).toList().forEach(map::remove);
        }
    }

    int tracked() {
        return names.size() + addresses.size() + lastTries.size();
    }

    private static String nameKey(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return name.length() > NAME_KEY_LENGTH ? name.substring(0, NAME_KEY_LENGTH) : name;
    }

    private static final class Failures {
        int count;
        Instant last = Instant.MIN;

        void add(Instant now) {
            count++;
            last = now;
        }

        boolean forgotten(Instant now) {
            return count > 0 && now.isAfter(last.plus(MEMORY));
        }
    }
}
