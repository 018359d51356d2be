package dev.spamward.greylist.net;

import dev.spamward.greylist.engine.Stats;
import java.io.Closeable;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accept loop shared by the policy and milter front doors on TCP ({@link TcpListener}) and on unix-domain
 * sockets ({@link UnixListener}): one virtual thread per connection, a bound on open connections (further
 * ones are closed at once and counted), an idle timeout, and a handler that may throw without harming the
 * server.
 */
public abstract class StreamListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamListener.class);

    /**
     * Connection limits.
     *
     * @param maxConnections open connections at most
     * @param maxRequest     largest request or packet in bytes
     * @param idleMillis     idle timeout
     */
    public record Limits(int maxConnections, long maxRequest, int idleMillis) {
    }

    /** Serves one connection; the listener closes it afterwards. */
    @FunctionalInterface
    public interface Handler {
        void serve(Connection connection) throws IOException;
    }

    /** An accepted connection and what closes it. */
    protected record Accepted(Connection connection, Closeable transport) {
    }

    protected final String name;
    protected final Limits limits;
    private final Handler handler;
    private final Stats stats;
    private final AtomicInteger open = new AtomicInteger();
    private final Set<Closeable> transports = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    protected StreamListener(String name, Limits limits, Handler handler, Stats stats) {
        this.name = name;
        this.limits = limits;
        this.handler = handler;
        this.stats = stats;
        this.acceptor = Thread.ofPlatform().daemon().name("spamward-" + name + "-accept").unstarted(this::acceptLoop);
    }

    /** Starts accepting; subclasses call it once bound. */
    protected final void startAccepting() {
        acceptor.start();
    }

    /** Blocks until a client connects. */
    protected abstract Accepted accept() throws IOException;

    /** Closes the listening endpoint, which ends {@link #accept()}. */
    protected abstract void closeEndpoint();

    /** Connections open now. */
    public int openConnections() {
        return open.get();
    }

    protected final boolean closed() {
        return closed;
    }

    private void acceptLoop() {
        while (!closed) {
            Accepted a;
            try {
                a = accept();
            } catch (ClosedChannelException e) {
                continue;
            } catch (IOException e) {
                if (!closed) LOG.warn("{}: accept failed: {}", name, e.toString());
                continue;
            }
            if (open.incrementAndGet() > limits.maxConnections()) {
                open.decrementAndGet();
                stats.error("connections");
                LOG.warn("{}: {} connections open (greylist.max_connections); closing a new one from {}", name,
                        limits.maxConnections(), a.connection().peer());
                closeQuietly(a.transport());
                continue;
            }
            transports.add(a.transport());
            Thread.ofVirtual().name("spamward-" + name).start(() -> run(a));
        }
    }

    private void run(Accepted a) {
        String peer = a.connection().peer();
        try (Closeable t = a.transport()) {
            handler.serve(a.connection());
        } catch (SocketTimeoutException e) {
            LOG.debug("{}: idle connection from {} closed", name, peer);
        } catch (SocketException | ClosedChannelException e) {
            LOG.debug("{}: connection from {} ended: {}", name, peer, e.toString());
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: connection from {} failed: {}", name, peer, e.toString());
        } finally {
            transports.remove(a.transport());
            open.decrementAndGet();
        }
    }

    protected static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // Nothing to do.
        }
    }

    @Override
    public void close() {
        closed = true;
        closeEndpoint();
        for (Closeable c : transports) closeQuietly(c);
    }
}
