package dev.spamward.drp;

import dev.spamward.core.metrics.Metrics;
import dev.spamward.drp.dispatch.Network;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The service's counters, under gozer's metric names so that existing dashboards and alerts keep
 * working. {@link #shared()} is registered once in {@link Metrics#registry()}; tests may build their own
 * on a private registry.
 */
public final class DrpMetrics {
    private static volatile DrpMetrics shared;

    /** Latency buckets of gozer's {@code gozer_latency_seconds}. */
    static final double[] LATENCY_BUCKETS = {.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10};

    final Counter checkTotal;
    final Counter reportTotal;
    final Counter revokeTotal;
    final Counter errorTotal;
    final Counter busyTotal;
    final Counter cacheHit;
    final Counter cacheMiss;
    final Counter cacheCoalesced;
    final Counter redisError;
    final Counter redisCircuitOpen;
    final Counter backendError;
    final Histogram latency;

    /** Registers the service's metrics in {@code registry}. */
    public DrpMetrics(PrometheusRegistry registry) {
        checkTotal = counter(registry, "gozer_check_total", "Authenticated POST /check requests.");
        reportTotal = counter(registry, "gozer_report_total", "Authenticated POST /report requests.");
        revokeTotal = counter(registry, "gozer_revoke_total", "Authenticated POST /revoke requests.");
        errorTotal = counter(registry, "gozer_error_total", "Bad length, read errors and recovered failures.");
        busyTotal = counter(registry, "gozer_busy_total", "Requests refused with 503 busy at the concurrency limit.");
        cacheHit = counter(registry, "gozer_cache_hit_total", "/check verdicts served from the cache.");
        cacheMiss = counter(registry, "gozer_cache_miss_total", "/check verdicts computed by the backends.");
        cacheCoalesced = counter(registry, "gozer_cache_coalesced_total", "/check requests that shared a concurrent identical request's result.");
        redisError = counter(registry, "gozer_redis_error_total", "Failed Redis operations.");
        redisCircuitOpen = counter(registry, "gozer_redis_circuit_open_total", "Times the Redis circuit breaker opened.");
        backendError = Counter.builder().name("gozer_backend_error_total")
                .help("Backend failures (error or timeout) per network.").labelNames("backend").register(registry);
        for (Network n : Network.values()) {
            backendError.labelValues(n.label()); // export all three label values from the start
        }
        latency = Histogram.builder().name("gozer_latency_seconds")
                .help("Time from body read to response for /check, /report and /revoke.")
                .classicOnly().classicUpperBounds(LATENCY_BUCKETS).register(registry);
    }

    private static Counter counter(PrometheusRegistry registry, String name, String help) {
        return Counter.builder().name(name).help(help).register(registry);
    }

    /** The process-wide instance in {@link Metrics#registry()}, registered on first use. */
    public static DrpMetrics shared() {
        DrpMetrics m = shared;
        if (m == null) {
            synchronized (DrpMetrics.class) {
                m = shared;
                if (m == null) {
                    m = new DrpMetrics(Metrics.registry());
                    shared = m;
                }
            }
        }
        return m;
    }

    /** Counts an authenticated request to {@code path}. */
    public void request(String path) {
        switch (path) {
            case "/check" -> checkTotal.inc();
            case "/report" -> reportTotal.inc();
            case "/revoke" -> revokeTotal.inc();
            default -> { }
        }
    }

    /** Counts a bad length, a read error or a recovered internal failure. */
    public void error() {
        errorTotal.inc();
    }

    /** Counts a 503 busy. */
    public void busy() {
        busyTotal.inc();
    }

    /** Counts an answer served from the cache. */
    public void cacheHit() {
        cacheHit.inc();
    }

    /** Counts a verdict computed by the networks. */
    public void cacheMiss() {
        cacheMiss.inc();
    }

    /** Counts an answer shared with an identical request in flight. */
    public void cacheCoalesced() {
        cacheCoalesced.inc();
    }

    /** Counts a failed Redis operation. */
    public void redisError() {
        redisError.inc();
    }

    /** Counts an opening of the Redis circuit breaker. */
    public void redisCircuitOpen() {
        redisCircuitOpen.inc();
    }

    /** Counts a failure (error or timeout) of {@code network}. */
    public void backendError(Network network) {
        backendError.labelValues(network.label()).inc();
    }

    /** Records the time from body read to response. */
    public void latency(long nanos) {
        latency.observe(nanos / 1e9);
    }

    /** Current value of a counter by its short name, for tests and {@code spamward stats}-like checks. */
    public double value(String name) {
        return switch (name) {
            case "check" -> checkTotal.get();
            case "report" -> reportTotal.get();
            case "revoke" -> revokeTotal.get();
            case "error" -> errorTotal.get();
            case "busy" -> busyTotal.get();
            case "cache_hit" -> cacheHit.get();
            case "cache_miss" -> cacheMiss.get();
            case "cache_coalesced" -> cacheCoalesced.get();
            case "redis_error" -> redisError.get();
            case "redis_circuit_open" -> redisCircuitOpen.get();
            default -> throw new IllegalArgumentException("no counter " + name);
        };
    }

    /** Observations of {@code gozer_latency_seconds} so far. */
    public long latencyCount() {
        var points = latency.collect().getDataPoints();
        return points.isEmpty() ? 0 : points.get(0).getCount();
    }

    /** Current backend error count of one network. */
    public double backendErrors(Network network) {
        return backendError.labelValues(network.label()).get();
    }
}
