package dev.spamward.greylist.net;

import dev.spamward.greylist.engine.Stats;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * One stream protocol's listeners: always a TCP address, optionally also a unix-domain socket, both served by
 * the same handler with the same limits.
 */
public final class StreamDoors implements AutoCloseable {
    private final String name;
    private final StreamListener.Limits limits;
    private final StreamListener.Handler handler;
    private final Stats stats;
    private final TcpListener tcp;
    private volatile UnixListener unix;

    /** Binds {@code listen} (port 0 = any free port) and starts serving. */
    public StreamDoors(String name, InetSocketAddress listen, StreamListener.Limits limits, StreamListener.Handler handler,
                       Stats stats) throws IOException {
        this.name = name;
        this.limits = limits;
        this.handler = handler;
        this.stats = stats;
        this.tcp = TcpListener.start(name, listen, limits, handler, stats);
    }

    /** Also serves on a unix-domain socket with file permissions {@code mode} (octal). */
    public synchronized void listenUnix(Path path, String mode) throws IOException {
        if (unix != null) throw new IllegalStateException("already listening on " + unix.path());
        unix = UnixListener.start(name, path, mode, limits, handler, stats);
    }

    /** The bound TCP address. */
    public InetSocketAddress address() {
        return tcp.address();
    }

    /** Connections open now on both. */
    public int openConnections() {
        UnixListener u = unix;
        return tcp.openConnections() + (u == null ? 0 : u.openConnections());
    }

    /** The unix-domain socket served, or null. */
    public Path unixPath() {
        UnixListener u = unix;
        return u == null ? null : u.path();
    }

    @Override
    public void close() {
        tcp.close();
        UnixListener u = unix;
        if (u != null) u.close();
    }
}
