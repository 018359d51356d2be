package dev.spamward.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spamward.core.config.Config;
import dev.spamward.core.config.ConfigLoader;
import dev.spamward.core.config.ConfigSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spamward serve} offers the Bayes classifier on its HTTP endpoint. */
class BayesServiceTest {
    @TempDir
    Path tmp;

    @Test
    void serveExposesBayesCheckAndTokenProtectedLearning() throws Exception {
        Config config = new ConfigLoader(ConfigSchema.discover()).load(null, Map.of(),
                List.of("http.listen=127.0.0.1:0", "bayes.db=" + tmp.resolve("db"), "bayes.api_token=tok"));
        HttpClient client = HttpClient.newHttpClient();
        try (Services s = Services.start(config)) {
            assertThat(s.describe()).contains("/bayes/check");
            String base = "http://127.0.0.1:" + s.http().address().getPort();
            String msg = "From: a@example.org\nSubject: cheap pills\n\nbuy cheap pills now\n";
            HttpResponse<String> learn = client.send(HttpRequest.newBuilder(URI.create(base + "/bayes/learn?class=spam"))
                    .header("Authorization", "Bearer tok").POST(HttpRequest.BodyPublishers.ofString(msg)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(learn.body()).contains("\"learned\"");
            HttpResponse<String> check = client.send(HttpRequest.newBuilder(URI.create(base + "/bayes/check"))
                    .POST(HttpRequest.BodyPublishers.ofString(msg)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(check.statusCode()).isEqualTo(200);
            assertThat(check.body()).startsWith("{\"verdict\":");
        }
    }
}
