package dev.spamward.razor.client;

import dev.spamward.core.metrics.Metrics;
import io.prometheus.metrics.core.metrics.Counter;

/** Prometheus counters of the Razor client, registered once in the shared registry. */
final class RazorMetrics {
    /** Operations by kind (check, report, revoke, register) and outcome (spam, ham, ok, refused, failed). */
    static final Counter OPERATIONS = Counter.builder().name("spamward_razor_operations_total")
            .help("Razor operations by operation and outcome").labelNames("operation", "outcome")
            .register(Metrics.registry());
    /** Servers skipped because they were unreachable, slow or broke the protocol. */
    static final Counter SERVER_FAILURES = Counter.builder().name("spamward_razor_server_failures_total")
            .help("Razor servers skipped (unreachable, timeout, protocol error)").register(Metrics.registry());

    private RazorMetrics() {
    }
}
