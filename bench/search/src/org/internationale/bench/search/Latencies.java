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
 * next query as soon as its previous one is answered, after a warm-up pass over the list; every query's latency is kept.
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
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        try {
            run(queries, concurrency, warmupPasses * queries.size(), probe, clients, new long[warmupPasses * queries.size()]);
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
