package dev.spamward.pyzor.testing;

import dev.spamward.pyzor.account.PyzorServer;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A scripted UDP peer on 127.0.0.1: for every request it answers what {@code reply} returns (given the
 * request text; {@code null} = stay silent). For malformed-reply and timeout tests.
 */
public final class FakeUdpServer implements AutoCloseable {
    private final DatagramSocket socket;
    private final Thread thread;
    private final AtomicInteger requests = new AtomicInteger();

    public FakeUdpServer(Function<String, byte[]> reply) throws SocketException {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        thread = Thread.ofVirtual().start(() -> {
            byte[] buf = new byte[65536];
            while (!socket.isClosed()) {
                try {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    socket.receive(p);
                    requests.incrementAndGet();
                    byte[] out = reply.apply(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
                    if (out != null) socket.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    /** The {@code Thread} value of a request text. */
    public static String thread(String request) {
        for (String line : request.split("\n")) {
            if (line.startsWith("Thread: ")) return line.substring(8);
        }
        return "0";
    }

    public PyzorServer server() {
        return new PyzorServer("127.0.0.1", socket.getLocalPort());
    }

    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        socket.close();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
