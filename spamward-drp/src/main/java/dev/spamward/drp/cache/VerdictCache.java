package dev.spamward.drp.cache;

import java.time.Duration;

/**
 * The {@code /check} verdict cache: L1 in process, optionally L2 in Redis shared by many scanners.
 * Reads go L1 first, then L2; an L2 hit is promoted into L1 with its remaining time to live (capped
 * at the TTL). Writes and deletes go to both.
 */
public final class VerdictCache implements AutoCloseable {
    private final L1Cache l1;
    private final L2Cache l2;
    private final Duration ttl;

    /**
     * @param l1  the local cache
     * @param l2  the shared cache, or null for L1 only
     * @param ttl the time to live of new entries (positive)
     */
    public VerdictCache(L1Cache l1, L2Cache l2, Duration ttl) {
        this.l1 = l1;
        this.l2 = l2;
        this.ttl = ttl;
    }

    /** The cached JSON for {@code key}, or null. */
    public byte[] get(Digest key) {
        byte[] v = l1.get(key);
        if (v != null || l2 == null) return v;
        L2Cache.Hit hit = l2.get(key);
        if (hit == null) return null;
        Duration remaining = hit.remaining() == null || hit.remaining().compareTo(ttl) > 0 ? ttl : hit.remaining();
        l1.put(key, hit.value(), remaining);
        return hit.value();
    }

    public void put(Digest key, byte[] value) {
        l1.put(key, value, ttl);
        if (l2 != null) l2.put(key, value, ttl);
    }

    public void delete(Digest key) {
        l1.delete(key);
        if (l2 != null) l2.delete(key);
    }

    /** The local level, for tests and diagnostics. */
    public L1Cache l1() {
        return l1;
    }

    /** True when a shared (Redis) level is configured. */
    public boolean shared() {
        return l2 != null;
    }

    @Override
    public void close() {
        if (l2 != null) l2.close();
    }
}
