package dev.spamward.bayes.store.lmdb;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** How a token becomes an LMDB key; its own small class so that the Java reader does not load the native store. */
final class LmdbKeys {
    /** LMDB's default key limit. */
    static final int MAX_KEY = 511;

    private LmdbKeys() {
    }

    /** UTF-8 key of a token, cut to LMDB's key limit at a character boundary. */
    static byte[] key(String token) {
        byte[] b = token.getBytes(StandardCharsets.UTF_8);
        if (b.length == 0) return new byte[] {0};
        if (b.length <= MAX_KEY) return b;
        int n = MAX_KEY;
        while (n > 0 && (b[n] & 0xC0) == 0x80) n--;
        return Arrays.copyOf(b, n);
    }
}
