package dev.spamward.dcc.checksum;

import java.security.MessageDigest;

/**
 * The BODY checksum ({@code ck_body0} in {@code ckbody.c}): MD5 of the decoded body without space, tab, CR,
 * LF and {@code =}; the {@code >} of {@code \n>From} is dropped. Valid with at least 30 bytes summed.
 */
final class BodySum {
    private static final byte[] FROM_SEQ = {'\n', '>', 'F', 'r', 'o', 'm'};

    private final MessageDigest md5 = Md5.create();
    /** Bytes waiting for the digest (one update per block instead of per byte). */
    private final byte[] pending = new byte[1024];
    private int npending;
    private long total;
    /** Bytes of {@code \n>From} seen; the start of the body counts as following a newline. */
    private int flen = 1;

    void update(byte[] b, int off, int len) {
        for (int i = off, lim = off + len; i < lim; i++) {
            byte c = b[i];
            if (flen != 0) {
                if (c == FROM_SEQ[flen]) {
                    if (++flen >= 6) {
                        put(FROM_SEQ, 2, 4);
                        flen = 0;
                    }
                    continue;
                }
                if (--flen != 0) {
                    put(FROM_SEQ, 1, flen);
                    flen = 0;
                }
            }
            if (c == '\n') {
                flen = 1;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r' || c == '=') continue;
            if (npending == pending.length) flush();
            pending[npending++] = c;
            total++;
        }
    }

    private void put(byte[] b, int off, int n) {
        for (int i = 0; i < n; i++) {
            if (npending == pending.length) flush();
            pending[npending++] = b[off + i];
        }
        total += n;
    }

    private void flush() {
        md5.update(pending, 0, npending);
        npending = 0;
    }

    /** The checksum, or {@code null} when fewer than 30 bytes were summed. */
    byte[] finish() {
        flush();
        byte[] d = md5.digest();
        return total < 30 ? null : d;
    }
}
