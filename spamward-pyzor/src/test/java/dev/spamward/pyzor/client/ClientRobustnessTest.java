package dev.spamward.pyzor.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spamward.pyzor.account.PyzorServer;
import dev.spamward.pyzor.testing.FakeUdpServer;
import dev.spamward.pyzor.testing.Pyzord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Malformed, truncated, oversized, foreign and missing replies never crash or hang the client. */
class ClientRobustnessTest {
    private static final String DIGEST = "589b3352705d24ec79ffb455950a4fb6dd78f378";

    private static ServerOutcome checkAgainst(Function<String, byte[]> reply) throws Exception {
        try (FakeUdpServer fake = new FakeUdpServer(reply)) {
            PyzorClient c = PyzorClient.builder().servers(List.of(fake.server())).timeout(Duration.ofMillis(500)).build();
            long start = System.nanoTime();
            CheckResult r = c.checkDigest(DIGEST);
            assertThat((System.nanoTime() - start) / 1_000_000).as("hang guard").isLessThan(8000);
            assertThat(r.spam()).isFalse();
            return r.outcomes().getFirst();
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String failure(ServerOutcome o) {
        assertThat(o).isInstanceOf(ServerOutcome.Failed.class);
        return ((ServerOutcome.Failed) o).kind() + ": " + ((ServerOutcome.Failed) o).message();
    }

    @Test
    void garbageIsAProtocolError() throws Exception {
        assertThat(failure(checkAgainst(req -> ascii("hello world")))).startsWith("PROTOCOL").contains("incomplete reply");
    }

    @Test
    void truncatedReplyIsAProtocolError() throws Exception {
        assertThat(failure(checkAgainst(req -> ascii("Code: 200\nDiag: OK\nPV: 2.1\nThr"))))
                .isEqualTo("PROTOCOL: incomplete reply: no Thread header");
    }

    @Test
    void foreignThreadIsAProtocolError() throws Exception {
        assertThat(failure(checkAgainst(req -> ascii("Code: 200\nDiag: OK\nPV: 2.1\nThread: "
                + (Integer.parseInt(FakeUdpServer.thread(req)) == 1024 ? 1025 : 1024) + "\nCount: 9\nWL-Count: 0\n\n"))))
                .contains("reply for thread");
    }

    @Test
    void reservedThreadErrorReplyIsAccepted() throws Exception {
        ServerOutcome o = checkAgainst(req -> ascii("Code: 400\nDiag: Bad request\nPV: 2.1\nThread: 0\n\n"));
        assertThat(o).isInstanceOf(ServerOutcome.Answered.class);
        assertThat(o.headTuple()).isEqualTo("(400, 'Bad request')");
    }

    @Test
    void errorCodesAreExplained() throws Exception {
        for (int code : new int[] {400, 401, 403, 500, 501, 505}) {
            ServerOutcome o = checkAgainst(req -> ascii("Code: " + code + "\nDiag: server text\nPV: 2.1\nThread: "
                    + FakeUdpServer.thread(req) + "\n\n"));
            assertThat(o.ok()).isFalse();
            assertThat(o.headTuple()).isEqualTo("(" + code + ", 'server text')");
            String expected = switch (code) {
                case 400 -> "bad request";
                case 401 -> "unauthorized";
                case 403 -> "forbidden";
                case 500 -> "server error";
                case 501 -> "operation not implemented";
                default -> "protocol version not supported";
            };
            assertThat(o.describe()).contains(code + " " + expected).contains("server text");
        }
    }

    @Test
    void oversizedReplyIsRefused() throws Exception {
        assertThat(failure(checkAgainst(req -> {
            String head = "Code: 200\nDiag: OK\nPV: 2.1\nThread: " + FakeUdpServer.thread(req) + "\nCount: 1\nWL-Count: 0\n";
            return ascii(head + "X-Pad: " + "a".repeat(9000) + "\n\n");
        }))).contains("larger than 8192");
    }

    @Test
    void badNumbersAreProtocolErrors() throws Exception {
        assertThat(failure(checkAgainst(req -> ascii("Code: OK\nDiag: OK\nPV: 2.1\nThread: " + FakeUdpServer.thread(req) + "\n\n"))))
                .contains("Code is not a status");
        assertThat(failure(checkAgainst(req -> ascii("Code: 200\nDiag: OK\nPV: 2.1\nThread: " + FakeUdpServer.thread(req)
                + "\nCount: lots\nWL-Count: 0\n\n")))).contains("without numeric Count");
        assertThat(failure(checkAgainst(req -> ascii("Code: 200\nDiag: OK\nPV: 2.1\nThread: 99999999999999999999\n\n"))))
                .contains("Thread out of range");
    }

    @Test
    void randomBytesNeverThrow() throws Exception {
        Random random = new Random(20261121);
        try (FakeUdpServer fake = new FakeUdpServer(req -> {
            String head = "Code: 200\nDiag: OK\nPV: 2.1\nThread: " + FakeUdpServer.thread(req) + "\n";
            byte[] tail = new byte[random.nextInt(300)];
            random.nextBytes(tail);
            byte[] h = ascii(random.nextBoolean() ? head : "");
            byte[] out = new byte[h.length + tail.length];
            System.arraycopy(h, 0, out, 0, h.length);
            System.arraycopy(tail, 0, out, h.length, tail.length);
            return out;
        })) {
            PyzorClient c = PyzorClient.builder().servers(List.of(fake.server())).timeout(Duration.ofMillis(500)).build();
            for (int i = 0; i < 200; i++) {
                CheckResult r = c.checkDigest(DIGEST);
                assertThat(r.outcomes()).hasSize(1);
                assertThat(r.spam()).isFalse();
            }
        }
    }

    @Test
    void silentServerTimesOutAfterRetries() throws Exception {
        try (FakeUdpServer fake = new FakeUdpServer(req -> null)) {
            PyzorClient c = PyzorClient.builder().servers(List.of(fake.server())).timeout(Duration.ofMillis(200)).retries(2).build();
            long start = System.nanoTime();
            OpResult r = c.ping();
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(ms).as("three 200 ms attempts, and no hang").isBetween(550L, 8000L);
            assertThat(failure(r.outcomes().getFirst())).startsWith("TIMEOUT").contains("3 attempts");
            assertThat(r.outcomes().getFirst().headTuple()).startsWith("(504, ");
            assertThat(fake.requests()).isEqualTo(3);
        }
    }

    @Test
    void interruptingTheCallerStopsEveryServersExchange() throws Exception {
        try (FakeUdpServer a = new FakeUdpServer(req -> null); FakeUdpServer b = new FakeUdpServer(req -> null)) {
            PyzorClient c = PyzorClient.builder().servers(List.of(a.server(), b.server()))
                    .timeout(Duration.ofMillis(800)).retries(1).build();
            Thread caller = Thread.ofVirtual().start(() -> {
                try {
                    c.checkDigest(DIGEST);
                } catch (IllegalStateException expected) {
                    // interrupted
                }
            });
            long deadline = System.nanoTime() + 5_000_000_000L;
            while ((a.requests() < 1 || b.requests() < 1) && System.nanoTime() < deadline) Thread.sleep(10);
            caller.interrupt();
            caller.join(2000);
            assertThat(caller.isAlive()).isFalse();
            Thread.sleep(1500); // an exchange left running would resend after its 800 ms timeout
            assertThat(a.requests()).as("no retry after the caller gave up").isEqualTo(1);
            assertThat(b.requests()).as("no retry after the caller gave up").isEqualTo(1);
        }
    }

    @Test
    void closedPortIsANetworkError() throws Exception {
        PyzorClient c = PyzorClient.builder().servers(List.of(new PyzorServer("127.0.0.1", Pyzord.freeUdpPort())))
                .timeout(Duration.ofMillis(500)).build();
        String f = failure(c.ping().outcomes().getFirst());
        assertThat(f).matches("(NETWORK: port unreachable.*|TIMEOUT.*)");
    }
}
