package dev.spamward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spamward.greylist.peers.Peers;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code spamward serve} process against clients that open connections and never finish a request: the
 * HTTP endpoint keeps at most {@code http.max_connections} of them (the JDK server's limit is process-wide and read
 * once, hence a process of its own), closes further ones, and serves again when they are gone.
 */
class ServeHttpLimitsProcessTest {
    @TempDir
    Path dir;

    private static Socket halfRequest(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        try {
            s.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII)); // never ends
        } catch (IOException closedAlready) {
            // refused by the limit before the bytes went out: closedByServer sees it
        }
        return s;
    }

    /** The answer to GET /health on a fresh connection, or "closed" when the server closes it unanswered. */
    private static String health(int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            s.setSoTimeout(3000);
            s.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            byte[] b = in.readNBytes(12);
            return b.length == 0 ? "closed" : new String(b, StandardCharsets.US_ASCII);
        } catch (SocketTimeoutException e) {
            return "no answer";
        } catch (java.net.SocketException e) {
            return "closed";
        }
    }

    /** Whether the server has closed {@code s} (end of stream or reset); waits at most 100 ms for a sign. */
    private static boolean closedByServer(Socket s) {
        try {
            s.setSoTimeout(100);
            return s.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Test
    void connectionsBeyondTheLimitAreClosedAndServiceResumes() throws Exception {
        int port = Peers.freePort();
        Path log = dir.resolve("serve.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve",
                "--set", "http.listen=127.0.0.1:" + port, "--set", "http.max_connections=5", "--set", "greylist.policy.enabled=false",
                "--set", "greylist.milter.enabled=false", "--set", "greylist.sjsms.enabled=false",
                "--set", "greylist.statefile=" + dir.resolve("grey.state"))).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        List<Socket> held = new ArrayList<>();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!(Files.exists(log) && Files.readString(log).contains("spamward serving"))) {
                assertThat(System.nanoTime()).as("serve started: " + (Files.exists(log) ? Files.readString(log) : "")).isLessThan(deadline);
                Thread.sleep(50);
            }
            assertThat(health(port)).isEqualTo("HTTP/1.1 200");
            // Ten connections that never finish their request: the server keeps at most five and closes the others.
            // It counts a connection once its dispatcher has accepted it, which a loaded machine may delay, so the
            // sockets are watched until at most five are left open (without the limit all ten stay open: failure).
            for (int i = 0; i < 10; i++) held.add(halfRequest(port));
            List<Socket> open = new ArrayList<>(held);
            // (well before sun.net.httpserver.maxReqTime, 26 s here, when the server drops every unfinished request)
            long watchUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
            while (open.size() > 5 && System.nanoTime() < watchUntil) open.removeIf(ServeHttpLimitsProcessTest::closedByServer);
            assertThat(open).as("connections left open by a server limited to five; serve's log:%n%s", Files.readString(log))
                    .hasSizeLessThanOrEqualTo(5);
            for (Socket s : held) s.close();
            held.clear();
            String h = "";
            for (int i = 0; i < 40 && !h.equals("HTTP/1.1 200"); i++) {
                Thread.sleep(100);
                h = health(port);
            }
            assertThat(h).as("served again once they are gone").isEqualTo("HTTP/1.1 200");
            assertThat(p.isAlive()).isTrue();
        } finally {
            for (Socket s : held) s.close();
            p.destroy();
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }
}
