package dev.spamward.greylist.sync;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accepting side shared by both replication protocols: accepts on the replication socket, lets only
 * the configured peer's address in (as grossd does), and serves each accepted connection on a virtual
 * thread. The handler owns the socket and closes it.
 */
final class PeerAcceptor {
    private static final Logger LOG = LoggerFactory.getLogger(PeerAcceptor.class);

    /** Serves one connection from the peer. */
    @FunctionalInterface
    interface Handler {
        void serve(Socket s) throws IOException;
    }

    private PeerAcceptor() {
    }

    /** An unstarted daemon thread running the accept loop until {@code closed} says so. */
    static Thread thread(String name, ServerSocket server, InetSocketAddress peer, BooleanSupplier closed, Handler handler) {
        return Thread.ofPlatform().daemon().name(name).unstarted(() -> {
            while (!closed.getAsBoolean()) {
                Socket s;
                try {
                    s = server.accept();
                } catch (IOException e) {
                    if (!closed.getAsBoolean()) LOG.warn("{}: accept failed: {}", name, e.toString());
                    continue;
                }
                Thread.ofVirtual().name(name + "-conn").start(() -> {
                    try (s) {
                        InetAddress expected = InetAddress.getByName(peer.getHostString());
                        if (!s.getInetAddress().equals(expected)) {
                            LOG.warn("{}: refused a connection from {} (only the peer {} may connect)", name,
                                    s.getInetAddress(), expected);
                            return;
                        }
                        handler.serve(s);
                    } catch (IOException e) {
                        if (!closed.getAsBoolean()) LOG.warn("{}: connection from {} ended: {}", name, s.getRemoteSocketAddress(), e.toString());
                    }
                });
            }
        });
    }
}
