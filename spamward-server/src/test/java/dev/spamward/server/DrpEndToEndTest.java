package dev.spamward.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spamward.core.config.Config;
import dev.spamward.core.config.ConfigLoader;
import dev.spamward.core.config.ConfigSchema;
import dev.spamward.dcc.client.FakeDccServer;
import dev.spamward.pyzor.account.PyzorAccount;
import dev.spamward.pyzor.account.PyzorFiles;
import dev.spamward.pyzor.account.PyzorKeys;
import dev.spamward.pyzor.testing.Pyzord;
import dev.spamward.razor.client.FakeRazorServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spamward serve}'s wiring ({@link Services}) against the three test backends: the DCC fake
 * server and the Razor test server of the client modules (test-jars) and a real Debian pyzord, configured
 * with gozer's environment names where they exist. Real verdicts, report/check cache invalidation,
 * raised counts, revoke with {@code dcc:null}.
 */
class DrpEndToEndTest {
    private static final String TOKEN = "e2e-token";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A different message: other words on every line (fuzzy checksums and Pyzor ignore URLs and long words). */
    static byte[] ham() {
        StringBuilder b = new StringBuilder("From: chair@example.org\r\nTo: team@example.org\r\nSubject: Minutes\r\n"
                + "Message-ID: <minutes-42@example.org>\r\n\r\n");
        String[] words = {"agenda", "budget", "coffee", "garden", "ladder", "meadow", "pepper", "rocket", "silver", "timber"};
        for (int i = 0; i < 14; i++) {
            b.append("We talked about the ").append(words[i % 10]).append(" and the ").append(words[(i * 3 + 1) % 10])
                    .append(" until ").append(i + 1).append(" o'clock, then Tom read item ").append(i * 7).append(".\r\n");
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A message with enough body for every network's checksums (DCC Body/Fuz, Razor parts, Pyzor lines). */
    static byte[] message(String subject, String topic) {
        StringBuilder b = new StringBuilder();
        b.append("From: sender@example.com\r\nTo: rcpt@example.org\r\nSubject: ").append(subject)
                .append("\r\nMessage-ID: <").append(topic.hashCode()).append("@example.com>\r\n")
                .append("Date: Sat, 21 Nov 2026 09:00:00 +0000\r\nMIME-Version: 1.0\r\n")
                .append("Content-Type: text/plain; charset=us-ascii\r\n\r\n");
        for (int i = 0; i < 14; i++) {
            b.append("Line ").append(i).append(" about ").append(topic)
                    .append(": please visit http://www.").append(topic).append(".example/offer").append(i)
                    .append(" for the details of this remarkable opportunity.\r\n");
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private record Answer(int status, String body, String cache) {
        /** The body without the per-network timing keys (the rest is gozer's JSON and our error keys). */
        String gozer() {
            return body.replaceAll(",\"ms\":\\{[^}]*\\}", "").replaceAll(",\"ms\":[0-9.]+", "");
        }
    }

    private Answer post(Services s, String path, byte[] msg) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.http().address().getPort() + path))
                .header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(msg)).build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body(), r.headers().firstValue("X-DRP-Cache").orElse(null));
    }

    /** The {@code gozer_backend_error_total} lines of {@code /metrics}. */
    private String backendErrors(Services s) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.http().address().getPort()
                + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(l -> l.startsWith("gozer_backend_error_total{")).reduce("", (a, b) -> a + b + "\n");
    }

    /** The settings plus greylisting off (this test is about the DRP routes only). */
    private static Config config(Map<String, String> env, String... settings) {
        List<String> all = new java.util.ArrayList<>(List.of(HttpEndpointTest.GREYLIST_OFF));
        all.addAll(List.of(settings));
        return new ConfigLoader(ConfigSchema.discover()).load(null, env, all);
    }

    @Test
    void realVerdictsFromAllThreeNetworks(@TempDir Path dir) throws Exception {
        PyzorKeys.SaltKey sk = PyzorKeys.generate("alicepass");
        try (FakeDccServer dcc = new FakeDccServer();
             FakeRazorServer razor = FakeRazorServer.onFreePort().rememberReports();
             Pyzord pyzord = Pyzord.start(dir, "alice : " + sk.key() + "\n",
                     "check report ping pong info : anonymous : allow\nall : alice : allow\n")) {
            Path pyzorHome = Files.createDirectories(dir.resolve("pyzor-home"));
            Files.writeString(pyzorHome.resolve("accounts"),
                    PyzorFiles.accountLine(pyzord.server(), new PyzorAccount("alice", sk.salt(), sk.key())) + "\n");
            Path razorPass = Files.writeString(dir.resolve("razor-pass"), "secretpass\n");
            // gozer's variable names for everything they cover; the Razor home is an empty folder so that
            // no identity of the user running the tests is picked up.
            Map<String, String> env = new HashMap<>(Map.of(
                    "GOZER_TOKEN", TOKEN,
                    "DCC_SERVERS", "127.0.0.1:" + dcc.port(),
                    "GAZOR_DISCOVERY", razor.address().toString(),
                    "RAZORHOME", Files.createDirectories(dir.resolve("razor-home")).toString(),
                    "RAZOR_USER", "alice",
                    "RAZOR_PASS_FILE", razorPass.toString(),
                    "PYZOR_HOME", pyzorHome.toString(),
                    "GYZOR_SERVERS", pyzord.server().toString()));
            Config config = config(env, "http.listen=127.0.0.1:0", "dcc.timeout=4s", "razor.timeout=4s", "pyzor.timeout=2s");
            byte[] spam = message("Cheap offer", "spamoffer");
            byte[] ham = ham();

            try (Services s = Services.start(config)) {
                String errorsBefore = backendErrors(s);
                Answer first = post(s, "/check", spam);
                assertThat(first.status()).isEqualTo(200);
                // All three answered (no "error" key): low DCC counts are "unknown", nothing known yet.
                assertThat(first.gozer()).isEqualTo(
                        "{\"dcc\":{\"action\":\"unknown\",\"bulk\":null},\"razor\":{\"hit\":false},\"pyzor\":{\"count\":0,\"wl\":0}}");
                assertThat(first.cache()).isNull();
                assertThat(post(s, "/check", spam).cache()).as("a healthy verdict is cached").isEqualTo("hit");
                assertThat(dcc.log).isNotEmpty();
                assertThat(razor.connections()).isNotEmpty();

                Answer report = post(s, "/report", spam);
                assertThat(report.gozer()).isEqualTo("{\"dcc\":true,\"razor\":true,\"pyzor\":true}");
                // DCC got the report with the weight "many" (spam flag + one target, as dccproc -t many).
                assertThat(dcc.log.getLast().tgts()).isEqualTo(0x01000001);

                Answer after = post(s, "/check", spam);
                assertThat(after.cache()).as("the report invalidated the cached verdict").isNull();
                assertThat(after.gozer()).isEqualTo(
                        "{\"dcc\":{\"action\":\"reject\",\"bulk\":16777200},\"razor\":{\"hit\":true},\"pyzor\":{\"count\":1,\"wl\":0}}");

                assertThat(post(s, "/report", spam).gozer()).isEqualTo("{\"dcc\":true,\"razor\":true,\"pyzor\":true}");
                assertThat(post(s, "/check", spam).gozer()).contains("\"pyzor\":{\"count\":2,\"wl\":0}");

                // The other message is untouched on every network.
                assertThat(post(s, "/check", ham).gozer()).isEqualTo(
                        "{\"dcc\":{\"action\":\"unknown\",\"bulk\":null},\"razor\":{\"hit\":false},\"pyzor\":{\"count\":0,\"wl\":0}}");

                Answer revoke = post(s, "/revoke", spam);
                assertThat(revoke.gozer()).isEqualTo("{\"dcc\":null,\"razor\":true,\"pyzor\":true}");
                Answer revoked = post(s, "/check", spam);
                assertThat(revoked.cache()).isNull();
                // Razor forgot it; Pyzor keeps the reports and counts the whitelisting; DCC has no un-report.
                assertThat(revoked.gozer()).isEqualTo(
                        "{\"dcc\":{\"action\":\"reject\",\"bulk\":16777200},\"razor\":{\"hit\":false},\"pyzor\":{\"count\":2,\"wl\":1}}");
                assertThat(pyzord.usageLog()).contains("alice,127.0.0.1,whitelist,");

                // The metrics registry is shared by the tests of this JVM: compare before and after.
                assertThat(backendErrors(s)).as("no backend error in the whole run").isEqualTo(errorsBefore);
            }
        }
    }

    @Test
    void withoutRazorIdentityAndPyzorAccountFeedbackIsFalse(@TempDir Path dir) throws Exception {
        try (FakeDccServer dcc = new FakeDccServer();
             FakeRazorServer razor = FakeRazorServer.onFreePort();
             Pyzord pyzord = Pyzord.start(dir, null, null)) {
            Config config = config(Map.of(), "http.listen=127.0.0.1:0", "drp.token=" + TOKEN,
                    "dcc.servers=127.0.0.1:" + dcc.port(), "razor.servers=" + razor.address(),
                    "razor.home=" + Files.createDirectories(dir.resolve("razor-home")),
                    "pyzor.homedir=" + Files.createDirectories(dir.resolve("pyzor-home")),
                    "pyzor.servers=" + pyzord.server(), "pyzor.timeout=2s");
            byte[] msg = message("Hello", "plainhello");
            try (Services s = Services.start(config)) {
                razor.clearConnections();
                Answer report = post(s, "/report", msg);
                // No Razor identity: false without a network call, and not an error.
                assertThat(report.gozer()).isEqualTo("{\"dcc\":true,\"razor\":false,\"pyzor\":true}");
                assertThat(razor.connections()).as("no connection to the Razor server").isEmpty();
                Answer revoke = post(s, "/revoke", msg);
                // Anonymous Pyzor users may not whitelist (pyzord's default access: 403).
                assertThat(revoke.gozer()).startsWith("{\"dcc\":null,\"razor\":false,\"pyzor\":false,\"errors\":{\"pyzor\":");
                assertThat(razor.connections()).isEmpty();
            }
        }
    }

    @Test
    void unreachableBackendsGiveSafeDefaults(@TempDir Path dir) throws Exception {
        // Ports that were free a moment ago: nothing answers, every network fails open.
        int udp = Pyzord.freeUdpPort();
        int tcp;
        try (var ss = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            tcp = ss.getLocalPort();
        }
        Config config = config(Map.of("GOZER_TOKEN", TOKEN), "http.listen=127.0.0.1:0",
                "dcc.servers=127.0.0.1:" + udp, "dcc.timeout=500ms", "razor.servers=127.0.0.1:" + tcp,
                "razor.timeout=500ms", "razor.home=" + dir, "pyzor.homedir=" + dir, "pyzor.servers=127.0.0.1:" + udp,
                "pyzor.timeout=300ms", "pyzor.retries=0");
        try (Services s = Services.start(config)) {
            Answer a = post(s, "/check", message("x", "unreachable"));
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.body()).startsWith("{\"dcc\":{\"action\":\"unknown\",\"bulk\":null,")
                    .contains("\"razor\":{\"hit\":false,").contains("\"pyzor\":{\"count\":0,\"wl\":0,")
                    .contains("\"error\":");
            assertThat(post(s, "/check", message("x", "unreachable")).cache()).as("degraded: not cached").isNull();
        }
    }
}
