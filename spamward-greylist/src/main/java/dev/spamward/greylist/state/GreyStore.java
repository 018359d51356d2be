package dev.spamward.greylist.state;

/**
 * Where greylisting state lives. The in-memory {@link BloomRing} is the default; a shared store (Redis,
 * for clusters larger than two nodes) fits the same interface: it only needs set membership of digests
 * with expiry.
 */
public interface GreyStore {

    /** Whether the triplet with this SHA-256 digest (8 words) was inserted and has not expired. */
    boolean contains(int[] digest);

    /** Inserts now (callers apply the grey delay before calling this). */
    void insert(int[] digest);

    /** Expires old entries if due; called about once a second. */
    void maintain(long nowEpochSecond);

    /** Fraction of capacity used, 0..1, for status and metrics. */
    double fillRatio();

    /** The in-memory store over a {@link BloomRing}. */
    static GreyStore of(BloomRing ring, long rotateIntervalSeconds) {
        return new GreyStore() {
            @Override
            public boolean contains(int[] digest) {
                return ring.contains(digest);
            }

            @Override
            public void insert(int[] digest) {
                ring.insert(digest);
            }

            @Override
            public void maintain(long now) {
                ring.rotateIfDue(now, rotateIntervalSeconds);
            }

            @Override
            public double fillRatio() {
                return ring.fillRatio();
            }
        };
    }
}
