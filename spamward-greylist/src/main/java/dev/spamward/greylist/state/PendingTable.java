package dev.spamward.greylist.state;

/**
 * First-seen times of greylisted triplets, for the optional retry window (grossd defect 15: grossd inserts
 * every greylisted triplet after the delay, so spam that never retries fills the filter, and there is no
 * retry window). A fixed-size, 4-way set-associative table: a 64-bit fingerprint and a first-seen second
 * per slot; a full set evicts its oldest entry, so memory is bounded (12 bytes per slot) and a lost entry
 * only means one more greylisting. Lock striping keeps the query path nearly uncontended.
 */
public final class PendingTable {
    private static final int WAYS = 4;
    private static final int STRIPES = 64;

    private final long[] fingerprints;
    private final int[] firstSeen;
    private final int setMask;
    private final Object[] locks = new Object[STRIPES];

    /** A table of at least {@code slots} slots (rounded up to a power of two, at least 64). */
    public PendingTable(int slots) {
        int wanted = Math.max(16, (slots + WAYS - 1) / WAYS);
        int sets = Integer.bitCount(wanted) == 1 ? wanted : Integer.highestOneBit(wanted) << 1;
        this.fingerprints = new long[sets * WAYS];
        this.firstSeen = new int[sets * WAYS];
        this.setMask = sets - 1;
        for (int i = 0; i < STRIPES; i++) locks[i] = new Object();
    }

    /** Slots in the table. */
    public int slots() {
        return fingerprints.length;
    }


    /** What {@link #firstSeen} returns for a triplet it has just recorded as new. */
    public static final long NEW = Long.MIN_VALUE;

    /**
     * The first-seen second of {@code digest} if it was seen at or after {@code notBefore}; otherwise
     * records {@code now} as its first sighting and returns {@link #NEW}.
     */
    public long firstSeen(int[] digest, long now, long notBefore) {
        long fp = fingerprintOf(digest);
        int set = setKeyOf(digest) & setMask;
        synchronized (locks[set & (STRIPES - 1)]) {
            int i = find(set, fp);
            if (i >= 0) {
                long seen = firstSeen[i] & 0xffffffffL;
                if (seen >= notBefore) return seen;
                firstSeen[i] = (int) now; // expired: this is a new first sighting
                return NEW;
            }
            i = victim(set);
            fingerprints[i] = fp;
            firstSeen[i] = (int) now;
            return NEW;
        }
    }

    /**
     * Takes in a first sighting another node made (replication): an entry unknown here is added, a known
     * one keeps the earlier of the two times; one seen before {@code notBefore} is ignored.
     *
     * @param fingerprint {@link #fingerprintOf} the digest
     * @param setKey      {@link #setKeyOf} the digest (only its low bits are used)
     */
    public void merge(long fingerprint, int setKey, long seen, long notBefore) {
        if (fingerprint == 0 || seen < notBefore) return;
        int set = setKey & setMask;
        synchronized (locks[set & (STRIPES - 1)]) {
            int i = find(set, fingerprint);
            if (i >= 0) {
                long cur = firstSeen[i] & 0xffffffffL;
                if (cur < notBefore || seen < cur) firstSeen[i] = (int) seen;
                return;
            }
            i = victim(set);
            fingerprints[i] = fingerprint;
            firstSeen[i] = (int) seen;
        }
    }

    /** The slot of {@code fp} in {@code set}, or -1. Caller holds the set's lock. */
    private int find(int set, long fp) {
        for (int i = set * WAYS; i < set * WAYS + WAYS; i++) {
            if (fingerprints[i] == fp) return i;
        }
        return -1;
    }

    /** An empty slot of {@code set}, else its oldest. Caller holds the set's lock. */
    private int victim(int set) {
        int victim = set * WAYS;
        for (int i = set * WAYS; i < set * WAYS + WAYS; i++) {
            if (fingerprints[i] == 0) return i;
            if ((firstSeen[i] & 0xffffffffL) < (firstSeen[victim] & 0xffffffffL)) victim = i;
        }
        return victim;
    }

    /** The 64 bits of a digest that identify it within its set (never 0, which marks an empty slot). */
    public static long fingerprintOf(int[] digest) {
        long f = ((long) digest[0] << 32) | (digest[1] & 0xffffffffL);
        return f == 0 ? 1 : f;
    }

    /** The word of a digest whose low bits choose its set. */
    public static int setKeyOf(int[] digest) {
        return digest[2];
    }

    /** The set key of an occupied slot (what {@link #merge} needs to put an entry into the same set). */
    public static int setKeyOfSlot(int slot) {
        return slot / WAYS;
    }

    /** Forgets {@code digest} (it passed and is now in the filter). */
    public void remove(int[] digest) {
        long fp = fingerprintOf(digest);
        int set = setKeyOf(digest) & setMask;
        synchronized (locks[set & (STRIPES - 1)]) {
            int i = find(set, fp);
            if (i >= 0) fingerprints[i] = 0;
        }
    }

    /** Receives one occupied slot (see {@link #forEachOccupied}). */
    @FunctionalInterface
    public interface SlotVisitor {
        void accept(int slot, long fingerprint, long firstSeen);
    }

    /** Calls {@code visitor} for every occupied slot (for the state file). */
    public void forEachOccupied(SlotVisitor visitor) {
        for (int stripe = 0; stripe < STRIPES; stripe++) {
            synchronized (locks[stripe]) {
                for (int set = stripe; set <= setMask; set += STRIPES) {
                    for (int i = set * WAYS; i < set * WAYS + WAYS; i++) {
                        if (fingerprints[i] != 0) visitor.accept(i, fingerprints[i], firstSeen[i] & 0xffffffffL);
                    }
                }
            }
        }
    }

    /** Puts back a slot saved by {@link #forEachOccupied} from a table of the same size; false if out of range. */
    public boolean restore(int slot, long fingerprint, long firstSeen) {
        if (slot < 0 || slot >= fingerprints.length || fingerprint == 0) return false;
        synchronized (locks[(slot / WAYS) & (STRIPES - 1)]) {
            fingerprints[slot] = fingerprint;
            this.firstSeen[slot] = (int) firstSeen;
        }
        return true;
    }
}
