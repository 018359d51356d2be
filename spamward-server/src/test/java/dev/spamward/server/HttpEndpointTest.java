package dev.spamward.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spamward.core.config.Config;
import dev.spamward.core.config.ConfigLoader;
import dev.spamward.core.config.ConfigSchema;
import dev.spamward.core.config.CoreSettings;
import dev.spamward.core.metrics.Metrics;
import dev.spamward.drp.DrpSettings;
import io.prometheus.metrics.core.metrics.Counter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpEndpointTest {
    static final String[] GREYLIST_OFF = {"greylist.policy.enabled=false", "greylist.milter.enabled=false", "greylist.sjsms.enabled=false"};

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> get(Services s, String method, String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + s.http().address().getPort() + path);
        HttpRequest req = HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).build();
        return client.send(req, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesHealthMetricsAnd404() throws Exception {
        Config config = new ConfigLoader(ConfigSchema.discover())
                .load(null, Map.of(), List.of(GREYLIST_OFF[0], GREYLIST_OFF[1], GREYLIST_OFF[2], "http.listen=127.0.0.1:0", "drp.enabled=false"));
        Counter c = Counter.builder().name("spamward_test_events_total").help("test counter").register(Metrics.registry());
        c.inc(3);
        try (Services s = Services.start(config)) {
            assertThat(get(s, "GET", "/health").statusCode()).isEqualTo(200);
            assertThat(get(s, "GET", "/health").body()).isEqualTo("ok\n");
            HttpResponse<String> metrics = get(s, "GET", "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
            assertThat(metrics.body()).contains("spamward_test_events_total 3.0");
            assertThat(get(s, "GET", "/nope").statusCode()).isEqualTo(404);
            assertThat(get(s, "POST", "/health").statusCode()).isEqualTo(404);
            s.http().setHealthy(false);
            assertThat(get(s, "GET", "/health").statusCode()).isEqualTo(503);
        } finally {
            Metrics.registry().unregister(c);
        }
    }

    @Test
    void disabledHttpStartsNothing() throws Exception {
        Config config = new ConfigLoader(ConfigSchema.discover()).load(null, Map.of(), List.of(GREYLIST_OFF[0], GREYLIST_OFF[1], GREYLIST_OFF[2], "http.enabled=false"));
        try (Services s = Services.start(config)) {
            assertThat(s.http()).isNull();
            assertThat(s.describe()).isEqualTo("nothing");
        }
    }
}
