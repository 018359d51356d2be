package dev.spamward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spamward.dcc.client.FakeDccServer;
import dev.spamward.pyzor.testing.Pyzord;
import dev.spamward.razor.client.FakeRazorServer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code spamward serve} process, configured only through gozer's environment variables,
 * answering {@code /check} with real results from the DCC and Razor test servers and a real pyzord:
 * nothing known, then (after {@code /report}) bulk, Razor hit and Pyzor count 1.
 */
class ServeDrpProcessTest {
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private HttpResponse<String> post(int port, String path, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-DRP-Token", "proc-token").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void serveGivesRealVerdictsFromTheThreeTestBackends() throws Exception {
        StringBuilder text = new StringBuilder("From: offers@example.net\r\nTo: you@example.org\r\nSubject: Act now\r\n\r\n");
        for (int i = 1; i <= 12; i++) {
            text.append("Offer ").append(i).append(": genuine replica watches, shipped tomorrow, pay later, reply today.\r\n");
        }
        byte[] msg = text.toString().getBytes(StandardCharsets.US_ASCII);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (FakeDccServer dcc = new FakeDccServer();
             FakeRazorServer razor = FakeRazorServer.onFreePort().rememberReports();
             Pyzord pyzord = Pyzord.start(dir, null, null)) {
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder pb = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "serve"));
            Map<String, String> env = pb.environment();
            for (String door : List.of("POLICY", "MILTER", "SJSMS")) env.put("SPAMWARD_GREYLIST_" + door + "_ENABLED", "false");
            env.put("GOZER_HOST", "127.0.0.1");
            env.put("GOZER_PORT", Integer.toString(port));
            env.put("GOZER_TOKEN", "proc-token");
            env.put("DCC_SERVERS", "127.0.0.1:" + dcc.port());
            env.put("GAZOR_DISCOVERY", razor.address().toString());
            env.put("RAZORHOME", Files.createDirectories(dir.resolve("razor")).toString());
            env.put("RAZOR_USER", "alice");
            env.put("RAZOR_PASS", "secretpass");
            env.put("PYZOR_HOME", Files.createDirectories(dir.resolve("pyzor")).toString());
            env.put("GYZOR_SERVERS", pyzord.server().toString());
            Process p = pb.redirectErrorStream(true).redirectOutput(dir.resolve("serve.log").toFile()).start();
            try {
                HttpResponse<String> first = null;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (first == null && System.nanoTime() < deadline) {
                    try {
                        first = post(port, "/check", msg);
                    } catch (java.io.IOException e) {
                        Thread.sleep(100);
                    }
                }
                assertThat(first).as("serve answered; log: %s", Files.readString(dir.resolve("serve.log"))).isNotNull();
                String none = first.body().replaceAll(",\"ms\":[0-9.]+", "");
                assertThat(none).isEqualTo(
                        "{\"dcc\":{\"action\":\"unknown\",\"bulk\":null},\"razor\":{\"hit\":false},\"pyzor\":{\"count\":0,\"wl\":0}}");
                assertThat(post(port, "/report", msg).body()).startsWith("{\"dcc\":true,\"razor\":true,\"pyzor\":true,");
                String spam = post(port, "/check", msg).body().replaceAll(",\"ms\":[0-9.]+", "");
                assertThat(spam).isEqualTo(
                        "{\"dcc\":{\"action\":\"reject\",\"bulk\":16777200},\"razor\":{\"hit\":true},\"pyzor\":{\"count\":1,\"wl\":0}}");
                assertThat(post(port, "/revoke", msg).body()).startsWith("{\"dcc\":null,\"razor\":true,");
            } finally {
                p.destroy();
                assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            }
        }
    }
}
