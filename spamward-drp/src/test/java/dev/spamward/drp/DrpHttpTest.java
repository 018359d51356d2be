package dev.spamward.drp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spamward.drp.backend.BackendException;
import dev.spamward.drp.backend.DccVerdict;
import dev.spamward.drp.dispatch.Network;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every status code and header of POST /check, /report and /revoke, over real HTTP on 127.0.0.1. */
class DrpHttpTest {
    static final byte[] MSG = "Subject: hi\r\n\r\nbuy now\r\n".getBytes(StandardCharsets.US_ASCII);
    static final String GOZER_CHECK = "{\"dcc\":{\"action\":\"reject\",\"bulk\":16777200},\"razor\":{\"hit\":true},\"pyzor\":{\"count\":3,\"wl\":0}}";

    static void assertJson(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.headers().firstValueAsLong("Content-Length"))
                .hasValue((long) r.body().getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void noTokenConfiguredFailsClosedWith503() throws Exception {
        try (DrpTestServer s = DrpTestServer.startWith(new TestNetworks(), Map.of())) {
            HttpResponse<String> r = s.send(s.post("/check", MSG).header("Authorization", "Bearer anything").build());
            assertJson(r, 503);
            assertThat(r.body()).isEqualTo("{\"error\":\"gozer token not configured\"}");
            assertThat(s.networks.checks()).isZero();
            assertThat(s.counter("check")).isZero();
        }
    }

    @Test
    void wrongOrMissingTokenIs401AndNotCounted() throws Exception {
        try (DrpTestServer s = DrpTestServer.start(new TestNetworks())) {
            for (HttpRequest req : new HttpRequest[] {
                    s.post("/check", MSG).build(),
                    s.post("/check", MSG).header("Authorization", "Bearer wrong").build(),
                    s.post("/check", MSG).header("Authorization", "Bearer " + DrpTestServer.TOKEN + "x").build(),
                    s.post("/report", MSG).header("X-DRP-Token", "s3cret").build(),
                    // A bearer header wins over X-DRP-Token, as in gozer.
                    s.post("/check", MSG).header("Authorization", "Bearer wrong").header("X-DRP-Token", DrpTestServer.TOKEN).build()}) {
                HttpResponse<String> r = s.send(req);
                assertJson(r, 401);
                assertThat(r.body()).isEqualTo("{\"error\":\"unauthorized\"}");
            }
            assertThat(s.networks.checks()).isZero();
            assertThat(s.counter("check") + s.counter("report")).isZero();
        }
    }

    @Test
    void bearerAndXDrpTokenAreAcceptedAndCheckAnswersGozerJson() throws Exception {
        try (DrpTestServer s = DrpTestServer.start(new TestNetworks())) {
            HttpResponse<String> miss = s.send("/check", MSG);
            assertJson(miss, 200);
            assertThat(miss.headers().firstValue("X-DRP-Cache")).isEmpty();
            // gozer's keys and values, plus per-network timing inside each object.
            assertThat(miss.body()).matches("\\{\"dcc\":\\{\"action\":\"reject\",\"bulk\":16777200,\"ms\":[0-9.]+},"
                    + "\"razor\":\\{\"hit\":true,\"ms\":[0-9.]+},\"pyzor\":\\{\"count\":3,\"wl\":0,\"ms\":[0-9.]+}}");
            HttpResponse<String> hit = s.send(s.post("/check", MSG).header("X-DRP-Token", "  " + DrpTestServer.TOKEN + " ").build());
            assertJson(hit, 200);
            assertThat(hit.body()).isEqualTo(GOZER_CHECK);
            assertThat(hit.headers().firstValue("X-DRP-Cache")).hasValue("hit");
            assertThat(s.counter("check")).isEqualTo(2);
            waitUntil(() -> s.metrics.latencyCount() == 2); // recorded just after the answer is written
        }
    }

    @Test
    void reportAndRevokeAnswerGozerJson() throws Exception {
        try (DrpTestServer s = DrpTestServer.start(new TestNetworks())) {
            HttpResponse<String> report = s.send("/report", MSG);
            assertJson(report, 200);
            assertThat(report.body()).matches("\\{\"dcc\":true,\"razor\":true,\"pyzor\":true,"
                    + "\"ms\":\\{\"dcc\":[0-9.]+,\"razor\":[0-9.]+,\"pyzor\":[0-9.]+}}");
            HttpResponse<String> revoke = s.send("/revoke", MSG);
            assertJson(revoke, 200);
            assertThat(revoke.body()).matches("\\{\"dcc\":null,\"razor\":true,\"pyzor\":false,"
                    + "\"ms\":\\{\"razor\":[0-9.]+,\"pyzor\":[0-9.]+}}");
            assertThat(s.networks.dccReports).hasValue(1);
            assertThat(s.networks.razorRevokes).hasValue(1);
            assertThat(s.networks.pyzorWhitelists).hasValue(1);
            assertThat(s.counter("report")).isEqualTo(1);
            assertThat(s.counter("revoke")).isEqualTo(1);
            // Feedback is never cached.
            assertThat(s.send("/report", MSG).headers().firstValue("X-DRP-Cache")).isEmpty();
            assertThat(s.networks.dccReports).hasValue(2);
        }
    }

    @Test
    void failingAndSlowBackendsGiveSafeDefaultsAndAreCounted() throws Exception {
        TestNetworks n = new TestNetworks();
        n.dccCheck = (m, b) -> {
            throw new BackendException("no DCC server answered");
        };
        n.razorCheck = (m, b) -> {
            throw new IllegalStateException("bug in an adapter");
        };
        CountDownLatch never = new CountDownLatch(1);
        n.pyzorCheck = (m, b) -> {
            never.await();
            return null;
        };
        n.razorReport = (m, b) -> {
            throw new BackendException("razor down");
        };
        try (DrpTestServer s = DrpTestServer.start(n, "drp.backend_timeout=300ms")) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = s.send("/check", MSG);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertJson(r, 200);
            assertThat(ms).isGreaterThanOrEqualTo(250).isLessThan(3000);
            assertThat(r.body()).matches("\\{\"dcc\":\\{\"action\":\"unknown\",\"bulk\":null,\"ms\":[0-9.]+,\"error\":"
                    + "\"BackendException: no DCC server answered\"},\"razor\":\\{\"hit\":false,\"ms\":[0-9.]+,\"error\":"
                    + "\"IllegalStateException: bug in an adapter\"},\"pyzor\":\\{\"count\":0,\"wl\":0,\"ms\":[0-9.]+,"
                    + "\"error\":\"timeout\"}}");
            for (Network net : Network.values()) assertThat(s.metrics.backendErrors(net)).isEqualTo(1);
            HttpResponse<String> report = s.send("/report", MSG);
            assertJson(report, 200);
            assertThat(report.body()).matches("\\{\"dcc\":true,\"razor\":false,\"pyzor\":true,\"ms\":\\{.*},"
                    + "\"errors\":\\{\"razor\":\"BackendException: razor down\"}}");
            assertThat(s.metrics.backendErrors(Network.RAZOR)).isEqualTo(2);
        }
    }

    @Test
    void lengthErrors400And411And413() throws Exception {
        try (DrpTestServer s = DrpTestServer.start(new TestNetworks(), "drp.max_body=1KiB")) {
            // Empty body: Content-Length 0.
            HttpResponse<String> empty = s.send(s.post("/check", new byte[0]).header("X-DRP-Token", DrpTestServer.TOKEN).build());
            assertJson(empty, 400);
            assertThat(empty.body()).isEqualTo("{\"error\":\"bad length\"}");
            // Chunked (no length): java.net.http sends an InputStream body chunked.
            HttpResponse<String> chunked = s.send(s.post("/check", MSG).header("X-DRP-Token", DrpTestServer.TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(MSG))).build());
            assertJson(chunked, 411);
            assertThat(chunked.body()).isEqualTo("{\"error\":\"length required\"}");
            // Over the configured cap.
            HttpResponse<String> big = s.send(s.post("/check", new byte[1025]).header("X-DRP-Token", DrpTestServer.TOKEN).build());
            assertJson(big, 413);
            assertThat(big.body()).isEqualTo("{\"error\":\"too large\"}");
            HttpResponse<String> exact = s.send(s.post("/check", new byte[1024]).header("X-DRP-Token", DrpTestServer.TOKEN).build());
            assertJson(exact, 200);
            assertThat(s.counter("error")).isEqualTo(3);
            assertThat(s.counter("check")).isEqualTo(4); // counted after auth, before validation
            assertThat(s.networks.dccChecks).hasValue(1);
        }
    }

    @Test
    void missingOrMalformedContentLengthOverRawSocket() throws Exception {
        try (DrpTestServer s = DrpTestServer.start(new TestNetworks())) {
            String auth = "X-DRP-Token: " + DrpTestServer.TOKEN + "\r\n";
            try (RawHttp c = new RawHttp(s.port())) {
                c.write("POST /check HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n");
                RawHttp.Response r = c.read();
                assertThat(r.status()).isEqualTo(411);
                assertThat(r.header("Content-Type")).isEqualTo("application/json");
                assertThat(r.header("Content-Length")).isEqualTo(Integer.toString(r.body().length()));
            }
            try (RawHttp c = new RawHttp(s.port())) {
                c.write("POST /check HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello!");
                assertThat(c.read().status()).isEqualTo(400);
            }
            try (RawHttp c = new RawHttp(s.port())) {
                // Declared longer than sent, then the client stops sending: 400 read error.
                c.write("POST /check HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Length: 100\r\n\r\nonly ten..");
                c.shutdownOutput();
                RawHttp.Response r = c.read();
                assertThat(r.status()).isEqualTo(400);
                assertThat(r.body()).isEqualTo("{\"error\":\"read error\"}");
            }
            assertThat(s.networks.checks()).isZero();
        }
    }

    @Test
    void oversizeIsRefusedBeforeTheBodyIsRead() throws Exception {
        try (DrpTestServer s = DrpTestServer.start(new TestNetworks())) {
            try (RawHttp c = new RawHttp(s.port())) {
                // Declare 9 MiB, send only 1 KiB: the answer must come without waiting for the rest.
                c.write("POST /check HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + DrpTestServer.TOKEN
                        + "\r\nContent-Length: " + (9 << 20) + "\r\n\r\n");
                c.write(new byte[1024]);
                long t0 = System.nanoTime();
                RawHttp.Response r = c.read();
                assertThat(r.status()).isEqualTo(413);
                assertThat(r.header("Connection")).isEqualToIgnoringCase("close");
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(5000);
                assertThat(c.closedByPeer()).isTrue(); // the unread body is not parsed as a next request
            }
            assertThat(s.send("/check", MSG).statusCode()).isEqualTo(200); // still serving
        }
    }

    @Test
    void busyAfterBoundedWaitWithRetryAfter() throws Exception {
        try (DrpTestServer s = DrpTestServer.start(new TestNetworks(), "drp.max_concurrent=1", "drp.backend_timeout=400ms")) {
            try (RawHttp slow = new RawHttp(s.port())) {
                // Holds the only slot: headers sent, body still arriving.
                slow.write("POST /check HTTP/1.1\r\nHost: x\r\nX-DRP-Token: " + DrpTestServer.TOKEN
                        + "\r\nContent-Length: " + MSG.length + "\r\n\r\nSub");
                waitUntil(() -> s.counter("check") == 1);
                Thread.sleep(100);
                long t0 = System.nanoTime();
                HttpResponse<String> busy = s.send("/check", MSG);
                long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                assertJson(busy, 503);
                assertThat(busy.body()).isEqualTo("{\"error\":\"busy\"}");
                assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
                assertThat(waited).isGreaterThanOrEqualTo(350); // waited for a slot before giving up
                assertThat(s.counter("busy")).isEqualTo(1);
                slow.write(java.util.Arrays.copyOfRange(MSG, 3, MSG.length));
                assertThat(slow.read().status()).isEqualTo(200);
            }
            assertThat(s.send("/check", MSG).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void keepAliveAfterAnsweredRequestsCloseAfterRefusedOnes() throws Exception {
        try (DrpTestServer s = DrpTestServer.start(new TestNetworks())) {
            String req = "POST /check HTTP/1.1\r\nHost: x\r\nX-DRP-Token: " + DrpTestServer.TOKEN
                    + "\r\nContent-Length: " + MSG.length + "\r\n\r\n";
            try (RawHttp c = new RawHttp(s.port())) {
                for (int i = 0; i < 3; i++) { // three requests on one connection
                    c.write(req);
                    c.write(MSG);
                    RawHttp.Response r = c.read();
                    assertThat(r.status()).isEqualTo(200);
                    assertThat(r.header("Connection")).isNull();
                }
                c.write(req.replace(DrpTestServer.TOKEN, "nope"));
                c.write(MSG);
                RawHttp.Response refused = c.read();
                assertThat(refused.status()).isEqualTo(401);
                assertThat(refused.header("Connection")).isEqualToIgnoringCase("close");
                assertThat(c.closedByPeer()).isTrue();
            }
        }
    }

    @Test
    void otherPathsAndMethodsAre404() throws Exception {
        try (DrpTestServer s = DrpTestServer.start(new TestNetworks())) {
            for (HttpRequest req : new HttpRequest[] {
                    s.post("/checks", MSG).header("X-DRP-Token", DrpTestServer.TOKEN).build(),
                    HttpRequest.newBuilder(s.uri("/check")).GET().build(),
                    HttpRequest.newBuilder(s.uri("/report")).method("PUT", HttpRequest.BodyPublishers.ofByteArray(MSG)).build()}) {
                HttpResponse<String> r = s.send(req);
                assertThat(r.statusCode()).isEqualTo(404);
                assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
                assertThat(r.headers().firstValue("Content-Length")).isPresent();
            }
        }
    }

    @Test
    void dccVerdictsMapToGozerJson() throws Exception {
        TestNetworks n = new TestNetworks();
        try (DrpTestServer s = DrpTestServer.start(n, "drp.cache_ttl=0")) {
            n.dccCheck = (m, b) -> DccVerdict.accept();
            assertThat(s.send("/check", MSG).body()).startsWith("{\"dcc\":{\"action\":\"accept\",\"bulk\":null,");
            n.dccCheck = (m, b) -> DccVerdict.UNKNOWN;
            assertThat(s.send("/check", MSG).body()).startsWith("{\"dcc\":{\"action\":\"unknown\",\"bulk\":null,");
        }
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met within 10 s");
            Thread.sleep(5);
        }
    }
}
