package dev.spamward.greylist.milter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spamward.greylist.GreylistService;
import dev.spamward.greylist.TestConfig;
import dev.spamward.greylist.client.MilterClient;
import dev.spamward.greylist.peers.Peers;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The milter front door, driven by Debian's real miltertest (Lua) and by a Java MTA-side client. */
class MilterServerTest {
    @TempDir
    Path dir;
    GreylistService service;
    InetSocketAddress addr;

    @BeforeEach
    void start() throws IOException {
        service = GreylistService.start(TestConfig.of("greylist.grey_delay=1s", "greylist.policy.enabled=false",
                "greylist.sjsms.enabled=false"));
        addr = service.milter().address();
    }

    @AfterEach
    void stop() {
        service.close();
    }

    String miltertest(String ip, String from, String rcpt) throws Exception {
        String bin = Peers.require("miltertest", "miltertest");
        Path script = dir.resolve("greylist.lua");
        if (!Files.exists(script)) {
            try (InputStream in = MilterServerTest.class.getResourceAsStream("miltertest-greylist.lua")) {
                Files.write(script, in.readAllBytes());
            }
        }
        Process p = new ProcessBuilder(bin, "-v", "-D", "port=" + addr.getPort(), "-D", "ip=" + ip, "-D", "from=" + from,
                "-D", "rcpt=" + rcpt, "-s", script.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("miltertest output:\n%s", out).isZero();
        return out;
    }

    @Test
    void miltertestSeesReplyCodeThenContinueAfterTheDelay() throws Exception {
        String first = miltertest("192.0.2.10", "alice@example.net", "bob@example.org");
        assertThat(first).contains("RCPT -> SMFIR_REPLYCODE");
        Thread.sleep(1800);
        String retry = miltertest("192.0.2.77", "Alice@Example.NET", "BOB@example.org");
        assertThat(retry).contains("RCPT -> SMFIR_CONTINUE");
    }

    @Test
    void miltertestIpv6IsCheckedNotAccepted() throws Exception {
        String out = miltertest("2001:db8::25", "alice@example.net", "bob@example.org");
        assertThat(out).doesNotContain("SMFIR_ACCEPT").contains("RCPT -> SMFIR_REPLYCODE");
    }

    @Test
    void replyTextAndPolicyMilterTripletsMatch() throws Exception {
        try (MilterClient c = new MilterClient(addr, 5000)) {
            MilterClient.Reply r = c.query("mail.example.net", "192.0.2.10", "mail.example.net", "carol@example.net", "dave@example.org");
            assertThat(r.command()).isEqualTo('y');
            assertThat(r.text()).isEqualTo("452 4.4.3 Please try again later");
        }
        Thread.sleep(1800);
        try (MilterClient c = new MilterClient(addr, 5000)) {
            assertThat(c.query("mail.example.net", "192.0.2.10", "mail.example.net", "Carol@example.NET", "dave@example.org")
                    .command()).isEqualTo('c');
        }
        // The policy path sees the same triplet as known.
        var v = service.engine().decide(dev.spamward.greylist.engine.Query.of("192.0.2.10", "carol@example.net", "dave@example.org"));
        assertThat(v.result()).isEqualTo(dev.spamward.greylist.engine.Result.MATCH);
    }

    @Test
    void secondMailFromInOneConnectionUsesTheNewSender() throws Exception {
        try (MilterClient c = new MilterClient(addr, 5000)) {
            assertThat(c.query("h", "192.0.2.10", "h.example", "first@example.net", "r@example.org").command()).isEqualTo('y');
        }
        Thread.sleep(1800);
        try (MilterClient c = new MilterClient(addr, 5000)) {
            c.query("h", "192.0.2.10", "h.example", "first@example.net", "r@example.org");
            c.send('A', new byte[0]);
            c.send('M', "<second@example.net>\0".getBytes(StandardCharsets.UTF_8));
            assertThat(c.read().command()).isEqualTo('c');
            c.send('R', "<r@example.org>\0".getBytes(StandardCharsets.UTF_8));
            assertThat(c.read().command()).as("new sender, new triplet").isEqualTo('y');
        }
    }

    @Test
    void unixSocketClientsAreAcceptedAtConnect() throws Exception {
        try (MilterClient c = new MilterClient(addr, 5000)) {
            c.send('O', new byte[] {0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0, 0});
            assertThat(c.read().command()).isEqualTo('O');
            c.send('C', "localhost\0L\0\0/var/run/x\0".getBytes(StandardCharsets.UTF_8));
            assertThat(c.read().command()).isEqualTo('a');
        }
    }

    @Test
    void badPacketsCloseTheConnectionAndTheServerKeepsServing() throws Exception {
        for (byte[] junk : new byte[][] {
                {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 'O'},
                {0, 0, 0, 0},
                {0, 0, 0, 1, 'Z'},
                "GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)}) {
            try (Socket s = new Socket(addr.getAddress(), addr.getPort())) {
                s.setSoTimeout(5000);
                s.getOutputStream().write(junk);
                s.getOutputStream().flush();
                assertThat(s.getInputStream().read()).isEqualTo(-1);
            }
        }
        try (MilterClient c = new MilterClient(addr, 5000)) {
            assertThat(c.query("h", "192.0.2.50", "h.example", "z@example.net", "r@example.org").command()).isEqualTo('y');
        }
        assertThat(service.engine().stats().errors()).containsKey("malformed");
    }
}
