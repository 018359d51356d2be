package dev.spamward.greylist.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The SHA-256 of a triplet key read as 8 big-endian 32-bit words, as grossd computes it: the Bloom bit
 * indexes are the low bits of each word, and the 32 raw bytes are what replication sends.
 */
public final class Digest {
    private static final MessageDigest PROTOTYPE;

    static {
        try {
            PROTOTYPE = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** One digest per thread: policy and milter connections are long-lived threads that hash many keys. */
    private static final ThreadLocal<MessageDigest> LOCAL = ThreadLocal.withInitial(() -> {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    });

    private Digest() {
    }

    /** The 8 words of SHA-256({@code key} in UTF-8). */
    public static int[] of(String key) {
        return ofBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The 8 words of SHA-256({@code bytes}). */
    public static int[] ofBytes(byte[] bytes) {
        return words(LOCAL.get().digest(bytes));
    }

    /** Reads 32 raw digest bytes as 8 big-endian words. */
    public static int[] words(byte[] raw) {
        if (raw.length != 32) throw new IllegalArgumentException("a SHA-256 digest has 32 bytes, not " + raw.length);
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) {
            w[i] = ((raw[4 * i] & 255) << 24) | ((raw[4 * i + 1] & 255) << 16) | ((raw[4 * i + 2] & 255) << 8) | (raw[4 * i + 3] & 255);
        }
        return w;
    }

    /** The 32 raw bytes of 8 words (network order). */
    public static byte[] bytes(int[] w) {
        byte[] b = new byte[32];
        for (int i = 0; i < 8; i++) {
            b[4 * i] = (byte) (w[i] >>> 24);
            b[4 * i + 1] = (byte) (w[i] >>> 16);
            b[4 * i + 2] = (byte) (w[i] >>> 8);
            b[4 * i + 3] = (byte) w[i];
        }
        return b;
    }
}
