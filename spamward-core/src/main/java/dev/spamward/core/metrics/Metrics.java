package dev.spamward.core.metrics;

import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The one Prometheus registry shared by every module. Modules register their counters and gauges here;
 * the server exposes it at {@code GET /metrics}.
 */
public final class Metrics {

    private Metrics() {
    }

    /** The process-wide registry. */
    public static PrometheusRegistry registry() {
        return PrometheusRegistry.defaultRegistry;
    }
}
