package dev.spamward.drp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spamward.drp.backend.BackendException;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** gozer's metric names in the Prometheus text format 0.0.4. */
class DrpMetricsTest {

    private static String scrape(DrpTestServer s) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, s.registry.scrape());
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void exportsGozerNamesWithAllBackendLabels() throws Exception {
        try (DrpTestServer s = DrpTestServer.start(new TestNetworks())) {
            String text = scrape(s);
            for (String name : new String[] {"gozer_check_total", "gozer_report_total", "gozer_revoke_total",
                    "gozer_error_total", "gozer_busy_total", "gozer_cache_hit_total", "gozer_cache_miss_total",
                    "gozer_cache_coalesced_total", "gozer_redis_error_total", "gozer_redis_circuit_open_total"}) {
                assertThat(text).contains("# TYPE " + name + " counter").contains(name + " 0.0");
            }
            for (String backend : new String[] {"dcc", "razor", "pyzor"}) {
                assertThat(text).contains("gozer_backend_error_total{backend=\"" + backend + "\"} 0.0");
            }
            assertThat(text).contains("# TYPE gozer_latency_seconds histogram");
            for (String le : new String[] {"0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "10.0", "+Inf"}) {
                assertThat(text).contains("gozer_latency_seconds_bucket{le=\"" + le + "\"} 0");
            }
            assertThat(text).contains("gozer_latency_seconds_count 0").contains("gozer_latency_seconds_sum 0.0");
        }
    }

    @Test
    void countersMoveWithTraffic() throws Exception {
        TestNetworks n = new TestNetworks();
        n.dccCheck = (m, b) -> {
            throw new BackendException("down");
        };
        try (DrpTestServer s = DrpTestServer.start(n)) {
            s.send("/check", DrpHttpTest.MSG);
            s.send("/report", DrpHttpTest.MSG);
            // The latency is recorded once the answer is written, just after the client has it.
            DrpHttpTest.waitUntil(() -> s.metrics.latencyCount() == 2);
            String text = scrape(s);
            assertThat(text).contains("gozer_check_total 1.0").contains("gozer_report_total 1.0")
                    .contains("gozer_cache_miss_total 1.0").contains("gozer_backend_error_total{backend=\"dcc\"} 1.0")
                    .contains("gozer_latency_seconds_count 2");
        }
    }

    @Test
    void sharedInstanceRegistersOnce() {
        assertThat(DrpMetrics.shared()).isSameAs(DrpMetrics.shared());
    }
}
