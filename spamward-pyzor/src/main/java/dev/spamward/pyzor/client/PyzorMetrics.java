package dev.spamward.pyzor.client;

import dev.spamward.core.metrics.Metrics;
import dev.spamward.pyzor.protocol.PyzorOp;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import java.util.Locale;

/** Prometheus metrics of the Pyzor client, registered once in the shared registry. */
final class PyzorMetrics {
    private static final Counter REQUESTS = Counter.builder()
            .name("spamward_pyzor_requests_total")
            .help("Pyzor requests per operation and outcome (ok, code_NNN, timeout, network, protocol).")
            .labelNames("op", "outcome")
            .register(Metrics.registry());
    private static final Histogram LATENCY = Histogram.builder()
            .name("spamward_pyzor_request_seconds")
            .help("Pyzor request latency per operation, retries included.")
            .labelNames("op")
            .register(Metrics.registry());

    private PyzorMetrics() {
    }

    static void record(PyzorOp op, ServerOutcome outcome, long nanos) {
        String label = switch (outcome) {
            case ServerOutcome.Answered a -> a.ok() ? "ok" : "code_" + a.response().code();
            case ServerOutcome.Failed f -> f.kind().name().toLowerCase(Locale.ROOT);
        };
        REQUESTS.labelValues(op.wireName(), label).inc();
        LATENCY.labelValues(op.wireName()).observe(nanos / 1e9);
    }
}
