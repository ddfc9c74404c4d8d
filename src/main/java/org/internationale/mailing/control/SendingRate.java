package org.internationale.mailing.control;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets for the global and per-domain sending rates of one instance. A message that may not go yet is not
 * waited for on the sending thread: the caller is told how long to wait and sends something else meanwhile.
 */
public class SendingRate {

    private final Bucket global;
    private final double perDomain;
    private final Map<String, Bucket> domains = new ConcurrentHashMap<>();

    public SendingRate(double perSecond, double perDomainPerSecond) {
        this.global = perSecond > 0 ? new Bucket(perSecond) : null;
        this.perDomain = perDomainPerSecond;
    }

    /** Takes a permit for a message to {@code domain}; returns zero if granted, else how long to wait. */
    public Duration acquire(String domain, long nanoTime) {
        Bucket byDomain = perDomain > 0 ? domains.computeIfAbsent(domain, d -> new Bucket(perDomain)) : null;
        synchronized (this) {
            long domainWait = byDomain == null ? 0 : byDomain.waitNanos(nanoTime);
            long globalWait = global == null ? 0 : global.waitNanos(nanoTime);
            if (domainWait > 0 || globalWait > 0) {
                return Duration.ofNanos(Math.max(domainWait, globalWait));
            }
            if (byDomain != null) {
                byDomain.take();
            }
            if (global != null) {
                global.take();
            }
            return Duration.ZERO;
        }
    }

    /** A bucket holding up to one second's worth of permits, refilled continuously. */
    private static final class Bucket {
        private final double perSecond;
        private final double capacity;
        private double tokens;
        private long last = Long.MIN_VALUE;

        Bucket(double perSecond) {
            this.perSecond = perSecond;
            this.capacity = Math.max(1, perSecond);
            this.tokens = capacity;
        }

        long waitNanos(long now) {
            if (last != Long.MIN_VALUE) {
                tokens = Math.min(capacity, tokens + (now - last) / 1e9 * perSecond);
            }
            last = now;
            return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / perSecond * 1e9);
        }

        void take() {
            tokens -= 1;
        }
    }
}
