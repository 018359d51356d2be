package dev.spamward.greylist.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spamward.greylist.GreylistService;
import dev.spamward.greylist.TestConfig;
import dev.spamward.greylist.engine.Result;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The policy door on a unix-domain socket: answers, permissions, stale and busy socket files, idle timeout. */
class UnixListenerTest {
    private static final String REQUEST = "request=smtpd_access_policy\nprotocol_state=RCPT\nclient_address=192.0.2.10\n"
            + "client_name=mail.example.net\nhelo_name=mail.example.net\nsender=alice@example.net\nrecipient=bob@example.org\n\n";

    @TempDir
    Path dir;

    private static String ask(Path socket, String request) throws IOException {
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            ch.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer b = ByteBuffer.allocate(4096);
            StringBuilder sb = new StringBuilder();
            while (!sb.toString().endsWith("\n\n") && ch.read(b) > 0) {
                b.flip();
                sb.append(StandardCharsets.US_ASCII.decode(b));
                b.clear();
            }
            return sb.toString();
        }
    }

    private static String[] settings(Path sock, String... more) {
        String[] base = {"greylist.milter.enabled=false", "greylist.sjsms.enabled=false", "greylist.policy.listen=127.0.0.1:0",
            "greylist.policy.socket=" + sock};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void policyAnswersOnTheUnixSocketWithTheConfiguredModeAndRemovesItOnClose() throws Exception {
        Path sock = dir.resolve("policy.sock");
        try (GreylistService gl = GreylistService.start(TestConfig.of(settings(sock, "greylist.socket_mode=0640")))) {
            assertThat(gl.policy().unixPath()).isEqualTo(sock);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sock))).isEqualTo("rw-r-----");
            assertThat(ask(sock, REQUEST)).startsWith("action=DEFER_IF_PERMIT");
            assertThat(gl.engine().stats().answers(Result.GREY)).isEqualTo(1);
        }
        assertThat(sock).doesNotExist();
    }

    @Test
    void aStaleSocketFileIsReplacedAndALiveOneIsNot() throws Exception {
        Path sock = dir.resolve("stale.sock");
        ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        dead.bind(UnixDomainSocketAddress.of(sock));
        dead.close(); // the file stays, as after a crash
        assertThat(sock).exists();
        try (GreylistService gl = GreylistService.start(TestConfig.of(settings(sock)))) {
            assertThat(ask(sock, REQUEST)).startsWith("action=");
            assertThatThrownBy(() -> GreylistService.start(TestConfig.of(settings(sock))))
                    .isInstanceOf(IOException.class).hasMessageContaining("another process is listening");
            assertThat(ask(sock, REQUEST)).startsWith("action="); // still served by the first
        }
        Path plain = dir.resolve("plain");
        Files.writeString(plain, "x");
        assertThatThrownBy(() -> GreylistService.start(TestConfig.of(settings(plain))))
                .isInstanceOf(IOException.class).hasMessageContaining("not a socket");
        assertThat(plain).hasContent("x");
    }

    @Test
    void idleUnixConnectionsAreClosed() throws Exception {
        Path sock = dir.resolve("idle.sock");
        try (GreylistService gl = GreylistService.start(TestConfig.of(settings(sock, "greylist.idle_timeout=300ms")));
             SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(sock))) {
            long start = System.nanoTime();
            assertThat(ch.read(ByteBuffer.allocate(16))).isEqualTo(-1); // closed by the server, not by us
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(200L, 10_000L);
        }
    }

    @Test
    void badModesAreRejected() {
        assertThatThrownBy(() -> UnixListener.checkMode("rw-rw----")).hasMessageContaining("octal");
        assertThatThrownBy(() -> UnixListener.checkMode("01777")).hasMessageContaining("0000..0777");
        assertThat(UnixListener.permissions("0640")).hasSize(3);
    }
}
