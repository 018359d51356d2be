package dev.spamward.server;

import dev.spamward.core.config.Config;
import dev.spamward.core.config.ConfigLoader;
import dev.spamward.core.config.ConfigSchema;
import dev.spamward.dcc.client.FakeDccServer;
import dev.spamward.pyzor.testing.Pyzord;
import dev.spamward.razor.client.FakeRazorServer;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The whole DRP stack in one process, for {@link RspamdPluginTest}, which starts it inside a
 * loopback-only network namespace (rspamd runs there too): an NXDOMAIN DNS stub on 127.0.0.1:53, the DCC
 * and Razor test servers, a real pyzord, and {@code spamward serve}'s {@link Services} pointed at them.
 * Reports the spam message once, prints {@code REPORT <json>} and {@code READY <port>}, and runs until
 * its standard input closes.
 *
 * <p>Arguments: work directory, token, spam message file.
 */
public final class DrpStackMain {
    private DrpStackMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String token = args[1];
        byte[] spam = Files.readAllBytes(Path.of(args[2]));
        try (DatagramSocket dns = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 53));
             FakeDccServer dcc = new FakeDccServer();
             FakeRazorServer razor = FakeRazorServer.onFreePort().rememberReports();
             Pyzord pyzord = Pyzord.start(Files.createDirectories(dir.resolve("pyzord")), null, null)) {
            Thread.ofPlatform().daemon().name("dns-stub").start(() -> answerNxdomain(dns));
            Config config = new ConfigLoader(ConfigSchema.discover()).load(null, Map.of(), List.of(
                    HttpEndpointTest.GREYLIST_OFF[0], HttpEndpointTest.GREYLIST_OFF[1], HttpEndpointTest.GREYLIST_OFF[2],
                    "http.listen=127.0.0.1:0", "drp.token=" + token,
                    "dcc.servers=127.0.0.1:" + dcc.port(), "razor.servers=" + razor.address(),
                    "razor.user=alice", "razor.pass=secretpass", "razor.home=" + dir,
                    "pyzor.servers=" + pyzord.server(), "pyzor.homedir=" + dir));
            try (Services s = Services.start(config)) {
                int port = s.http().address().getPort();
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/report")).header("X-DRP-Token", token)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(spam)).build(), HttpResponse.BodyHandlers.ofString());
                System.out.println("REPORT " + r.body());
                System.out.println("READY " + port);
                System.out.flush();
                while (System.in.read() >= 0) {
                    // runs until the test closes our standard input
                }
            }
        }
    }

    /** Answers every DNS query with NXDOMAIN (the question echoed, no records). */
    private static void answerNxdomain(DatagramSocket s) {
        byte[] buf = new byte[1500];
        while (!s.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                s.receive(p);
                if (p.getLength() < 12) continue;
                int end = 12; // keep the header and the first question only (drops an EDNS record)
                while (end < p.getLength() && buf[end] != 0) end += (buf[end] & 0x3f) + 1;
                end += 5;
                if (end > p.getLength()) continue;
                byte[] a = Arrays.copyOf(buf, end);
                a[5] = 1; // one question
                a[2] = (byte) (0x80 | (a[2] & 0x79)); // QR, keep opcode and RD
                a[3] = (byte) 0x83; // RA, RCODE 3
                a[4] = 0;
                for (int i = 6; i < 12; i++) a[i] = 0; // no answer, authority or additional records
                s.send(new DatagramPacket(a, a.length, p.getSocketAddress()));
            } catch (IOException e) {
                return;
            }
        }
    }
}
