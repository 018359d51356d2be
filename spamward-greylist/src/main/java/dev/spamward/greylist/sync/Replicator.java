package dev.spamward.greylist.sync;

import dev.spamward.greylist.engine.Greylister;
import dev.spamward.greylist.net.TcpListener;
import dev.spamward.greylist.state.BloomRing;
import dev.spamward.greylist.state.Digest;
import dev.spamward.greylist.state.PendingTable;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two-node replication of the greylisting state (wire format in {@link SyncProtocol}). A dialer thread
 * keeps a connection to the peer (reconnecting with back-off) and pushes a full dump, then every insert;
 * an acceptor receives the peer's stream. The query path only offers digests to a bounded queue, so a
 * slow or dead peer never slows answers; what is dropped while the peer is away comes back with the
 * dump of the next connection.
 */
public final class Replicator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Replicator.class);
    private static final int QUEUE = 65_536;
    private static final int PING_SECONDS = 15;

    private final InetSocketAddress peer;
    private final String secret;
    private final BloomRing ring;
    private final Greylister engine;
    private final ServerSocket server;
    private final ArrayBlockingQueue<Outgoing> outgoing = new ArrayBlockingQueue<>(QUEUE);
    private final Thread dialer;
    private final Thread acceptor;
    private final SecureRandom random = new SecureRandom();
    private volatile boolean streaming;
    private volatile boolean peerConnected;
    private volatile boolean closed;
    private volatile Socket out;
    private volatile Socket in;
    private final LongAdder sent = new LongAdder();
    private final LongAdder received = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder dumpsSent = new LongAdder();
    private final LongAdder dumpsReceived = new LongAdder();

    private Replicator(InetSocketAddress peer, String secret, BloomRing ring, Greylister engine, ServerSocket server) {
        this.peer = peer;
        this.secret = secret;
        this.ring = ring;
        this.engine = engine;
        this.server = server;
        this.dialer = Thread.ofPlatform().daemon().name("spamward-sync-out").unstarted(this::dialLoop);
        this.acceptor = PeerAcceptor.thread("spamward-sync-in", server, peer, () -> closed, this::receive);
    }

    /** Listens on {@code listen}, starts dialling {@code peer} and hooks into the engine's inserts. */
    public static Replicator start(InetSocketAddress listen, InetSocketAddress peer, String secret, BloomRing ring,
                                   Greylister engine) throws IOException {
        ServerSocket ss = TcpListener.bind("replication", listen, 4);
        Replicator r = new Replicator(peer, secret, ring, engine, ss);
        engine.addInsertListener(d -> r.offer(new Outgoing(SyncProtocol.UPDATE, d)));
        engine.addFirstSightingListener(d -> r.offer(new Outgoing(SyncProtocol.FIRST_SIGHTING, d)));
        r.acceptor.start();
        r.dialer.start();
        return r;
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    /** One queued message: an insert or a retry-window first attempt, by its triplet digest. */
    private record Outgoing(byte type, int[] digest) {
    }

    /** Called on the query path: never blocks. */
    private void offer(Outgoing o) {
        if (!streaming) return; // the next connection's dump carries it
        if (!outgoing.offer(o)) dropped.increment();
    }

    // ---- sending side ----

    private void dialLoop() {
        long backoff = 500;
        while (!closed) {
            try (Socket s = new Socket()) {
                out = s;
                s.connect(new InetSocketAddress(InetAddress.getByName(peer.getHostString()), peer.getPort()), 5000);
                s.setSoTimeout(30_000);
                s.setTcpNoDelay(true);
                backoff = 500;
                push(s);
            } catch (IOException e) {
                if (!closed) LOG.debug("replication to {} unavailable: {}", peerName(), e.toString());
            } finally {
                if (streaming) LOG.warn("replication to {} lost; reconnecting", peerName());
                streaming = false;
                outgoing.clear();
            }
            if (closed) return;
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                return;
            }
            backoff = Math.min(backoff * 2, 10_000);
        }
    }

    private void push(Socket s) throws IOException {
        DataInputStream din = new DataInputStream(s.getInputStream());
        DataOutputStream dout = new DataOutputStream(new BufferedOutputStream(s.getOutputStream(), 65_536));
        byte[] magic = new byte[8];
        din.readFully(magic);
        if (!Arrays.equals(magic, SyncProtocol.MAGIC)) throw new IOException(SyncProtocol.wrongMagic(magic));
        byte[] nonce = new byte[SyncProtocol.NONCE];
        din.readFully(nonce);
        dout.write(SyncProtocol.MAGIC);
        dout.writeInt(ring.bits());
        dout.writeInt(ring.buffers());
        dout.write(SyncProtocol.proof(secret, nonce));
        dout.flush();
        int ack = din.read();
        if (ack != SyncProtocol.ACK) throw new IOException("peer refused us (different filter shape or greylist.sync_secret; see its log)");
        // From now on inserts are queued, so nothing between the dump snapshot and the live stream is lost.
        outgoing.clear();
        streaming = true;
        int cur = ring.current();
        long words = 0;
        for (int age = 0; age < ring.buffers(); age++) {
            long[] f = ring.copyBuffer(Math.floorMod(cur - age, ring.buffers()));
            for (int off = 0; off < f.length; off += SyncProtocol.CHUNK_WORDS) {
                int n = Math.min(SyncProtocol.CHUNK_WORDS, f.length - off);
                if (allZero(f, off, n)) continue;
                dout.writeByte(SyncProtocol.DUMP);
                dout.writeByte(age);
                dout.writeInt(off);
                dout.writeShort(n);
                for (int k = 0; k < n; k++) dout.writeLong(f[off + k]);
                words += n;
            }
        }
        int sightings = pushFirstSightings(dout);
        dout.writeByte(SyncProtocol.END);
        dout.flush();
        dumpsSent.increment();
        LOG.info("replication: sent state to {} ({} non-empty words, {} first attempts); streaming updates", peerName(),
                words, sightings);
        // The peer never writes after its 'K': a read that returns means it closed, so notice at once
        // (wake the queue with this session's own marker; closing the socket makes the next write fail too).
        Outgoing peerClosed = new Outgoing(SyncProtocol.PING, new int[8]);
        Thread.ofVirtual().name("spamward-sync-watch").start(() -> {
            try {
                din.read();
            } catch (IOException ignored) {
                // Closed either way.
            }
            outgoing.offer(peerClosed);
            try {
                s.close();
            } catch (IOException ignored) {
                // Already closed.
            }
        });
        while (!closed) {
            Outgoing d;
            try {
                d = outgoing.poll(PING_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (d == peerClosed) throw new IOException("peer closed the connection");
            if (d == null) {
                dout.writeByte(SyncProtocol.PING);
            } else {
                do {
                    if (d == peerClosed) throw new IOException("peer closed the connection");
                    if (d.type() == SyncProtocol.UPDATE) {
                        dout.writeByte(SyncProtocol.UPDATE);
                        dout.write(Digest.bytes(d.digest()));
                    } else {
                        writeFirstSighting(dout, PendingTable.fingerprintOf(d.digest()), PendingTable.setKeyOf(d.digest()), 0);
                    }
                    sent.increment();
                } while ((d = outgoing.poll()) != null);
            }
            dout.flush();
        }
    }

    /**
     * The retry window's first attempts still inside the window, as 'F' messages; copied out of the table
     * first, so a slow peer never holds the table's locks.
     */
    private int pushFirstSightings(DataOutputStream dout) throws IOException {
        java.util.ArrayList<long[]> live = new java.util.ArrayList<>();
        engine.forEachFirstSighting((fp, setKey, age) -> live.add(new long[] {fp, setKey, age}));
        for (long[] e : live) writeFirstSighting(dout, e[0], (int) e[1], e[2]);
        return live.size();
    }

    private static void writeFirstSighting(DataOutputStream dout, long fingerprint, int setKey, long ageSeconds)
            throws IOException {
        dout.writeByte(SyncProtocol.FIRST_SIGHTING);
        dout.writeLong(fingerprint);
        dout.writeInt(setKey);
        dout.writeInt((int) Math.min(ageSeconds, Integer.MAX_VALUE));
    }

    private static boolean allZero(long[] f, int off, int n) {
        for (int k = 0; k < n; k++) if (f[off + k] != 0) return false;
        return true;
    }

    // ---- receiving side ----

    private void receive(Socket s) throws IOException {
        try {
            s.setSoTimeout(PING_SECONDS * 4 * 1000);
            DataOutputStream dout = new DataOutputStream(s.getOutputStream());
            DataInputStream din = new DataInputStream(new BufferedInputStream(s.getInputStream(), 65_536));
            byte[] nonce = new byte[SyncProtocol.NONCE];
            random.nextBytes(nonce);
            dout.write(SyncProtocol.MAGIC);
            dout.write(nonce);
            dout.flush();
            byte[] magic = new byte[8];
            din.readFully(magic);
            int bits = din.readInt();
            int n = din.readInt();
            byte[] proof = new byte[32];
            din.readFully(proof);
            if (!Arrays.equals(magic, SyncProtocol.MAGIC)) {
                LOG.warn("replication: {}: {}", s.getRemoteSocketAddress(), SyncProtocol.wrongMagic(magic));
                return;
            }
            if (bits != ring.bits() || n != ring.buffers()) {
                LOG.error("replication: peer {} has filter_bits={} number_buffers={}, we have {} and {}; configs differ",
                        s.getRemoteSocketAddress(), bits, n, ring.bits(), ring.buffers());
                return;
            }
            if (!MessageDigest.isEqual(proof, SyncProtocol.proof(secret, nonce))) {
                LOG.warn("replication: peer {} failed authentication (greylist.sync_secret differs)", s.getRemoteSocketAddress());
                return;
            }
            dout.write(SyncProtocol.ACK);
            dout.flush();
            in = s;
            peerConnected = true;
            long[] chunk = new long[SyncProtocol.CHUNK_WORDS];
            byte[] digest = new byte[32];
            while (!closed) {
                int type = din.read();
                if (type < 0) return;
                switch (type) {
                    case SyncProtocol.DUMP -> {
                        int age = din.readUnsignedByte();
                        int off = din.readInt();
                        int count = din.readUnsignedShort();
                        if (age >= ring.buffers() || count > SyncProtocol.CHUNK_WORDS || off < 0 || off + count > ring.words()) {
                            throw new IOException("bad dump chunk (age " + age + ", offset " + off + ", count " + count + ")");
                        }
                        for (int k = 0; k < count; k++) chunk[k] = din.readLong();
                        ring.orInto(Math.floorMod(ring.current() - age, ring.buffers()), off, chunk, 0, count);
                    }
                    case SyncProtocol.END -> {
                        dumpsReceived.increment();
                        ring.refreshAggregate();
                        LOG.info("replication: state received from {}; filters in sync", s.getRemoteSocketAddress());
                    }
                    case SyncProtocol.UPDATE -> {
                        din.readFully(digest);
                        engine.insertFromPeer(Digest.words(digest));
                        received.increment();
                    }
                    case SyncProtocol.FIRST_SIGHTING -> {
                        long fp = din.readLong();
                        int setKey = din.readInt();
                        long age = din.readInt() & 0xffffffffL;
                        engine.firstSightingFromPeer(fp, setKey, age);
                        received.increment();
                    }
                    case SyncProtocol.PING -> {
                        // Keep-alive only.
                    }
                    default -> throw new IOException("unknown replication message type " + type);
                }
            }
        } finally {
            if (in == s) peerConnected = false;
        }
    }

    private String peerName() {
        return peer.getHostString() + ":" + peer.getPort();
    }

    /** Whether our updates currently reach the peer. */
    public boolean streaming() {
        return streaming;
    }

    /** Whether the peer's stream currently reaches us. */
    public boolean peerConnected() {
        return peerConnected;
    }

    /** Status for the HTTP view. */
    public String statusJson() {
        return "{\"peer\":\"" + peer.getHostString() + ":" + peer.getPort() + "\",\"sending\":" + streaming
                + ",\"receiving\":" + peerConnected + ",\"updates_sent\":" + sent.sum() + ",\"updates_received\":"
                + received.sum() + ",\"updates_dropped\":" + dropped.sum() + ",\"dumps_sent\":" + dumpsSent.sum()
                + ",\"dumps_received\":" + dumpsReceived.sum() + "}";
    }

    @Override
    public void close() {
        closed = true;
        streaming = false;
        try {
            server.close();
        } catch (IOException ignored) {
            // Already closed.
        }
        for (Socket s : new Socket[] {out, in}) {
            if (s == null) continue;
            try {
                s.close();
            } catch (IOException ignored) {
                // Already closed.
            }
        }
        dialer.interrupt();
    }
}
