package dev.spamward.greylist.sync;

import dev.spamward.greylist.engine.Greylister;
import dev.spamward.greylist.net.TcpListener;
import dev.spamward.greylist.state.BloomRing;
import dev.spamward.greylist.state.Digest;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replication with a grossd 1.0.x peer, in grossd's own wire format (greylisting.md §7), so that a
 * Spamward node and a grossd node can run side by side during a migration. One bidirectional TCP
 * connection; big-endian integers:
 *
 * <pre>
 * accepting (running) node -> joining node   u32 filter_bits, u32 number_buffers
 *                                            per buffer i, per 1024-bit chunk: i32 type 0, u32 length 136,
 *                                              i32 i, u32 chunk index, 32 x u32 filter words
 *                                            i32 type 2, u32 length 0 (end of the dump)
 * both ways, afterwards                      i32 type 1, u32 length 32, the 32-byte SHA-256 of the key
 * </pre>
 *
 * A filter word j holds bits 32j..32j+31 (bit b at value bit b%32). Updates from the peer go through our
 * own delay queue, as grossd does. grossd dials its peer once at start-up, binding its {@code sync_listen}
 * address, and accepts only its {@code sync_peer}: so our outgoing connections bind our listen address,
 * and we accept only the peer's. Unlike grossd we redial after a drop.
 */
public final class GrossdSync implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GrossdSync.class);
    static final int STARTUP_SYNC = 0, OPER_SYNC = 1, AGGREGATE_SYNC = 2;
    private static final int CHUNK_INTS = 32;

    private final InetSocketAddress listen;
    private final InetSocketAddress peer;
    private final BloomRing ring;
    private final Greylister engine;
    private final ServerSocket server;
    private final ArrayBlockingQueue<int[]> outgoing = new ArrayBlockingQueue<>(65_536);
    private final Object sessionLock = new Object();
    private Socket session;
    private volatile boolean active;
    private volatile boolean redial;
    private volatile boolean closed;
    private final Thread dialer;
    private final Thread acceptor;
    private final LongAdder sent = new LongAdder();
    private final LongAdder received = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder dumps = new LongAdder();

    private GrossdSync(InetSocketAddress listen, InetSocketAddress peer, BloomRing ring, Greylister engine, ServerSocket server) {
        this.listen = listen;
        this.peer = peer;
        this.ring = ring;
        this.engine = engine;
        this.server = server;
        this.dialer = Thread.ofPlatform().daemon().name("spamward-grossd-sync-dial").unstarted(this::dialLoop);
        this.acceptor = PeerAcceptor.thread("spamward-grossd-sync", server, peer, () -> closed, this::serveAccepted);
    }

    /** Listens on {@code listen}, dials {@code peer}, and hooks into the engine's inserts. */
    public static GrossdSync start(InetSocketAddress listen, InetSocketAddress peer, BloomRing ring, Greylister engine)
            throws IOException {
        if (ring.bits() < 10) throw new IllegalArgumentException("grossd replication needs filter_bits >= 10");
        GrossdSync g = new GrossdSync(listen, peer, ring, engine, TcpListener.bind("grossd replication", listen, 4));
        engine.addInsertListener(g::offer);
        g.acceptor.start();
        g.dialer.start();
        return g;
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    /** Whether a session with the peer is up. */
    public boolean connected() {
        return active;
    }

    private void offer(int[] digest) {
        if (active && !outgoing.offer(digest)) dropped.increment();
    }

    private boolean claim(Socket s) {
        synchronized (sessionLock) {
            if (session != null || closed) return false;
            session = s;
            return true;
        }
    }

    private void release(Socket s) {
        synchronized (sessionLock) {
            if (session == s) session = null;
        }
        active = false;
    }

    private boolean busy() {
        synchronized (sessionLock) {
            return session != null;
        }
    }

    /**
     * grossd's roles: the node that starts later dials, the running one accepts and sends its filters. So
     * we dial once at start-up, and again (with back-off) only after a session ended, when the peer is
     * the running node; a grossd that starts later dials us.
     */
    private void dialLoop() {
        long backoff = 1000;
        boolean dial = true;
        while (!closed) {
            if (dial && !busy()) {
                try (Socket s = new Socket()) {
                    s.bind(new InetSocketAddress(InetAddress.getByName(listen.getHostString()), 0));
                    s.connect(new InetSocketAddress(InetAddress.getByName(peer.getHostString()), peer.getPort()), 5000);
                    if (claim(s)) {
                        backoff = 1000;
                        try {
                            join(s);
                        } finally {
                            release(s);
                        }
                    }
                } catch (IOException e) {
                    if (!closed) LOG.debug("grossd replication: {} unavailable: {}", peerName(), e.toString());
                }
                dial = redial;
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                return;
            }
            if (redial) dial = true;
            backoff = Math.min(backoff * 2, 10_000);
        }
    }

    private void serveAccepted(Socket s) throws IOException {
        if (!claim(s)) {
            LOG.info("grossd replication: already in session; refusing a second connection");
            return;
        }
        try {
            lead(s);
        } finally {
            release(s);
        }
    }

    /** We are the running node: send config and our dump, then exchange updates. */
    private void lead(Socket s) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(s.getOutputStream(), 65_536));
        outgoing.clear();
        active = true;
        out.writeInt(ring.bits());
        out.writeInt(ring.buffers());
        for (int i = 0; i < ring.buffers(); i++) {
            long[] f = ring.copyBuffer(i);
            for (int chunk = 0; chunk < f.length / 16; chunk++) {
                out.writeInt(STARTUP_SYNC);
                out.writeInt(8 + 4 * CHUNK_INTS);
                out.writeInt(i);
                out.writeInt(chunk);
                for (int k = 0; k < 16; k++) {
                    long w = f[chunk * 16 + k];
                    out.writeInt((int) w);
                    out.writeInt((int) (w >>> 32));
                }
            }
        }
        out.writeInt(AGGREGATE_SYNC);
        out.writeInt(0);
        out.flush();
        LOG.info("grossd replication: sent our filters to {}", peerName());
        exchange(s, new DataInputStream(new BufferedInputStream(s.getInputStream(), 65_536)), out);
    }

    /** We joined a running grossd: read its config and dump, then exchange updates. */
    private void join(Socket s) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream(), 65_536));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(s.getOutputStream(), 65_536));
        s.setSoTimeout(60_000);
        int bits = in.readInt();
        int n = in.readInt();
        if (bits != ring.bits() || n != ring.buffers()) {
            LOG.error("grossd replication: configs differ: {} has filter_bits={} number_buffers={}, we have {} and {}",
                    peerName(), bits, n, ring.bits(), ring.buffers());
            return;
        }
        outgoing.clear();
        active = true;
        long[] words = new long[16];
        while (true) {
            int type = in.readInt();
            int len = in.readInt();
            if (type == AGGREGATE_SYNC) break;
            if (type == OPER_SYNC && len == 32) {
                update(in);
                continue;
            }
            if (type != STARTUP_SYNC || len != 8 + 4 * CHUNK_INTS) throw new IOException("unexpected message " + type + "/" + len);
            int buffer = in.readInt();
            int chunk = in.readInt();
            if (buffer < 0 || buffer >= n || chunk < 0 || (long) (chunk + 1) * 16 > ring.words()) {
                throw new IOException("bad dump chunk " + buffer + "/" + chunk);
            }
            for (int k = 0; k < 16; k++) {
                long lo = in.readInt() & 0xffffffffL;
                long hi = in.readInt() & 0xffffffffL;
                words[k] = lo | (hi << 32);
            }
            ring.orInto(buffer, chunk * 16, words, 0, 16);
        }
        dumps.increment();
        ring.refreshAggregate();
        LOG.info("grossd replication: filters in sync with {}", peerName());
        s.setSoTimeout(0);
        exchange(s, in, out);
    }

    private void update(DataInputStream in) throws IOException {
        byte[] d = new byte[32];
        in.readFully(d);
        engine.insertFromPeer(Digest.words(d));
        received.increment();
    }

    /** Live updates both ways until the connection ends. */
    private void exchange(Socket s, DataInputStream in, DataOutputStream out) throws IOException {
        Thread writer = Thread.ofVirtual().name("spamward-grossd-sync-write").start(() -> {
            try {
                while (active && !closed) {
                    int[] d = outgoing.poll(1, TimeUnit.SECONDS);
                    if (d == null) continue;
                    do {
                        out.writeInt(OPER_SYNC);
                        out.writeInt(32);
                        out.write(Digest.bytes(d));
                        sent.increment();
                    } while ((d = outgoing.poll()) != null);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // Closing anyway.
                }
            }
        });
        try {
            while (!closed) {
                int type = in.readInt();
                int len = in.readInt();
                if (type == OPER_SYNC && len == 32) {
                    update(in);
                } else if (len >= 0 && len <= 1 << 16) {
                    in.skipNBytes(len);
                } else {
                    throw new IOException("unexpected message " + type + "/" + len);
                }
            }
        } finally {
            active = false;
            // A session existed and ended: the peer may be running alone now, so try to rejoin it.
            redial = true;
            writer.interrupt();
        }
    }

    private String peerName() {
        return peer.getHostString() + ":" + peer.getPort();
    }

    /** Status for the HTTP view. */
    public String statusJson() {
        return "{\"protocol\":\"grossd\",\"peer\":\"" + peerName() + "\",\"connected\":" + active + ",\"updates_sent\":"
                + sent.sum() + ",\"updates_received\":" + received.sum() + ",\"updates_dropped\":" + dropped.sum()
                + ",\"dumps_received\":" + dumps.sum() + "}";
    }

    @Override
    public void close() {
        closed = true;
        active = false;
        try {
            server.close();
        } catch (IOException ignored) {
            // Already closed.
        }
        synchronized (sessionLock) {
            if (session != null) {
                try {
                    session.close();
                } catch (IOException ignored) {
                    // Already closed.
                }
            }
        }
        dialer.interrupt();
    }
}
