package dev.spamward.greylist.state;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * grossd's rotating Bloom filter (greylisting.md §5): N filters of 2^bits bits in a ring plus their OR,
 * the aggregate. An insert sets k = 8 bits (the low {@code bits} bits of each SHA-256 word) in the current
 * filter and in the aggregate; a lookup reads the aggregate only. Every rotate interval the oldest filter
 * is cleared and becomes current and the aggregate is rebuilt, so an entry lives (N-1)·I to N·I seconds
 * after its last insert.
 *
 * <p>Lock-free: bits are set with an atomic OR; the aggregate rebuild re-reads the filters after writing
 * each word so that a concurrent insert is never lost (see {@link #rebuildAggregate()}).
 */
public final class BloomRing {
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);

    private final int bits;
    private final int buffers;
    private final long mask;
    private final long[][] ring;
    private final long[] aggregate;
    private volatile int current;
    private volatile long lastRotate;

    /**
     * An empty ring.
     *
     * @param bits       log2 of the bits per filter, 5..32
     * @param buffers    number of filters N, 2..64
     * @param lastRotate epoch second of the last rotation (usually now)
     */
    public BloomRing(int bits, int buffers, long lastRotate) {
        if (bits < 5 || bits > 32) throw new IllegalArgumentException("filter bits must be 5..32: " + bits);
        if (buffers < 2 || buffers > 64) throw new IllegalArgumentException("number of buffers must be 2..64: " + buffers);
        this.bits = bits;
        this.buffers = buffers;
        this.mask = (1L << bits) - 1;
        int words = (int) Math.max(1, (1L << bits) / 64);
        this.ring = new long[buffers][words];
        this.aggregate = new long[words];
        this.lastRotate = lastRotate;
    }

    public int bits() {
        return bits;
    }

    public int buffers() {
        return buffers;
    }

    public int current() {
        return current;
    }

    public long lastRotate() {
        return lastRotate;
    }

    /** Words (64 bits each) per filter. */
    public int words() {
        return aggregate.length;
    }

    /** Whether all 8 bits of the digest are set in the aggregate. */
    public boolean contains(int[] digest) {
        for (int j = 0; j < 8; j++) {
            long b = (digest[j] & 0xffffffffL) & mask;
            if ((aggregate[(int) (b >>> 6)] & (1L << b)) == 0) return false;
        }
        return true;
    }

    /** Sets the digest's 8 bits in the current filter, then in the aggregate (this order matters for rebuild). */
    public void insert(int[] digest) {
        long[] cur = ring[current];
        for (int j = 0; j < 8; j++) {
            long b = (digest[j] & 0xffffffffL) & mask;
            int w = (int) (b >>> 6);
            long bit = 1L << b;
            if ((cur[w] & bit) == 0) LONGS.getAndBitwiseOr(cur, w, bit);
            if ((aggregate[w] & bit) == 0) LONGS.getAndBitwiseOr(aggregate, w, bit);
        }
    }

    /**
     * Rotates as often as {@code now} is past the interval (catching up step by step); after more than
     * N intervals of downtime everything is cleared. Returns the number of rotations done.
     */
    public synchronized int rotateIfDue(long now, long interval) {
        if (interval <= 0) return 0;
        long behind = now - lastRotate;
        if (behind <= interval) return 0;
        if (behind > interval * buffers) {
            for (long[] f : ring) Arrays.fill(f, 0);
            rebuildAggregate();
            lastRotate = now;
            return buffers;
        }
        int steps = 0;
        while (now - lastRotate > interval) {
            int next = (current + 1) % buffers;
            Arrays.fill(ring[next], 0);
            current = next;
            lastRotate += interval;
            steps++;
        }
        rebuildAggregate();
        return steps;
    }

    /**
     * aggregate = OR of all filters. A word is written, then the filters are read again and any bit that an
     * insert set meanwhile is OR-ed back: an insert sets its filter bit before its aggregate bit, so either
     * the second read sees it or its own aggregate OR comes after our write.
     */
    private void rebuildAggregate() {
        for (int w = 0; w < aggregate.length; w++) {
            long or = 0;
            for (long[] f : ring) or |= f[w];
            LONGS.setVolatile(aggregate, w, or);
            long again = 0;
            for (long[] f : ring) again |= (long) LONGS.getVolatile(f, w);
            if (again != or) LONGS.getAndBitwiseOr(aggregate, w, again);
        }
    }

    /** Fraction of aggregate bits set, 0..1: the false-MATCH probability is about this to the 8th power. */
    public double fillRatio() {
        long set = 0;
        for (long w : aggregate) set += Long.bitCount(w);
        return set / (double) (aggregate.length * 64L);
    }

    /** A copy of filter {@code i}'s words (for saving and replication). */
    public long[] copyBuffer(int i) {
        return ring[i].clone();
    }

    /** The live words of filter {@code i}; callers only read them. */
    long[] buffer(int i) {
        return ring[i];
    }

    /** ORs words into filter {@code i} starting at word {@code offset} (state load, replication dump). */
    public void orInto(int i, int offset, long[] words, int from, int count) {
        long[] f = ring[i];
        for (int k = 0; k < count; k++) {
            long v = words[from + k];
            if (v != 0) LONGS.getAndBitwiseOr(f, offset + k, v);
        }
    }

    /** Rebuilds the aggregate after bulk loads through {@link #orInto}. */
    public synchronized void refreshAggregate() {
        rebuildAggregate();
    }

    /** Sets position and rotation time after a load. */
    synchronized void restorePosition(int current, long lastRotate) {
        if (current < 0 || current >= buffers) throw new IllegalArgumentException("current index out of range");
        this.current = current;
        this.lastRotate = lastRotate;
    }

    /** Bytes of memory the bit arrays take: (N + 1) · 2^bits / 8. */
    public long memoryBytes() {
        return (buffers + 1L) * aggregate.length * 8L;
    }
}
