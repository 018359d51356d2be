package dev.spamward.greylist.net;

import dev.spamward.greylist.engine.Stats;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP accept loop shared by the policy and milter front doors: one virtual thread per connection, a
 * bound on open connections (further ones are closed at once and counted), an idle timeout, and a
 * handler that may throw without harming the server.
 */
public final class TcpListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TcpListener.class);

    /**
     * Connection limits.
     *
     * @param maxConnections open connections at most
     * @param maxRequest     largest request or packet in bytes
     * @param idleMillis     idle timeout
     */
    public record Limits(int maxConnections, long maxRequest, int idleMillis) {
    }

    /** Serves one connection; the listener closes the socket afterwards. */
    @FunctionalInterface
    public interface Handler {
        void serve(Socket socket) throws IOException;
    }

    private final String name;
    private final ServerSocket server;
    private final Limits limits;
    private final Handler handler;
    private final Stats stats;
    private final AtomicInteger open = new AtomicInteger();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    private TcpListener(String name, ServerSocket server, Limits limits, Handler handler, Stats stats) {
        this.name = name;
        this.server = server;
        this.limits = limits;
        this.handler = handler;
        this.stats = stats;
        this.acceptor = Thread.ofPlatform().daemon().name("spamward-" + name + "-accept").unstarted(this::acceptLoop);
    }

    /** Binds and starts accepting. */
    public static TcpListener start(String name, InetSocketAddress listen, Limits limits, Handler handler, Stats stats)
            throws IOException {
        ServerSocket ss = bind(name, listen, 512);
        TcpListener l = new TcpListener(name, ss, limits, handler, stats);
        l.acceptor.start();
        return l;
    }

    /** A bound server socket; the error names the service and the address. */
    public static ServerSocket bind(String name, InetSocketAddress listen, int backlog) throws IOException {
        ServerSocket ss = new ServerSocket();
        ss.setReuseAddress(true);
        try {
            InetAddress host = listen.isUnresolved() ? InetAddress.getByName(listen.getHostString()) : listen.getAddress();
            ss.bind(new InetSocketAddress(host, listen.getPort()), backlog);
        } catch (IOException e) {
            ss.close();
            throw new IOException("cannot listen for " + name + " on " + listen.getHostString() + ":" + listen.getPort()
                    + ": " + e.getMessage(), e);
        }
        return ss;
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    /** Connections open now. */
    public int openConnections() {
        return open.get();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                if (!closed) LOG.warn("{}: accept failed: {}", name, e.toString());
                continue;
            }
            if (open.incrementAndGet() > limits.maxConnections()) {
                open.decrementAndGet();
                stats.error("connections");
                LOG.warn("{}: {} connections open (greylist.max_connections); closing a new one from {}", name,
                        limits.maxConnections(), s.getRemoteSocketAddress());
                closeQuietly(s);
                continue;
            }
            sockets.add(s);
            Thread.ofVirtual().name("spamward-" + name).start(() -> run(s));
        }
    }

    private void run(Socket s) {
        try (s) {
            s.setSoTimeout(limits.idleMillis());
            s.setTcpNoDelay(true);
            handler.serve(s);
        } catch (SocketTimeoutException e) {
            LOG.debug("{}: idle connection from {} closed", name, s.getRemoteSocketAddress());
        } catch (SocketException e) {
            LOG.debug("{}: connection from {} ended: {}", name, s.getRemoteSocketAddress(), e.toString());
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: connection from {} failed: {}", name, s.getRemoteSocketAddress(), e.toString());
        } finally {
            sockets.remove(s);
            open.decrementAndGet();
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // Nothing to do.
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // Already closed.
        }
        for (Socket s : sockets) closeQuietly(s);
    }
}
