package dev.spamward.greylist.sjsms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spamward.greylist.GreylistService;
import dev.spamward.greylist.TestConfig;
import dev.spamward.greylist.client.SjsmsClient;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** grossd's sjsms UDP protocol: the answers verified with grossd 1.0.2 (greylisting.md §4.1). */
class SjsmsServerTest {
    GreylistService service;
    InetSocketAddress addr;

    @BeforeEach
    void start() throws IOException {
        service = GreylistService.start(TestConfig.of("greylist.grey_delay=1s", "greylist.policy.enabled=false",
                "greylist.milter.enabled=false", "greylist.whitelist_client=198.51.100.10"));
        addr = service.sjsms().address();
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void greyThenMatchLikeGrossd() throws Exception {
        byte[] q = SjsmsClient.query("carol@example.net", "dave@example.org", "198.51.100.7", "mx.example.net");
        assertThat(SjsmsClient.ask(addr, q, 3000)).isEqualTo("G $X4.4.3|$NPlease$ try$ again$ later");
        Thread.sleep(1800);
        assertThat(SjsmsClient.ask(addr, q, 3000)).isEqualTo("M $Y");
        assertThat(SjsmsClient.ask(addr, SjsmsClient.query("a@example.net", "b@example.org", "198.51.100.10", ""), 3000))
                .isEqualTo("T $Y");
    }

    /** Checks slower than a second: a 'P' (progress) datagram first, then the answer. */
    @Test
    void slowChecksSendProgressFirst() throws Exception {
        try (DatagramSocket blackhole = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress());
             GreylistService slow = GreylistService.start(TestConfig.of("greylist.policy.enabled=false",
                     "greylist.milter.enabled=false", "greylist.check=dnsbl", "greylist.dnsbl=dnsbl.test",
                     "greylist.dns_servers=127.0.0.1:" + blackhole.getLocalPort(), "greylist.query_timelimit=1500ms"));
             DatagramSocket s = new DatagramSocket()) {
            s.setSoTimeout(5000);
            byte[] q = SjsmsClient.query("a@example.net", "b@example.org", "198.51.100.66", "");
            s.send(new DatagramPacket(q, q.length, slow.sjsms().address()));
            DatagramPacket p = new DatagramPacket(new byte[100], 100);
            s.receive(p);
            assertThat(new String(p.getData(), 0, p.getLength(), StandardCharsets.US_ASCII)).isEqualTo("P");
            s.receive(p);
            assertThat(new String(p.getData(), 0, p.getLength(), StandardCharsets.US_ASCII)).isEqualTo("T $Y");
        }
    }

    @Test
    void legacyBinaryQuery() throws Exception {
        byte[] strings = "s@example.net\0r@example.org\0192.0.2.5\0".getBytes(StandardCharsets.US_ASCII);
        byte[] d = new byte[12 + strings.length];
        d[1] = 0; // QUERY (legacy)
        d[3] = (byte) (8 + strings.length);
        d[5] = (byte) (8 + strings.length);
        d[7] = 0;   // sender at 0
        d[9] = 14;  // recipient
        d[11] = 28; // client address
        System.arraycopy(strings, 0, d, 12, strings.length);
        assertThat(SjsmsClient.ask(addr, d, 3000)).startsWith("G ");
    }

    @Test
    void malformedDatagramsGetFAndLogMessagesNoAnswer() throws Exception {
        assertThat(SjsmsClient.ask(addr, new byte[] {1, 2, 3}, 3000)).isEqualTo("F");
        assertThat(SjsmsClient.ask(addr, new byte[] {0, 2, 0, 5, 'j', 'u', 'n', 'k', '!'}, 3000)).isEqualTo("F");
        assertThat(SjsmsClient.ask(addr, new byte[] {0, 9, 0, 0}, 3000)).isEqualTo("F");
        byte[] log = {0, 1, 0, 5, 'h', 'e', 'l', 'l', 'o'};
        try (DatagramSocket s = new DatagramSocket()) {
            s.setSoTimeout(500);
            s.send(new DatagramPacket(log, log.length, addr));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.receive(new DatagramPacket(new byte[100], 100)))
                    .isInstanceOf(SocketTimeoutException.class);
        }
        byte[] huge = new byte[60_000];
        huge[1] = 2;
        huge[2] = (byte) 0xff;
        huge[3] = (byte) 0xff;
        assertThat(SjsmsClient.ask(addr, huge, 3000)).isEqualTo("F");
        assertThat(SjsmsClient.ask(addr, SjsmsClient.query("a@example.net", "b@example.org", "192.0.2.1", ""), 3000)).startsWith("G ");
    }
}
