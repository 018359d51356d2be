package dev.spamward.greylist.client;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Postfix policy delegation client on one persistent connection (what Postfix's smtpd does): sends
 * {@code name=value} lines and an empty line, reads the answer lines up to the empty line. Used by
 * {@code spamward greylist query --proto policy}, the tests and the benchmark.
 */
public final class PolicyClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    /** Connects with the given connect/read timeout. */
    public PolicyClient(InetSocketAddress server, int timeoutMillis) throws IOException {
        socket = new Socket();
        socket.connect(server, timeoutMillis);
        socket.setSoTimeout(timeoutMillis);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream(), 4096);
        out = socket.getOutputStream();
    }

    /** Sends one request and returns its answer lines (empty list if the server closed without answering). */
    public List<String> ask(Map<String, String> attributes) throws IOException {
        StringBuilder sb = new StringBuilder(512);
        attributes.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        sb.append('\n');
        return askRaw(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Sends raw bytes (a request the caller built) and reads one answer. */
    public List<String> askRaw(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        return readAnswer();
    }

    /** Reads one answer: lines up to an empty line; an empty list if the connection closed first. */
    public List<String> readAnswer() throws IOException {
        List<String> lines = new ArrayList<>(2);
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        int b;
        while ((b = in.read()) >= 0) {
            if (b != '\n') {
                if (line.size() > 65_536) throw new IOException("answer line longer than 64 KiB");
                line.write(b);
                continue;
            }
            String s = line.toString(StandardCharsets.UTF_8);
            if (s.endsWith("\r")) s = s.substring(0, s.length() - 1);
            line.reset();
            if (s.isEmpty()) return lines;
            lines.add(s);
        }
        return List.of();
    }

    /** The raw output stream (tests that send junk). */
    public OutputStream output() {
        return out;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
