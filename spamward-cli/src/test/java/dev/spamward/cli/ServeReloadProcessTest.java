package dev.spamward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code spamward serve} process and SIGHUP: after the configuration file gains a client whitelist
 * and {@code kill -HUP}, the same client is trusted without a restart; a broken file is refused and the
 * running configuration stays.
 */
class ServeReloadProcessTest {
    @TempDir
    Path dir;

    private static String policy(int port, String client) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("request=smtpd_access_policy\nprotocol_state=RCPT\nclient_address=" + client
                    + "\nclient_name=mail.example.net\nhelo_name=mail.example.net\nsender=alice@example.net\n"
                    + "recipient=bob@example.org\n\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            StringBuilder b = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0) {
                b.append((char) c);
                if (b.toString().endsWith("\n\n")) break;
            }
            return b.toString().strip();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void waitForLog(Path log, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(text)) return;
            Thread.sleep(50);
        }
        throw new AssertionError("no '" + text + "' in the log:\n" + (Files.exists(log) ? Files.readString(log) : ""));
    }

    /**
     * Starts {@code spamward serve} with SIGHUP set to {@code disposition} ({@code SIG_DFL} or {@code SIG_IGN}) at
     * exec, whatever this JVM inherited: a build started under nohup passes its ignored SIGHUP on to children.
     */
    private static Process serve(Path conf, Path log, String disposition) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = List.of("python3", "-c", "import os, signal, sys; signal.signal(signal.SIGHUP, signal." + disposition
                + "); os.execvp(sys.argv[1], sys.argv[1:])", java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", "--config", conf.toString());
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @Test
    void startedWithSighupIgnoredItSaysThatReloadingNeedsARestart() throws Exception {
        Path conf = dir.resolve("spamward.conf");
        Files.writeString(conf, "http.enabled = false\ngreylist.milter.enabled = false\ngreylist.sjsms.enabled = false\n"
                + "greylist.policy.listen = 127.0.0.1:" + freePort() + "\ngreylist.statefile = " + dir.resolve("grey.state") + "\n");
        Path log = dir.resolve("serve.log");
        Process p = serve(conf, log, "SIG_IGN");
        try {
            waitForLog(log, "spamward serving");
            assertThat(Files.readString(log)).contains("SIGHUP is ignored by this process (started with nohup?)");
        } finally {
            p.destroy();
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void sighupAppliesTheNewWhitelistAndABadFileChangesNothing() throws Exception {
        int port = freePort();
        Path conf = dir.resolve("spamward.conf");
        String base = "http.enabled = false\ngreylist.milter.enabled = false\ngreylist.sjsms.enabled = false\n"
                + "greylist.policy.listen = 127.0.0.1:" + port + "\ngreylist.statefile = " + dir.resolve("grey.state") + "\n";
        Files.writeString(conf, base);
        Path log = dir.resolve("serve.log");
        Process p = serve(conf, log, "SIG_DFL");
        try {
            waitForLog(log, "spamward serving");
            assertThat(policy(port, "198.51.100.7")).startsWith("action=DEFER_IF_PERMIT");

            Files.writeString(conf, base + "greylist.whitelist_client = 198.51.100.0/24\ngreylist.filter_bits = 20\n");
            new ProcessBuilder("kill", "-HUP", Long.toString(p.pid())).start().waitFor();
            waitForLog(log, "configuration reloaded");
            assertThat(Files.readString(log)).contains("applied only after a restart: greylist.filter_bits");
            assertThat(policy(port, "198.51.100.8")).isEqualTo("action=DUNNO");
            assertThat(p.isAlive()).isTrue();

            Files.writeString(conf, base + "greylist.whitelist_client = not-a-network\n");
            new ProcessBuilder("kill", "-HUP", Long.toString(p.pid())).start().waitFor();
            waitForLog(log, "configuration not reloaded");
            assertThat(policy(port, "198.51.100.9")).isEqualTo("action=DUNNO"); // the whitelist still applies
            assertThat(p.isAlive()).isTrue();
        } finally {
            p.destroy();
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }
}
