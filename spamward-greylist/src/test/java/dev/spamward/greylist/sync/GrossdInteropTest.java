package dev.spamward.greylist.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spamward.greylist.GreylistService;
import dev.spamward.greylist.TestConfig;
import dev.spamward.greylist.client.PolicyClient;
import dev.spamward.greylist.engine.Query;
import dev.spamward.greylist.engine.Result;
import dev.spamward.greylist.peers.Peers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replication with Debian's real grossd 1.0.2 in grossd's own protocol: start-up dump and live updates both ways. */
class GrossdInteropTest {
    @TempDir
    Path dir;

    @Test
    void spamwardAndGrossdReplicateEachOther() throws Exception {
        String grossd = Peers.require("grossd", "gross");
        int syncPort = Peers.freePort();
        int grossdPort = Peers.freePort();
        try (GreylistService us = GreylistService.start(TestConfig.of("greylist.grey_delay=1s", "greylist.milter.enabled=false",
                "greylist.sjsms.enabled=false", "greylist.sync_protocol=grossd",
                "greylist.sync_listen=127.0.0.2:" + syncPort, "greylist.sync_peer=127.0.0.1:" + syncPort))) {
            // Something we know before grossd starts: it arrives with our start-up dump.
            assertThat(ask(us, "192.0.2.10", "early@example.net")).isEqualTo(Result.GREY);
            Thread.sleep(1800);
            assertThat(ask(us, "192.0.2.10", "early@example.net")).isEqualTo(Result.MATCH);

            Process p = startGrossd(grossd, syncPort, grossdPort);
            try {
                InetSocketAddress g = new InetSocketAddress("127.0.0.7", grossdPort);
                waitFor(g, p);
                try (PolicyClient c = new PolicyClient(g, 5000)) {
                    assertThat(c.ask(req("192.0.2.99", "early@example.net"))).as(log()).containsExactly("action=dunno");
                    // grossd -> us
                    assertThat(c.ask(req("198.51.100.1", "from-grossd@example.net"))).containsExactly(
                            "action=defer_if_permit Please try again later");
                    ReplicationTest.await(() -> ReplicationTest.known(us, "198.51.100.1", "from-grossd@example.net"),
                            "OPER_SYNC from grossd");
                    // us -> grossd
                    assertThat(ask(us, "203.0.113.5", "from-us@example.net")).isEqualTo(Result.GREY);
                    Thread.sleep(2500);
                    assertThat(c.ask(req("203.0.113.5", "from-us@example.net"))).as(log()).containsExactly("action=dunno");
                }
                assertThat(us.status().json()).contains("\"protocol\":\"grossd\"").contains("\"connected\":true");
            } finally {
                Peers.stop(p);
            }
        }
    }

    /** grossd runs first; we start later, dial it, and receive its dump as the joining node. */
    @Test
    void weJoinARunningGrossd() throws Exception {
        String grossd = Peers.require("grossd", "gross");
        int syncPort = Peers.freePort();
        int grossdPort = Peers.freePort();
        Process p = startGrossd(grossd, syncPort, grossdPort);
        try {
            InetSocketAddress g = new InetSocketAddress("127.0.0.7", grossdPort);
            waitFor(g, p);
            try (PolicyClient c = new PolicyClient(g, 5000)) {
                assertThat(c.ask(req("192.0.2.44", "known-to-grossd@example.net"))).containsExactly(
                        "action=defer_if_permit Please try again later");
            }
            Thread.sleep(2500);
            try (GreylistService us = GreylistService.start(TestConfig.of("greylist.grey_delay=1s",
                    "greylist.milter.enabled=false", "greylist.sjsms.enabled=false", "greylist.sync_protocol=grossd",
                    "greylist.sync_listen=127.0.0.2:" + syncPort, "greylist.sync_peer=127.0.0.1:" + syncPort))) {
                ReplicationTest.await(() -> ReplicationTest.known(us, "192.0.2.1", "known-to-grossd@example.net"),
                        "start-up dump from grossd");
                assertThat(us.status().json()).contains("\"dumps_received\":1");
            }
        } finally {
            Peers.stop(p);
        }
    }

    /**
     * grossd 1.0.2 in the foreground: policy on 127.0.0.7 (its fixed status port 5522 then cannot clash),
     * replication from 127.0.0.1 with us on 127.0.0.2. Started as root it reads its config as user gross.
     */
    private Process startGrossd(String grossd, int syncPort, int grossdPort) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path conf = dir.resolve("grossd.conf");
        Files.write(conf, List.of("host = 127.0.0.7", "port = " + grossdPort, "sync_listen = 127.0.0.1",
                "sync_peer = 127.0.0.2", "sync_port = " + syncPort, "protocol = postfix", "grey_delay = 1",
                "filter_bits = 20", "number_buffers = 8", "rotate_interval = 3600"));
        Files.setPosixFilePermissions(conf, PosixFilePermissions.fromString("rw-r--r--"));
        return new ProcessBuilder(grossd, "-d", "-f", conf.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("grossd.log").toFile()).start();
    }

    private String log() throws IOException {
        return Files.readString(dir.resolve("grossd.log"));
    }

    static Map<String, String> req(String ip, String sender) {
        return Map.of("client_address", ip, "sender", sender, "recipient", "bob@example.org");
    }

    static Result ask(GreylistService n, String ip, String from) {
        return n.engine().decide(Query.of(ip, from, "bob@example.org")).result();
    }

    private void waitFor(InetSocketAddress a, Process p) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (!p.isAlive()) throw new AssertionError("grossd exited: " + log());
            try (Socket s = new Socket()) {
                s.connect(a, 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("grossd did not open its policy port (never in sync?): " + log());
    }
}
