package dev.spamward.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spamward.core.config.Config;
import dev.spamward.core.config.ConfigLoader;
import dev.spamward.core.config.ConfigSchema;
import dev.spamward.greylist.client.PolicyClient;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code spamward serve} wiring: the greylisting front doors start with the HTTP endpoint and report there. */
class ServicesGreylistTest {

    @Test
    void greylistDoorsStartAndStatusAndMetricsAreServed() throws Exception {
        Config c = new ConfigLoader(ConfigSchema.discover()).load(null, Map.of(), List.of("http.listen=127.0.0.1:0", "greylist.statefile=" + java.nio.file.Files.createTempDirectory("sw-state").resolve("g.state"),
                "greylist.policy.listen=127.0.0.1:0", "greylist.milter.listen=127.0.0.1:0", "greylist.sjsms.listen=127.0.0.1:0",
                "greylist.filter_bits=16"));
        try (Services s = Services.start(c); HttpClient http = HttpClient.newHttpClient()) {
            assertThat(s.describe()).contains("greylist policy tcp").contains("greylist milter tcp").contains("greylist sjsms udp");
            String policy = s.describe().replaceAll(".*greylist policy tcp /127\\.0\\.0\\.1:(\\d+).*", "$1");
            try (PolicyClient pc = new PolicyClient(new InetSocketAddress("127.0.0.1", Integer.parseInt(policy)), 5000)) {
                assertThat(pc.ask(Map.of("client_address", "192.0.2.1", "sender", "a@example.net", "recipient", "b@example.org")))
                        .containsExactly("action=DEFER_IF_PERMIT Please try again later");
            }
            String base = "http://127.0.0.1:" + s.http().address().getPort();
            HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create(base + "/greylist/status")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(status.statusCode()).isEqualTo(200);
            assertThat(status.body()).contains("\"grey\":1").contains("\"fill_ratio\"").contains("\"in_flight\":0");
            String nagios = http.send(HttpRequest.newBuilder(URI.create(base + "/greylist/nagios")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(nagios).startsWith("0: Spamward greylist OK.").contains("Greylist: 1");
            String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("spamward_greylist_answers_total{result=\"grey\"} 1.0")
                    .contains("spamward_greylist_filter_fill_ratio").contains("spamward_greylist_in_flight")
                    .contains("spamward_greylist_connections{door=\"policy\"}");
        }
    }
}
