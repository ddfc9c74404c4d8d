package org.internationale.bench.search;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load of a fixed number of queries from a fixed list with {@code concurrency} clients, each sending the
 * next query as soon as its previous one is answered, after warm-up passes over the list until the system is steady
 * ({@link #warmUp}); every query's latency is kept.
 */
record Latencies(String system, int concurrency, int requests, double seconds, double p50, double p99, double mean, long errors,
                 long hits, double load) {

    /** One query against one system; returns how many results it found, or throws. */
    @FunctionalInterface
    interface Probe {
        long run(BenchQuery query) throws Exception;
    }

    static Latencies measure(String system, List<BenchQuery> queries, int concurrency, int warmupPasses, int requests, Probe probe)
            throws Exception {
        return measure(system, queries, concurrency, warmupPasses, WARMUP_NANOS, requests, probe);
    }

    /** @param warmupNanos the warm-up's minimum duration, {@code WARMUP_SECONDS} unless a system is warm already */
    static Latencies measure(String system, List<BenchQuery> queries, int concurrency, int warmupPasses, long warmupNanos, int requests,
                             Probe probe) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        try {
            warmUp(system, queries, concurrency, warmupPasses, warmupNanos, probe, clients);
            long[] nanos = new long[requests];
            long start = System.nanoTime();
            long[] outcome = run(queries, concurrency, requests, probe, clients, nanos);
            double seconds = (System.nanoTime() - start) / 1e9;
            double load = loadAverage();
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Latencies(system, concurrency, requests, seconds, millis(sorted, 0.50), millis(sorted, 0.99),
                    Arrays.stream(sorted).average().orElse(0) / 1e6, outcome[0], outcome[1], load);
        } finally {
            clients.shutdownNow();
        }
    }

    private static long[] run(List<BenchQuery> queries, int concurrency, int requests, Probe probe, ExecutorService clients, long[] nanos)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        AtomicLong hits = new AtomicLong();
        Future<?>[] running = new Future<?>[concurrency];
        for (int c = 0; c < concurrency; c++) {
            running[c] = clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    BenchQuery query = queries.get(i % queries.size());
                    long start = System.nanoTime();
                    try {
                        hits.addAndGet(probe.run(query));
                    } catch (Exception e) {
                        if (errors.incrementAndGet() <= 3) {
                            System.err.println("error on " + query + ": " + e);
                        }
                    }
                    nanos[i] = System.nanoTime() - start;
                }
            });
        }
        for (Future<?> client : running) {
            client.get();
        }
        return new long[]{errors.get(), hits.get()};
    }

    /** Warm-up time per measurement, at least: {@code WARMUP_SECONDS} (60). */
    private static final long WARMUP_NANOS = Long.parseLong(System.getenv().getOrDefault("WARMUP_SECONDS", "60")) * 1_000_000_000L;

    /** The warm-up's limit however it goes: {@code WARMUP_MAX_SECONDS} (300). */
    private static final long WARMUP_MAX_NANOS = Long.parseLong(System.getenv().getOrDefault("WARMUP_MAX_SECONDS", "300")) * 1_000_000_000L;
    /** Passes per window of the steadiness rule. */
    private static final int WINDOW = 10;

    /**
     * Passes over the queries for at least {@code minimum} passes and at least {@code minimumNanos}, and then on while
     * the system is still getting faster: while the median of the last ten passes' medians is more than 3 % below
     * that of the ten before ({@link #stillFalling}; at most {@code WARMUP_MAX_SECONDS}). A server's JIT keeps
     * compiling long after its first thousand queries: with six passes alone the first run after a start said p99
     * 21–23 ms at four clients where the same server said 15–16 ms a minute later; after 60 s the API's passes were
     * still falling on a slower host (p50 2.36 ms measured, 1.65–1.84 ms once it had served a few minutes, session
     * 7). A rule on single passes ("until a pass's median stops falling") stopped early on the passes' own noise;
     * windows of ten do not. The same for every system measured, printed so that the report says what each took.
     */
    private static void warmUp(String system, List<BenchQuery> queries, int concurrency, int minimum, long minimumNanos, Probe probe,
                               ExecutorService clients) throws Exception {
        List<String> medians = new java.util.ArrayList<>();
        long start = System.nanoTime();
        List<Double> values = new java.util.ArrayList<>();
        while (medians.size() < minimum || System.nanoTime() - start < minimumNanos
                || (stillFalling(values) && System.nanoTime() - start < WARMUP_MAX_NANOS)) {
            long[] nanos = new long[queries.size()];
            run(queries, concurrency, queries.size(), probe, clients, nanos);
            Arrays.sort(nanos);
            values.add(millis(nanos, 0.50));
            medians.add(String.format(Locale.ROOT, "%.2f", millis(nanos, 0.50)));
        }
        int passes = medians.size();
        String shown = passes <= 16 ? String.join(" ", medians)
                : String.join(" ", medians.subList(0, 8)) + " … " + String.join(" ", medians.subList(passes - 8, passes));
        System.err.printf(Locale.ROOT, "%s concurrency %d: %d warm-up passes in %.0f s, their medians (ms): %s%n", system, concurrency,
                passes, (System.nanoTime() - start) / 1e9, shown);
    }

    /**
     * Whether the last {@link #WINDOW} pass medians are still more than 3 % faster than the window before them; false
     * with fewer than two windows of passes (a system as slow as PostgreSQL here makes seven passes a minute, and is
     * steady after its first).
     */
    static boolean stillFalling(List<Double> passMedians) {
        int n = passMedians.size();
        if (n < 2 * WINDOW) {
            return false;
        }
        return median(passMedians.subList(n - WINDOW, n)) < 0.97 * median(passMedians.subList(n - 2 * WINDOW, n - WINDOW));
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return (sorted[(sorted.length - 1) / 2] + sorted[sorted.length / 2]) / 2;
    }

    private static double millis(long[] sorted, double quantile) {
        int at = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, at))] / 1e6;
    }

    /**
     * The machine's one-minute load average at the end of a measurement: the machine is shared, and what else ran
     * shows in the tail latencies (NaN where /proc/loadavg does not exist).
     */
    static double loadAverage() {
        try {
            return Double.parseDouble(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (java.io.IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    double throughput() {
        return requests / seconds;
    }

    String tsv() {
        return String.format(Locale.ROOT, "%s\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%d\t%d\t%.2f", system, concurrency, requests, seconds, p50, p99,
                mean, errors, hits, load);
    }

    static Latencies parse(String line) {
        String[] f = line.split("\t");
        return new Latencies(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                Double.parseDouble(f[5]), Double.parseDouble(f[6]), Long.parseLong(f[7]), Long.parseLong(f[8]), Double.parseDouble(f[9]));
    }
}
