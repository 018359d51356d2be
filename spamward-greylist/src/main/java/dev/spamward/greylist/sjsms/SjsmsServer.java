package dev.spamward.greylist.sjsms;

import dev.spamward.greylist.Answers;
import dev.spamward.greylist.QueryLog;
import dev.spamward.greylist.engine.Gate;
import dev.spamward.greylist.engine.Greylister;
import dev.spamward.greylist.engine.Query;
import dev.spamward.greylist.engine.Verdict;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * grossd's sjsms UDP protocol (greylisting.md §4.1), for the Sun/Oracle Messaging Server mapping plugin.
 * A datagram is {@code uint16 msgtype, uint16 msglen} (network order) and a payload of at most 1024 bytes:
 * type 2 is a text query like a policy request, type 0 the legacy binary query (offsets of three
 * NUL-terminated strings), type 1 a client log message. The reply is one ASCII datagram: {@code T}, {@code M},
 * {@code G}, {@code B} with the configured text, {@code F} on failure; a {@code P} (progress) is sent first
 * when the answer takes longer than a second. Each datagram is handled on its own virtual thread, bounded.
 */
public final class SjsmsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SjsmsServer.class);
    static final int QUERY_LEGACY = 0, LOGMSG = 1, QUERY_V2 = 2;
    private static final int MAX_DATAGRAM = 1024 + 4;
    private static final long PROGRESS_AFTER_MILLIS = 1000;

    private final DatagramSocket socket;
    private final Greylister engine;
    private final Gate gate;
    private final Answers answers;
    private final Semaphore workers = new Semaphore(4096);
    private final Thread receiver;
    private volatile boolean closed;

    /** Binds {@code listen} (port 0 = any free port) and starts serving. */
    public SjsmsServer(InetSocketAddress listen, Greylister engine, Gate gate, Answers answers) throws IOException {
        this.engine = engine;
        this.gate = gate;
        this.answers = answers;
        InetAddress host = listen.isUnresolved() ? InetAddress.getByName(listen.getHostString()) : listen.getAddress();
        try {
            this.socket = new DatagramSocket(new InetSocketAddress(host, listen.getPort()));
        } catch (IOException e) {
            throw new IOException("cannot listen for sjsms on " + listen.getHostString() + ":" + listen.getPort() + ": "
                    + e.getMessage(), e);
        }
        this.receiver = Thread.ofPlatform().daemon().name("spamward-sjsms").start(this::receive);
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    private void receive() {
        byte[] buf = new byte[65_536];
        while (!closed) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (IOException e) {
                if (!closed) LOG.warn("sjsms: receive failed: {}", e.toString());
                continue;
            }
            byte[] data = java.util.Arrays.copyOf(p.getData(), Math.min(p.getLength(), MAX_DATAGRAM));
            SocketAddress from = p.getSocketAddress();
            if (!workers.tryAcquire()) {
                engine.stats().error("overload");
                reply(from, "F");
                continue;
            }
            Thread.ofVirtual().name("spamward-sjsms-query").start(() -> {
                try {
                    handle(data, from);
                } catch (RuntimeException e) {
                    LOG.warn("sjsms: query from {} failed: {}", from, e.toString());
                    reply(from, "F");
                } finally {
                    workers.release();
                }
            });
        }
    }

    private void handle(byte[] d, SocketAddress from) {
        Query q = parse(d);
        if (q == null) {
            if (d.length >= 4 && u16(d, 0) == LOGMSG) {
                String text = new String(d, 4, Math.min(u16(d, 2), d.length - 4), StandardCharsets.UTF_8);
                LOG.info("sjsms: client {} said: {}", from, QueryLog.field(text));
                return;
            }
            engine.stats().error("malformed");
            QueryLog.log("sjsms", new Query("", "", "", "", "", ""), Verdict.error("malformed datagram"));
            reply(from, "F");
            return;
        }
        CompletableFuture<Verdict> f = CompletableFuture.supplyAsync(() -> gate.decide(engine, q),
                r -> Thread.ofVirtual().start(r));
        Verdict v;
        try {
            v = f.get(PROGRESS_AFTER_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reply(from, "P");
            v = f.join();
        } catch (InterruptedException | ExecutionException e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            reply(from, "F");
            return;
        }
        QueryLog.log("sjsms", q, v);
        reply(from, answers.sjsms(v));
    }

    /** Parses a query datagram (type 2 or 0); null when it is not one or is malformed. */
    static Query parse(byte[] d) {
        if (d.length < 4) return null;
        int type = u16(d, 0);
        int len = Math.min(u16(d, 2), d.length - 4);
        if (type == QUERY_V2) {
            String text = new String(d, 4, len, StandardCharsets.UTF_8);
            String sender = null, rcpt = null, client = null, helo = "";
            for (String line : text.split("\n")) {
                int eq = line.indexOf('=');
                if (eq <= 0) continue;
                String v = line.substring(eq + 1).strip();
                switch (line.substring(0, eq)) {
                    case "sender" -> sender = v;
                    case "recipient" -> rcpt = v;
                    case "client_address" -> client = v;
                    case "helo_name" -> helo = v;
                    default -> {
                        // Unknown lines are ignored, as grossd does.
                    }
                }
            }
            if (sender == null || rcpt == null || client == null) return null;
            return new Query(client, "", helo, sender, rcpt, "");
        }
        if (type == QUERY_LEGACY) {
            // Four uint16: msglen, then offsets of sender, recipient, client_address in the following char[1024].
            // Layout: type, msglen (header), then msglen, sender, recipient, client offsets, then the strings.
            if (d.length < 12) return null;
            int base = 12;
            String sender = cstring(d, base, u16(d, 6));
            String rcpt = cstring(d, base, u16(d, 8));
            String client = cstring(d, base, u16(d, 10));
            if (sender == null || rcpt == null || client == null) return null;
            return new Query(client, "", "", sender, rcpt, "");
        }
        return null;
    }

    private static String cstring(byte[] d, int base, int offset) {
        int start = base + offset;
        if (offset < 0 || start >= d.length) return null;
        int end = start;
        while (end < d.length && d[end] != 0) end++;
        return new String(d, start, end - start, StandardCharsets.UTF_8);
    }

    private static int u16(byte[] d, int off) {
        return ((d[off] & 255) << 8) | (d[off + 1] & 255);
    }

    private void reply(SocketAddress to, String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        try {
            socket.send(new DatagramPacket(b, b.length, to));
        } catch (IOException e) {
            LOG.debug("sjsms: cannot reply to {}: {}", to, e.toString());
        }
    }

    @Override
    public void close() {
        closed = true;
        socket.close();
        receiver.interrupt();
    }
}
