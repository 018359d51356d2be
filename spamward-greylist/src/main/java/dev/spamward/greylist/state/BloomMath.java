package dev.spamward.greylist.state;

/** Bloom filter arithmetic for k = 8 hash functions (greylisting.md §5.5). */
public final class BloomMath {
    /** Bits set per insert. */
    public static final int K = 8;

    private BloomMath() {
    }

    /** False-positive rate after {@code n} distinct inserts into 2^bits bits: (1 - e^(-k·n/m))^k. */
    public static double falsePositiveRate(int bits, long n) {
        double m = Math.pow(2, bits);
        return Math.pow(1 - Math.exp(-K * (double) n / m), K);
    }

    /** Inserts at which k = 8 is optimal: m·ln2/8 (then the rate is 2^-8). */
    public static long optimalCapacity(int bits) {
        return (long) (Math.pow(2, bits) * Math.log(2) / K);
    }

    /** Largest n whose false-positive rate stays at or below {@code rate}. */
    public static long capacityFor(int bits, double rate) {
        double m = Math.pow(2, bits);
        return (long) (-m / K * Math.log(1 - Math.pow(rate, 1.0 / K)));
    }

    /** A start-up line: size, memory and the false-MATCH rate at a few loads. */
    public static String describe(int bits, int buffers) {
        long mib = ((buffers + 1L) << bits) / 8 / 1024;
        return String.format(java.util.Locale.ROOT,
                "Bloom state: %d filters of 2^%d bits (%d KiB in memory), k=8; false MATCH rate %.1e at 100k, %.1e at 1M"
                        + " triplets per lifetime; 0.1%% is reached at %,d triplets (optimum %,d)",
                buffers, bits, mib, falsePositiveRate(bits, 100_000), falsePositiveRate(bits, 1_000_000),
                capacityFor(bits, 0.001), optimalCapacity(bits));
    }
}
