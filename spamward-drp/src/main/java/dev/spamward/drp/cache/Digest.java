package dev.spamward.drp.cache;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The cache key of a message: the raw 32-byte SHA-256 of the request body (never the body itself).
 * Immutable, with content equality.
 */
public final class Digest {
    private final byte[] sha256;
    private final int hash;

    private Digest(byte[] sha256) {
        this.sha256 = sha256;
        this.hash = Arrays.hashCode(sha256);
    }

    /** The digest of {@code body}. */
    public static Digest of(byte[] body) {
        try {
            return new Digest(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** A copy of the 32 raw bytes. */
    public byte[] bytes() {
        return sha256.clone();
    }

    /** The first byte (0..255), which selects the epoch counter. */
    public int firstByte() {
        return sha256[0] & 0xff;
    }

    /** {@code prefix} followed by the raw digest: gozer's Redis key. */
    public byte[] withPrefix(byte[] prefix) {
        byte[] k = Arrays.copyOf(prefix, prefix.length + sha256.length);
        System.arraycopy(sha256, 0, k, prefix.length, sha256.length);
        return k;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Digest d && MessageDigest.isEqual(sha256, d.sha256);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return java.util.HexFormat.of().formatHex(sha256);
    }
}
