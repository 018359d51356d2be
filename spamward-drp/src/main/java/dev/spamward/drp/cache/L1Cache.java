package dev.spamward.drp.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;

/**
 * The in-process verdict cache: Caffeine, bounded to {@code size} entries, each entry with its own
 * time to live (the configured TTL, or what is left of it when promoted from Redis).
 */
public final class L1Cache {

    private record Entry(byte[] value, long ttlNanos) {
    }

    private final Cache<Digest, Entry> cache;

    /** A cache of at most {@code size} entries. */
    public L1Cache(int size) {
        this(size, Ticker.systemTicker());
    }

    L1Cache(int size, Ticker ticker) {
        this.cache = Caffeine.newBuilder()
                .maximumSize(size)
                .ticker(ticker)
                .executor(Runnable::run) // maintenance on the caller: no background threads, no surprises in tests
                .expireAfter(Expiry.<Digest, Entry>creating((k, e) -> Duration.ofNanos(e.ttlNanos())))
                .build();
    }

    /** The cached bytes, or null. */
    public byte[] get(Digest key) {
        Entry e = cache.getIfPresent(key);
        return e == null ? null : e.value();
    }

    /** Stores {@code value} for {@code ttl} (ignored when not positive). */
    public void put(Digest key, byte[] value, Duration ttl) {
        if (ttl.isZero() || ttl.isNegative()) return;
        cache.put(key, new Entry(value, ttl.toNanos()));
    }

    public void delete(Digest key) {
        cache.invalidate(key);
    }

    /** Approximate number of entries. */
    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
