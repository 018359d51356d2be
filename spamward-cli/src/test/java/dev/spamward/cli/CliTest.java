package dev.spamward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.run(args);
    }

    @Test
    void helpListsTheSubcommandsOfEveryModule() {
        CliRun r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("version", "config", "serve", "mime", "stats", "health");
    }

    @Test
    void versionPrintsVersionJavaAndCommit() {
        CliRun r = run("version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).containsPattern("spamward \\d+\\.\\d+").contains("java 25").contains("commit ");
    }

    @Test
    void configShowsOriginsAndRejectsBadValuesWithOneLine() throws Exception {
        Path f = dir.resolve("s.conf");
        Files.writeString(f, "log.level = warn\nhttp.listen = 127.0.0.1:9999\n");
        CliRun ok = run("config", "--config", f.toString(), "--set", "http.listen=127.0.0.1:7000");
        assertThat(ok.code()).isZero();
        assertThat(ok.out()).contains("log.level = warn  # " + f + ":1", "http.listen = 127.0.0.1:7000  # flag --set http.listen",
                "mime.max_parts = 1000  # default");
        CliRun bad = run("config", "--config", f.toString(), "--set", "mime.max_parts=lots");
        assertThat(bad.code()).isEqualTo(78);
        assertThat(bad.err().strip()).isEqualTo("spamward: bad value for mime.max_parts = 'lots' (flag --set mime.max_parts): "
                + "not an integer (integer 1..1000000)");
        assertThat(run("config", "--keys").out()).contains("http.listen", "SPAMWARD_HTTP_LISTEN");
    }

    @Test
    void everyModulesDefaultsConvert() {
        // Defaults are converted on first use (a short command reads few keys), so check them all here.
        var schema = dev.spamward.core.config.ConfigSchema.discover();
        var config = new dev.spamward.core.config.ConfigLoader(schema).load(null, java.util.Map.of(), List.of());
        assertThat(schema.keys()).hasSizeGreaterThan(100);
        assertThat(config.settings()).hasSameSizeAs(schema.keys())
                .allSatisfy(s -> assertThat(s.origin()).isEqualTo(dev.spamward.core.config.Origin.DEFAULT));
        for (var key : schema.keys()) {
            if (!key.defaults().isEmpty()) assertThat(config.get(key)).as(key.name()).isNotNull();
        }
    }

    @Test
    void rootOptionsReachCommandsBuiltInCode() throws Exception {
        Path msg = Files.writeString(dir.resolve("m.eml"), "From: a@example.org\nSubject: hi\n\nhello\n");
        for (List<String> args : List.of(
                List.of("--set", "bayes.spam_cutoff=lots", "check", "-db", dir.resolve("db").toString(), msg.toString()),
                List.of("check", "-o", "bayes.spam_cutoff=lots", "-db", dir.resolve("db").toString(), msg.toString()))) {
            CliRun r = run(args.toArray(String[]::new));
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(78);
            assertThat(r.err()).contains("bad value for bayes.spam_cutoff = 'lots' (flag --set bayes.spam_cutoff)");
        }
        CliRun both = run("-o", "log.level=warn", "config", "--set", "bayes.spam_cutoff=0.7");
        assertThat(both.out()).contains("log.level = warn  # flag --set log.level", "bayes.spam_cutoff = 0.7  # flag --set bayes.spam_cutoff");
        CliRun help = run("check", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Usage: spamward check", "--batch", "-db, --db=PATH", "--config=FILE");
    }

    @Test
    void perMessageTrainingRunsCheckAndPassOnADatabasePreparedBeforehand() throws Exception {
        Path scratch = dir.resolve("aot");
        assertThat(run("aot-training", "--message", "--prepare", "--scratch", scratch.toString()).code()).isZero();
        Path bayes;
        try (var s = Files.list(scratch)) {
            bayes = s.filter(m -> Files.exists(m.resolve("db/data.mdb"))).findFirst().orElseThrow();
        }
        assertThat(bayes.resolve("passed.eml")).doesNotExist(); // preparing does not run the per-message commands
        assertThat(run("aot-training", "--message", "--scratch", scratch.toString()).code()).isZero();
        assertThat(Files.readString(bayes.resolve("passed.eml"))).contains("X-Spamward-Verdict: spam");
    }

    @Test
    void mimeCommandPrintsTheTreeAndReportsMissingFiles() throws Exception {
        Path m = dir.resolve("m.eml");
        Files.writeString(m, "Subject: hi\nContent-Type: text/html\n\n<p>Visit <a href=\"http://x.example/\">x</a></p>\n");
        CliRun r = run("mime", m.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("(message) text/html", "subject: hi", "urls (1): http://x.example/");
        CliRun missing = run("mime", dir.resolve("nope.eml").toString());
        assertThat(missing.code()).isEqualTo(66);
        assertThat(missing.err()).contains("no such file");
    }

    /** {@code spamward serve} as a real process: embedded defaults, health and metrics, clean stop on SIGTERM. */
    @Test
    void serveAnswersHealthAndMetricsAndStopsOnSigterm() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--set", "http.listen=127.0.0.1:" + port, "--set", "greylist.policy.listen=127.0.0.1:0",
                "--set", "greylist.milter.listen=127.0.0.1:0", "--set", "greylist.sjsms.listen=127.0.0.1:0",
                "--set", "greylist.statefile=" + dir.resolve("greylist.state")))
                .redirectErrorStream(true).redirectOutput(dir.resolve("serve.log").toFile()).start();
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpResponse<String> health = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (health == null && System.nanoTime() < deadline) {
                try {
                    health = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException e) {
                    Thread.sleep(100);
                }
            }
            assertThat(health).as("serve answered /health; log: %s", Files.readString(dir.resolve("serve.log"))).isNotNull();
            assertThat(health.statusCode()).isEqualTo(200);
            HttpResponse<String> metrics = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            // /health answers before the greylisting service has started: stop only once everything runs
            while (!Files.readString(dir.resolve("serve.log")).contains("spamward serving") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } finally {
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(dir.resolve("greylist.state")).as("greylisting state saved on shutdown").exists();
        assertThat(Files.readString(dir.resolve("serve.log"))).contains("HTTP endpoint listening", "greylist", "bayes", "stopping");
    }
}
