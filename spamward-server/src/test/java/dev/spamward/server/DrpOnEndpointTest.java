package dev.spamward.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spamward.core.config.Config;
import dev.spamward.core.config.ConfigLoader;
import dev.spamward.core.config.ConfigSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The DRP routes on the real endpoint of 'spamward serve', beside /health and /metrics. */
class DrpOnEndpointTest {
    static final String[] GREYLIST_OFF = HttpEndpointTest.GREYLIST_OFF;

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> send(Services s, HttpRequest.Builder b, String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + s.http().address().getPort() + path);
        return client.send(b.uri(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void drpRoutesWithGozerEnvironmentNames() throws Exception {
        // The networks point at a loopback port nobody serves (never the public servers): safe defaults.
        Config config = new ConfigLoader(ConfigSchema.discover()).load(null,
                Map.of("GOZER_TOKEN", "tok", "GOZER_HOST", "127.0.0.1", "DCC_SERVERS", "127.0.0.1:9",
                        "GYZOR_SERVERS", "127.0.0.1:9", "GAZOR_DISCOVERY", "127.0.0.1:9"),
                List.of(GREYLIST_OFF[0], GREYLIST_OFF[1], GREYLIST_OFF[2], "http.listen=192.0.2.1:0", "dcc.timeout=300ms", "razor.timeout=300ms", "pyzor.timeout=300ms",
                        "pyzor.retries=0", "razor.home=/nonexistent-razor-home", "pyzor.homedir=/nonexistent-pyzor-home"));
        try (Services s = Services.start(config)) {
            assertThat(s.http().address().getAddress().isLoopbackAddress()).isTrue(); // GOZER_HOST replaced the host
            assertThat(s.describe()).contains("drp (/check, /report, /revoke");
            byte[] msg = "Subject: x\r\n\r\nbody\r\n".getBytes();
            HttpResponse<String> check = send(s, HttpRequest.newBuilder().header("Authorization", "Bearer tok")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(msg)), "/check");
            assertThat(check.statusCode()).isEqualTo(200);
            assertThat(check.body()).startsWith("{\"dcc\":{\"action\":\"unknown\",\"bulk\":null,");
            assertThat(send(s, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofByteArray(msg)), "/report")
                    .statusCode()).isEqualTo(401);
            assertThat(send(s, HttpRequest.newBuilder().GET(), "/check").statusCode()).isEqualTo(404);
            assertThat(send(s, HttpRequest.newBuilder().GET(), "/health").body()).isEqualTo("ok\n");
            String metrics = send(s, HttpRequest.newBuilder().GET(), "/metrics").body();
            assertThat(metrics).contains("gozer_check_total 1.0").contains("gozer_backend_error_total{backend=\"pyzor\"}");
        }
    }

    @Test
    void drpDisabledLeavesOnlyHealthAndMetrics() throws Exception {
        Config config = new ConfigLoader(ConfigSchema.discover()).load(null, Map.of(),
                List.of(GREYLIST_OFF[0], GREYLIST_OFF[1], GREYLIST_OFF[2], "http.listen=127.0.0.1:0", "drp.enabled=false", "drp.token=t"));
        try (Services s = Services.start(config)) {
            assertThat(send(s, HttpRequest.newBuilder().header("X-DRP-Token", "t")
                    .POST(HttpRequest.BodyPublishers.ofString("x")), "/check").statusCode()).isEqualTo(404);
            assertThat(send(s, HttpRequest.newBuilder().GET(), "/health").statusCode()).isEqualTo(200);
        }
    }
}
