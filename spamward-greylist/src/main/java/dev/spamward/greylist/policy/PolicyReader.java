package dev.spamward.greylist.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads policy requests ({@code name=value} lines ended by an empty line) from a stream through its own
 * buffer (scanning bytes, no per-byte calls), with a limit on the size of one request. No line length
 * limit below the request limit (grossd split lines at 1024 bytes into bogus attributes, defect 18).
 */
final class PolicyReader {

    /** Thrown when a request exceeds the limit; the connection cannot be resynchronised. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            super("policy request larger than " + limit + " bytes");
        }
    }

    private final InputStream in;
    private final int limit;
    private final byte[] buf = new byte[8192];
    private int pos;
    private int end;
    private byte[] line = new byte[512];

    PolicyReader(InputStream in, long limit) {
        this.in = in;
        this.limit = (int) Math.min(Integer.MAX_VALUE - 16, limit);
    }

    /** Whether bytes of a further (pipelined) request are already buffered. */
    boolean hasBuffered() throws IOException {
        return pos < end || in.available() > 0;
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) return false;
        pos = 0;
        end = n;
        return true;
    }

    /** The next request, or null at end of stream before any byte of one. */
    PolicyRequest next() throws IOException {
        PolicyRequest r = null;
        int total = 0;
        while (true) {
            int len = 0;
            boolean eof = false;
            while (true) {
                if (pos == end && !fill()) {
                    eof = true;
                    break;
                }
                int nl = -1;
                for (int i = pos; i < end; i++) {
                    if (buf[i] == '\n') {
                        nl = i;
                        break;
                    }
                }
                int stop = nl < 0 ? end : nl;
                int n = stop - pos;
                total += n + (nl < 0 ? 0 : 1);
                if (total > limit) throw new TooLarge(limit);
                if (len + n > line.length) line = Arrays.copyOf(line, Math.max(len + n, Math.min(limit + 1, line.length * 2)));
                System.arraycopy(buf, pos, line, len, n);
                len += n;
                pos = nl < 0 ? end : nl + 1;
                if (nl >= 0) break;
            }
            if (eof) {
                if (r == null && len == 0) return null;
                // End of stream inside a request: answer what we have (the caller sees EOF next time).
                if (r == null) r = new PolicyRequest();
                if (len > 0) addLine(r, len);
                return r;
            }
            if (len > 0 && line[len - 1] == '\r') len--;
            if (len == 0) {
                if (r == null) continue; // stray empty lines between requests
                return r;
            }
            if (r == null) r = new PolicyRequest();
            addLine(r, len);
        }
    }

    private void addLine(PolicyRequest r, int len) {
        int eq = -1;
        for (int i = 0; i < len; i++) {
            if (line[i] == '=') {
                eq = i;
                break;
            }
        }
        if (eq <= 0) {
            r.malformed = true;
            return;
        }
        String name = PolicyRequest.knownName(line, eq);
        r.attributes++;
        // Values of the many attributes the greylister ignores are never decoded.
        if (name != null) r.set(name, new String(line, eq + 1, len - eq - 1, StandardCharsets.UTF_8));
    }
}
