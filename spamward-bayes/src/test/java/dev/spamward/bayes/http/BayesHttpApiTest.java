package dev.spamward.bayes.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.spamward.bayes.BayesFilter;
import dev.spamward.bayes.model.ChiSquareModel;
import dev.spamward.bayes.model.Cutoffs;
import dev.spamward.bayes.store.lmdb.LmdbTokenStore;
import dev.spamward.bayes.tokenize.Tokenizer;
import dev.spamward.bayes.tokenize.TokenizerOptions;
import dev.spamward.mime.MailParser;
import dev.spamward.mime.MimeLimits;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP API on a real JDK HTTP server on 127.0.0.1 and a free port, with a real LMDB store. */
class BayesHttpApiTest {
    @TempDir
    Path tmp;
    HttpServer server;
    BayesHttpApi api;
    HttpClient client = HttpClient.newHttpClient();
    String base;

    final List<HttpServer> servers = new java.util.ArrayList<>();
    final List<BayesHttpApi> apis = new java.util.ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        LmdbTokenStore store = LmdbTokenStore.open(tmp.resolve("db"), false, LmdbTokenStore.Options.defaults());
        api = new BayesHttpApi(store, new BayesFilter(new Tokenizer(), store, new ChiSquareModel(ChiSquareModel.Params.defaults()),
                new Cutoffs(0.2, 0.8, true)), "s3cret-token", 100_000, 5);
        base = serve(api);
    }

    /** Serves {@code a} on a free port; returns its base URL. */
    private String serve(BayesHttpApi a) throws java.io.IOException {
        HttpServer srv = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        srv.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        a.register((method, path, h) -> srv.createContext(path, ex -> {
            if (!ex.getRequestMethod().equals(method)) {
                ex.sendResponseHeaders(404, -1);
                ex.close();
                return;
            }
            h.handle(ex);
        }));
        srv.start();
        servers.add(srv);
        apis.add(a);
        return "http://127.0.0.1:" + srv.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        for (HttpServer srv : servers) srv.stop(0);
        for (BayesHttpApi a : apis) a.close();
    }

    private HttpResponse<String> post(String path, String body, String token) throws Exception {
        return post(base, path, body, token);
    }

    private HttpResponse<String> post(String url, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String corpus(String name) throws Exception {
        Path dir = Path.of(BayesHttpApiTest.class.getResource("/dev/spamward/bayes/corpus/" + name).toURI());
        try (var s = Files.list(dir)) {
            return s.sorted().map(p -> {
                try {
                    return Files.readString(p, StandardCharsets.ISO_8859_1);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).reduce((a, b) -> a + "\u0000" + b).orElseThrow();
        }
    }

    @Test
    void learnNeedsTheTokenThenCheckAnswersWithVerdictScoreAndTopTokens() throws Exception {
        String[] spam = corpus("spam").split("\u0000");
        String[] ham = corpus("ham").split("\u0000");
        assertThat(post("/bayes/learn?class=spam", spam[0], null).statusCode()).isEqualTo(401);
        assertThat(post("/bayes/learn?class=spam", spam[0], "wrong").statusCode()).isEqualTo(401);
        assertThat(post("/bayes/learn", spam[0], "s3cret-token").statusCode()).isEqualTo(400);
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> r = post("/bayes/learn?class=spam", spam[i], "s3cret-token");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).matches("\\{\"result\":\"(learned|already_learned)\"\\}\\n");
            assertThat(post("/bayes/learn?class=ham", ham[i], "s3cret-token").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> c = post("/bayes/check", spam[25], null);
        assertThat(c.statusCode()).isEqualTo(200);
        assertThat(c.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(c.body()).matches("(?s)\\{\"verdict\":\"(spam|ham|unsure)\",\"score\":[01]\\.\\d{6},\"tokens\":\\d+,\"used\":\\d+,"
                + "\"problems\":\\[.*\\],\"top\":\\[\\{\"token\":.+\\}\\]\\}\\n");
        assertThat(post("/bayes/unlearn", spam[0], "s3cret-token").body()).contains("\"unlearned\"");
        HttpResponse<String> st = client.send(HttpRequest.newBuilder(URI.create(base + "/bayes/stats")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(st.body()).contains("\"spam_messages\":19").contains("\"ham_messages\":20");
    }

    @Test
    void oversizedAndEmptyBodiesAreAnsweredAndTheServerKeepsServing() throws Exception {
        assertThat(post("/bayes/check", "x".repeat(100_001), null).statusCode()).isEqualTo(413);
        HttpResponse<String> empty = post("/bayes/check", "", null);
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("\"score\":0.500000").contains("not enough training");
        for (String junk : List.of("\u0000\u0001garbage", "Content-Type: multipart/mixed; boundary=x\n\n--x\n")) {
            assertThat(post("/bayes/check", junk, null).statusCode()).isEqualTo(200);
        }
    }

    /** A message over the kept size is classified on its start and says so; only one over the refusal size gets 413. */
    @Test
    void aLargeMessageIsClassifiedOnItsFirstBytesAndSaysSo() throws Exception {
        LmdbTokenStore store = LmdbTokenStore.open(tmp.resolve("db2"), false, LmdbTokenStore.Options.defaults());
        Tokenizer small = new Tokenizer(new MailParser(new MimeLimits(1_000, 1000, 20, 2000, 4 << 20, 1000)), TokenizerOptions.defaults());
        BayesHttpApi a = new BayesHttpApi(() -> store, s -> new BayesFilter(small, s, new ChiSquareModel(ChiSquareModel.Params.defaults()),
                new Cutoffs(0.2, 0.8, true)), "t", 1_000, 50_000, 2, 5);
        String url = serve(a);
        String big = "Subject: hello\n\n" + "word ".repeat(4_000);
        HttpResponse<String> r = post(url, "/bayes/check", big, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("LIMIT_REACHED(message size").contains("1000 bytes)");
        assertThat(post(url, "/bayes/check", "x".repeat(50_001), null).statusCode()).isEqualTo(413);
        assertThat(post(url, "/bayes/check", "Subject: hi\n\nshort", null).body()).doesNotContain("LIMIT_REACHED");
    }

    /** With every slot taken, the next message waits, then gets 503 with Retry-After; the slot's own answer still comes. */
    @Test
    void moreMessagesThanSlotsGet503AfterAWait() throws Exception {
        LmdbTokenStore store = LmdbTokenStore.open(tmp.resolve("db3"), false, LmdbTokenStore.Options.defaults());
        java.util.concurrent.CountDownLatch opening = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        BayesHttpApi a = new BayesHttpApi(() -> {
            opening.countDown();
            try {
                release.await(); // the store opens slowly: the first message holds the only slot
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return store;
        }, s -> new BayesFilter(new Tokenizer(), s, new ChiSquareModel(ChiSquareModel.Params.defaults()), new Cutoffs(0.2, 0.8, true)),
                "t", 100_000, 100_000, 1, 5);
        a.slotWaitMillis = 300;
        String url = serve(a);
        var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return post(url, "/bayes/check", "Subject: one\n\nfirst", null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(opening.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        HttpResponse<String> second = post(url, "/bayes/check", "Subject: two\n\nsecond", null);
        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(second.headers().firstValue("Retry-After")).contains("1");
        assertThat(second.body()).contains("busy");
        release.countDown();
        assertThat(first.get(10, java.util.concurrent.TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(post(url, "/bayes/check", "Subject: three\n\nthird", null).statusCode()).isEqualTo(200);
    }
}
