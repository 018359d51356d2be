package dev.spamward.drp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes the HTTP request path of the DRP service over a real socket: method, path, token header and
 * bearer flag, Content-Length (right, missing, wrong, huge, garbage, repeated), chunked, and the body.
 * Invariants: never a 500 or an unknown status, a 200 is always gozer's JSON, and the server keeps
 * serving afterwards.
 */
class DrpRequestFuzzTest {
    private static final Set<Integer> ALLOWED = Set.of(200, 400, 401, 404, 411, 413, 503);
    private static final String[] METHODS = {"POST", "GET", "PUT", "HEAD", "OPTIONS", "post"};
    private static final String[] PATHS = {"/check", "/report", "/revoke", "/health", "/", "/check/", "/check?x=1",
            "//check", "/CHECK", "/metrics"};

    private static DrpTestServer server;

    @BeforeAll
    static void start() throws IOException {
        server = DrpTestServer.start(new TestNetworks(), "drp.max_body=64KiB", "drp.backend_timeout=2s");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @FuzzTest(maxDuration = "30s")
    void request(FuzzedDataProvider data) throws Exception {
        // The only connections made are to the test server on loopback (Jazzer's SSRF detector).
        BugDetectors.allowNetworkConnections((host, port) -> port == server.port()
                && (host.equals("127.0.0.1") || host.equals("localhost")));
        String method = data.consumeBoolean() ? data.pickValue(METHODS) : data.consumeAsciiString(8);
        String path = data.consumeBoolean() ? data.pickValue(PATHS) : "/" + data.consumeAsciiString(16);
        int tokenMode = data.consumeInt(0, 4);
        boolean bearer = data.consumeBoolean();
        int lengthMode = data.consumeInt(0, 6);
        byte[] body = data.consumeBytes(2048);
        String extraHeader = data.consumeAsciiString(40);

        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        String token = switch (tokenMode) {
            case 0 -> null;
            case 1 -> DrpTestServer.TOKEN;
            case 2 -> DrpTestServer.TOKEN + "x";
            case 3 -> "";
            default -> data.consumeAsciiString(20);
        };
        if (token != null) {
            head.append(bearer ? "Authorization: Bearer " : "X-DRP-Token: ").append(clean(token)).append("\r\n");
        }
        switch (lengthMode) {
            case 0 -> head.append("Content-Length: ").append(body.length).append("\r\n");
            case 1 -> { }
            case 2 -> head.append("Content-Length: ").append(body.length + 7).append("\r\n");
            case 3 -> head.append("Content-Length: ").append(9L << 20).append("\r\n");
            case 4 -> head.append("Content-Length: ").append(clean(extraHeader)).append("\r\n");
            case 5 -> head.append("Content-Length: ").append(body.length).append("\r\nContent-Length: ").append(body.length + 1).append("\r\n");
            default -> head.append("Transfer-Encoding: chunked\r\n");
        }
        if (lengthMode != 4 && !extraHeader.isEmpty()) head.append("X-Fuzz: ").append(clean(extraHeader)).append("\r\n");
        head.append("\r\n");
        ByteArrayOutputStream req = new ByteArrayOutputStream();
        req.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (lengthMode == 6) {
            req.write((Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            req.write(body);
            req.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } else {
            req.write(body);
        }

        try (RawHttp c = new RawHttp(server.port())) {
            try {
                c.write(req.toByteArray());
                c.shutdownOutput(); // the server sees the end of what we send: no waiting for missing bytes
            } catch (IOException e) {
                // The server may close early (refused body); what it answered is checked below.
            }
            RawHttp.Response r;
            try {
                r = c.read();
            } catch (IOException e) {
                r = null; // the JDK server drops some malformed requests without an answer
            }
            if (r != null) {
                String what = method + " " + path + " -> " + r;
                assertThat(ALLOWED).as(what).contains(r.status());
                if (!method.equals("HEAD")) {
                    // (A HEAD answer has no body; the JDK server then omits Content-Length, as HTTP allows.)
                    assertThat(r.header("Content-Length")).as(what).isNotNull();
                }
                if (r.status() == 200 && path.equals("/check") && method.equals("POST")) {
                    assertThat(r.body()).startsWith("{\"dcc\":{\"action\":");
                }
            }
        }
        // Still serving.
        assertThat(server.send("/check", DrpHttpTest.MSG).statusCode()).isEqualTo(200);
    }

    /** No CR/LF inside a header value (that would be a different request, not a malformed one). */
    private static String clean(String s) {
        return s.replace('\r', ' ').replace('\n', ' ');
    }
}
