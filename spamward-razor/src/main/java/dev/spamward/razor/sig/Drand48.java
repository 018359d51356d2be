package dev.spamward.razor.sig;

/**
 * Perl's own {@code drand48} (perl 5.20 and later), which drives {@code rand} after {@code srand(seed)}.
 * It is the {@link java.util.Random} LCG with Perl's seeding ({@code seed << 16 | 0x330e}) and all 48 state
 * bits used as the fraction.
 */
final class Drand48 {
    private static final long MASK = (1L << 48) - 1;
    private long state;

    /** Like Perl {@code srand(seed)}: the seed is taken as an unsigned 32-bit value. */
    Drand48(long seed) {
        state = (((seed & 0xffffffffL) << 16) + 0x330e) & MASK;
    }

    /** Like Perl {@code rand()}: the next value in [0, 1). */
    double next() {
        state = (0x5DEECE66DL * state + 0xBL) & MASK;
        return Math.scalb((double) state, -48);
    }

    /** Like Perl {@code rand(n)}. */
    double next(double n) {
        return n * next();
    }
}
