package dev.spamward.drp.cache;

import java.time.Duration;

/** A shared second-level verdict cache (Redis). Every operation fails open: errors mean "miss"/no-op. */
public interface L2Cache extends AutoCloseable {

    /**
     * A stored value and its remaining time to live.
     *
     * @param value     the cached JSON bytes
     * @param remaining the time to live left, or null when the entry has no expiry
     */
    record Hit(byte[] value, Duration remaining) {
    }

    /** The entry for {@code key}, or null (miss, or Redis unavailable). */
    Hit get(Digest key);

    /** Stores {@code value} with {@code ttl}. */
    void put(Digest key, byte[] value, Duration ttl);

    /** Deletes {@code key} (attempted even while the circuit breaker is open). */
    void delete(Digest key);

    @Override
    void close();
}
