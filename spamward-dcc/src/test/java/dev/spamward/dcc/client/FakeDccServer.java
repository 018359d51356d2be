package dev.spamward.dcc.client;

import dev.spamward.dcc.checksum.Md5;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake DCC server for tests, ported from shared/tools/fake_dcc.py: decodes NOP, QUERY and REPORT
 * (packet version 12), checks the signature of known clients under the 32-byte and the 16-byte key, keeps
 * per-checksum counts (a report adds {@code tgts & 0xffffff}, capped at "many"; the spam flag makes it
 * "many"), answers one (c, p) pair per checksum in request order, or OK to a NOP, and signs answers like
 * dccd (32-byte key for a known client whose signature verified, zeros otherwise). Binds 127.0.0.1 on a
 * free port. Test hooks: drop the first N packets, delay answers, preset counts, or answer garbage.
 */
public final class FakeDccServer implements AutoCloseable {
    static final int MANY = 0x00fffff0;

    /** How to spoil answers (malformed-reply tests). */
    public enum Mode { NORMAL, SILENT, TRUNCATED, BAD_LENGTH_FIELD, WRONG_COUNT, GARBAGE, BAD_SIGNATURE, WRONG_IDS, ERROR }

    /** One received request, decoded. */
    public record Request(int len, int vers, int op, long sender, int h, int p, int r, int t, int tgts,
                   List<String> checksums, Boolean sig32, Boolean sig16, boolean zeroSig) {
    }

    private final DatagramSocket socket;
    private final Thread thread;
    private final Map<Long, byte[]> ids = new ConcurrentHashMap<>();
    private final Map<String, Long> counts = new ConcurrentHashMap<>();
    private final Map<Integer, Long> preset = new ConcurrentHashMap<>();
    /** Answers to reports already counted, by (sender, h, p, r): dccd counts a retransmitted report once. */
    private final Map<String, List<long[]>> seenReports = new ConcurrentHashMap<>();
    public final List<Request> log = new CopyOnWriteArrayList<>();
    final AtomicInteger dropFirst = new AtomicInteger();
    volatile long delayMs;
    volatile Mode mode = Mode.NORMAL;
    final long serverId = 1000;

    public FakeDccServer() throws SocketException {
        this(InetAddress.getLoopbackAddress());
    }

    /** A server on this loopback address (127.0.0.1 or ::1). */
    public FakeDccServer(InetAddress bind) throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(bind, 0));
        ids.put(12345L, "secret".getBytes(StandardCharsets.UTF_8));
        thread = Thread.ofPlatform().daemon().name("fake-dccd").start(this::serve);
    }

    public int port() {
        return socket.getLocalPort();
    }

    public ServerAddress address() {
        return new ServerAddress(socket.getLocalAddress().getHostAddress().replaceFirst("%.*$", ""), port());
    }

    /** Sets how answers are spoiled (or not). */
    public void spoil(Mode m) {
        mode = m;
    }

    void account(long id, String password) {
        ids.put(id, password.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers {@code value} for every checksum of this type (e.g. {@code Targets.OK} to whitelist bodies). */
    public void preset(int type, long value) {
        preset.put(type, value);
    }

    private static byte[] sig(byte[] key, byte[] pkt, int lenWithoutSig, int keyLen) {
        MessageDigest md = Md5.create();
        md.update(Arrays.copyOf(key, keyLen));
        md.update(pkt, 0, lenWithoutSig);
        return md.digest();
    }

    private void serve() {
        byte[] buf = new byte[4096];
        while (!socket.isClosed()) {
            DatagramPacket dp = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(dp);
            } catch (IOException e) {
                return;
            }
            try {
                handle(Arrays.copyOf(buf, dp.getLength()), dp);
            } catch (RuntimeException | IOException e) {
                // a fake server keeps serving
            }
        }
    }

    private void handle(byte[] pkt, DatagramPacket from) throws IOException {
        if (pkt.length < 40) return;
        ByteBuffer b = ByteBuffer.wrap(pkt);
        int len = b.getShort() & 0xffff;
        int vers = b.get() & 0xff;
        int op = b.get() & 0xff;
        long sender = Integer.toUnsignedLong(b.getInt());
        int h = b.getInt(), p = b.getInt(), r = b.getInt(), t = b.getInt();
        byte[] signature = Arrays.copyOfRange(pkt, pkt.length - 16, pkt.length);
        byte[] pw = ids.get(sender);
        Boolean ok32 = null, ok16 = null;
        if (pw != null) {
            ok32 = Arrays.equals(signature, sig(pw, pkt, pkt.length - 16, 32));
            ok16 = Arrays.equals(signature, sig(pw, pkt, pkt.length - 16, 16));
        }
        boolean zero = Arrays.equals(signature, new byte[16]);
        int tgts = 0;
        List<String> cks = new ArrayList<>();
        List<long[]> pairs = new ArrayList<>();
        String reportKey = sender + "/" + h + "/" + p + "/" + r;
        List<long[]> earlier = op == 2 ? seenReports.get(reportKey) : null;
        if (op == 2 || op == 3) {
            tgts = b.getInt();
            int off = 28;
            while (off + 18 <= pkt.length - 16) {
                int type = pkt[off] & 0xff;
                String sum = HexFormat.of().formatHex(pkt, off + 2, off + 18);
                cks.add(type + ":" + sum);
                String key = type + ":" + sum;
                long prev = counts.getOrDefault(key, 0L);
                long cur = prev;
                if (op == 2 && earlier == null) {
                    long add = (tgts & 0x01000000) != 0 ? MANY : tgts & 0x00ffffff;
                    cur = add >= MANY || prev >= MANY ? MANY : Math.min(prev + add, MANY);
                    counts.put(key, cur);
                }
                Long forced = preset.get(type);
                if (forced != null) cur = forced;
                pairs.add(new long[] {cur, prev});
                off += 18;
            }
        }
        if (earlier != null) {
            pairs = earlier;
        } else if (op == 2) {
            seenReports.put(reportKey, pairs);
        }
        log.add(new Request(len, vers, op, sender, h, p, r, t, tgts, List.copyOf(cks), ok32, ok16, zero));
        if (dropFirst.getAndUpdate(n -> Math.max(0, n - 1)) > 0) return;
        if (mode == Mode.SILENT) return;

        ByteBuffer out = ByteBuffer.allocate(512);
        out.putShort((short) 0).put((byte) 12);
        if (mode == Mode.ERROR) {
            out.put((byte) 7).putInt((int) serverId).putInt(h).putInt(p).putInt(r).putInt(t);
            out.put("fake error\0".getBytes(StandardCharsets.US_ASCII));
        } else if (op == 1) {
            out.put((byte) 6).putInt((int) serverId).putInt(h).putInt(p).putInt(r).putInt(t);
            out.put((byte) 12).put((byte) 0).putShort((short) 0);
            out.put(Arrays.copyOf("fake-dccd".getBytes(StandardCharsets.US_ASCII), 64));
        } else if (op == 2 || op == 3) {
            out.put((byte) 4).putInt((int) serverId).putInt(h).putInt(mode == Mode.WRONG_IDS ? p + 1 : p).putInt(r).putInt(t);
            int n = mode == Mode.WRONG_COUNT ? Math.max(0, pairs.size() - 1) : pairs.size();
            for (int i = 0; i < n; i++) out.putInt((int) pairs.get(i)[0]).putInt((int) pairs.get(i)[1]);
        } else {
            return;
        }
        out.put(new byte[16]);
        byte[] resp = Arrays.copyOf(out.array(), out.position());
        resp[0] = (byte) (resp.length >> 8);
        resp[1] = (byte) resp.length;
        if (pw != null && Boolean.TRUE.equals(ok32)) {
            byte[] s = sig(pw, resp, resp.length - 16, 32);
            System.arraycopy(s, 0, resp, resp.length - 16, 16);
        }
        switch (mode) {
            case TRUNCATED -> resp = Arrays.copyOf(resp, resp.length / 2);
            case BAD_LENGTH_FIELD -> resp[1] ^= 0x10;
            case GARBAGE -> {
                resp = new byte[resp.length];
                new java.util.Random(resp.length).nextBytes(resp);
            }
            case BAD_SIGNATURE -> resp[resp.length - 1] ^= 1;
            default -> { }
        }
        if (delayMs > 0) {
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        socket.send(new DatagramPacket(resp, resp.length, from.getSocketAddress()));
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
