package dev.spamward.greylist.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads policy requests ({@code name=value} lines ended by an empty line) from a stream, byte by byte from
 * its buffer, with a limit on the size of one request. No line length limit below the request limit
 * (grossd split lines at 1024 bytes into bogus attributes, defect 18).
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
    private byte[] line = new byte[512];

    PolicyReader(InputStream in, long limit) {
        this.in = in;
        this.limit = (int) Math.min(Integer.MAX_VALUE - 16, limit);
    }

    /** The next request, or null at end of stream before any byte of one. */
    PolicyRequest next() throws IOException {
        PolicyRequest r = null;
        int total = 0;
        while (true) {
            int len = 0;
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                if (++total > limit) throw new TooLarge(limit);
                if (len == line.length) line = java.util.Arrays.copyOf(line, Math.min(limit + 1, line.length * 2));
                line[len++] = (byte) b;
            }
            if (b < 0) {
                if (r == null && len == 0) return null;
                // End of stream inside a request: answer what we have (the caller will see EOF next time).
                if (r == null) r = new PolicyRequest();
                if (len > 0) addLine(r, len);
                return r;
            }
            total++;
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
