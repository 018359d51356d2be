package dev.spamward.greylist.net;

import dev.spamward.greylist.engine.Stats;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link StreamListener} on a unix-domain socket (Postfix {@code unix:/path} milters and policy services,
 * e.g. inside Postfix's chroot). A stale socket file left by a crash is replaced; one another process still
 * listens on is not. The file gets the configured permissions and is removed on close. Channels have no
 * read timeout, so a sweeper closes connections idle for longer than the limit.
 */
public final class UnixListener extends StreamListener {
    private final ServerSocketChannel server;
    private final Path path;
    private final Map<SocketChannel, long[]> lastRead = new ConcurrentHashMap<>();

    private UnixListener(String name, ServerSocketChannel server, Path path, Limits limits, Handler handler, Stats stats) {
        super(name, limits, handler, stats);
        this.server = server;
        this.path = path;
    }

    /**
     * Binds {@code path} with permissions {@code mode} (octal, e.g. {@code 0660}) and starts accepting.
     *
     * @throws IOException when the path cannot be bound or another process listens on it
     */
    public static UnixListener start(String name, Path path, String mode, Limits limits, Handler handler, Stats stats)
            throws IOException {
        Set<PosixFilePermission> perms = permissions(mode);
        removeStale(name, path);
        ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.bind(UnixDomainSocketAddress.of(path), 512);
            Files.setPosixFilePermissions(path, perms);
        } catch (IOException | UnsupportedOperationException e) {
            ch.close();
            throw new IOException("cannot listen for " + name + " on unix:" + path + ": " + e.getMessage(), e);
        }
        UnixListener l = new UnixListener(name, ch, path, limits, handler, stats);
        l.startAccepting();
        Thread.ofVirtual().name("spamward-" + name + "-idle").start(l::sweepIdle);
        return l;
    }

    /** Throws {@link IllegalArgumentException} unless {@code mode} is an octal mode such as {@code 0660}. */
    public static void checkMode(String mode) {
        permissions(mode);
    }

    /** Octal permission bits such as {@code 0660} as a permission set. */
    static Set<PosixFilePermission> permissions(String mode) {
        int bits;
        try {
            bits = Integer.parseInt(mode.strip(), 8);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("socket mode must be octal like 0660: " + mode);
        }
        if (bits < 0 || bits > 0777) throw new IllegalArgumentException("socket mode must be within 0000..0777: " + mode);
        Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int i = 0; i < order.length; i++) {
            if ((bits & (1 << i)) != 0) s.add(order[i]);
        }
        return s;
    }

    private static void removeStale(String name, Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        if (!"socket".equals(fileType(path))) {
            throw new IOException("cannot listen for " + name + " on unix:" + path + ": the path exists and is not a socket");
        }
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            throw new IOException("cannot listen for " + name + " on unix:" + path + ": another process is listening on it");
        } catch (java.net.ConnectException e) {
            Files.delete(path); // left behind by a process that died
        }
    }

    private static String fileType(Path path) {
        try {
            Object other = Files.readAttributes(path, "unix:mode", java.nio.file.LinkOption.NOFOLLOW_LINKS).get("mode");
            return other instanceof Integer m && (m & 0170000) == 0140000 ? "socket" : "other";
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "unknown";
        }
    }

    /** The socket's path. */
    public Path path() {
        return path;
    }

    @Override
    protected Accepted accept() throws IOException {
        SocketChannel ch = server.accept();
        long[] last = {System.nanoTime()};
        lastRead.put(ch, last);
        InputStream in = new FilterInputStream(Channels.newInputStream(ch)) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                last[0] = System.nanoTime();
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                last[0] = System.nanoTime();
                return n;
            }
        };
        return new Accepted(new Connection(in, Channels.newOutputStream(ch), "unix:" + path), () -> {
            lastRead.remove(ch);
            ch.close();
        });
    }

    /** Closes connections that have read nothing for longer than the idle limit. */
    private void sweepIdle() {
        long idle = Math.max(1, limits.idleMillis()) * 1_000_000L;
        long every = Math.clamp(limits.idleMillis() / 4, 20, 1000);
        while (!closed()) {
            try {
                Thread.sleep(every);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            lastRead.forEach((ch, last) -> {
                if (now - last[0] > idle) {
                    lastRead.remove(ch);
                    closeQuietly(ch);
                }
            });
        }
    }

    @Override
    protected void closeEndpoint() {
        closeQuietly(server);
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // Removed already or not ours to remove.
        }
    }
}
