package dev.spamward.razor.client;

import dev.spamward.razor.wire.Replies;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One TCP connection to a Razor server. Replies are framed robustly (the agents rely on a single read of at
 * most 1 KiB): a reply starting with {@code -} runs to a {@code .} line, any other reply is one line. Every
 * reply must arrive completely within the timeout and stay under the size limit, so a slow or chatty server
 * can neither hang nor exhaust the client.
 */
final class Connection implements Closeable {
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("razor-write-watchdog").factory());
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Duration timeout;
    private final int maxReply;
    private final byte[] buf = new byte[4096];
    private int bufPos;
    private int bufLen;

    private Connection(Socket socket, Duration timeout, int maxReply) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.timeout = timeout;
        this.maxReply = maxReply;
    }

    /** Connects within {@code timeout}. */
    static Connection open(InetSocketAddress address, Duration timeout, int maxReply) throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(address, (int) Math.max(1, timeout.toMillis()));
            return new Connection(s, timeout, maxReply);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** Sends a request text as is (ISO-8859-1 bytes); a peer that stops reading is cut off after the timeout. */
    void send(String text) throws IOException {
        // SO_TIMEOUT does not cover writes: close the socket if the write blocks too long
        ScheduledFuture<?> guard = WATCHDOG.schedule(this::close, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } finally {
            guard.cancel(false);
        }
    }

    /** Sends a request and reads its reply, which must hold exactly {@code expected} responses. */
    List<Map<String, String>> exchange(String request, int expected) throws IOException {
        send(request);
        List<Map<String, String>> responses = Replies.parse(readReply());
        if (responses.size() != expected) {
            throw new ProtocolException("expected " + expected + " responses, got " + responses.size());
        }
        return responses;
    }

    /** Reads one reply (single line, or batch up to the {@code .} line) within the timeout. */
    String readReply() throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteArrayOutputStream reply = new ByteArrayOutputStream(128);
        String first = readLine(deadline, reply);
        if (!first.startsWith("-")) return reply.toString(StandardCharsets.ISO_8859_1);
        while (true) {
            String line = readLine(deadline, reply);
            if (line.equals(".\r\n") || line.equals(".\n")) return reply.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** Reads up to and including the next {@code \n}; appends it to {@code reply} and returns it. */
    private String readLine(long deadline, ByteArrayOutputStream reply) throws IOException {
        int start = reply.size();
        while (true) {
            if (bufPos == bufLen) fill(deadline);
            int b = buf[bufPos++] & 0xff;
            reply.write(b);
            if (reply.size() > maxReply) throw new ProtocolException("reply longer than " + maxReply + " bytes");
            if (b == '\n') {
                byte[] all = reply.toByteArray();
                return new String(all, start, all.length - start, StandardCharsets.ISO_8859_1);
            }
        }
    }

    private void fill(long deadline) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) throw new SocketTimeoutException("reply not complete within " + timeout.toMillis() + " ms");
        socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
        int n = in.read(buf, 0, buf.length);
        if (n < 0) throw new ProtocolException("server closed the connection");
        bufPos = 0;
        bufLen = n;
    }

    /** Says goodbye ({@code a=q}, no reply) and closes; never throws. */
    void quit() {
        try {
            send("a=q\r\n");
        } catch (IOException ignored) {
            // the connection is closed below anyway
        }
        close();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
