package dev.spamward.bench.drp;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection that sends prepared POSTs and reads the answers: far cheaper than
 * a general HTTP client, so that on a small machine the load generator leaves the CPU to the server.
 */
final class KeepAliveClient implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] line = new byte[8192];
    private final boolean keepBody;
    private byte[] lastBody;

    KeepAliveClient(InetSocketAddress server, boolean keepBody) throws IOException {
        this.keepBody = keepBody;
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(server, 5000);
        socket.setSoTimeout(30_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 16384);
    }

    /** A complete POST request with a token header. */
    static byte[] request(String path, String token, byte[] body) {
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] r = new byte[head.length + body.length];
        System.arraycopy(head, 0, r, 0, head.length);
        System.arraycopy(body, 0, r, head.length, body.length);
        return r;
    }

    /**
     * Sends {@code request} and reads the answer.
     *
     * @return the HTTP status, plus 1000 when the answer carried {@code X-DRP-Cache}
     */
    int exchange(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        int n = readLine();
        if (n < 12) throw new IOException("bad status line");
        int status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
        int length = 0;
        boolean cached = false;
        boolean close = false;
        while ((n = readLine()) > 0) {
            String h = new String(line, 0, n, StandardCharsets.ISO_8859_1);
            int c = h.indexOf(':');
            if (c < 0) continue;
            String name = h.substring(0, c).trim();
            if (name.equalsIgnoreCase("Content-Length")) length = Integer.parseInt(h.substring(c + 1).trim());
            else if (name.equalsIgnoreCase("X-DRP-Cache")) cached = true;
            else if (name.equalsIgnoreCase("Connection")) close = h.substring(c + 1).trim().equalsIgnoreCase("close");
        }
        if (keepBody) {
            lastBody = in.readNBytes(length);
        } else {
            in.skipNBytes(length);
        }
        if (close) throw new IOException("server closed the connection (status " + status + ")");
        return cached ? status + 1000 : status;
    }

    /** The body of the last answer (when bodies are kept). */
    byte[] lastBody() {
        return lastBody;
    }

    /**
     * The largest {@code "ms":} value in the last answer: the time of the slowest network as the
     * service measured it (in the extra timing keys of {@code /check}), or -1.
     */
    double slowestBackendMillis() {
        String b = new String(lastBody, StandardCharsets.US_ASCII);
        double max = -1;
        for (int i = b.indexOf("\"ms\":"); i >= 0; i = b.indexOf("\"ms\":", i + 1)) {
            int start = i + 5;
            int end = start;
            while (end < b.length() && (Character.isDigit(b.charAt(end)) || b.charAt(end) == '.')) end++;
            max = Math.max(max, Double.parseDouble(b.substring(start, end)));
        }
        return max;
    }

    private int readLine() throws IOException {
        int n = 0;
        while (true) {
            int c = in.read();
            if (c < 0) throw new IOException("connection closed");
            if (c == '\n') return n > 0 && line[n - 1] == '\r' ? n - 1 : n;
            if (n < line.length) line[n++] = (byte) c;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
