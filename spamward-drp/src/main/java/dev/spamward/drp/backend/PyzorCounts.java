package dev.spamward.drp.backend;

/**
 * An authoritative Pyzor answer for {@code /check}: the maximum {@code Count} and {@code WL-Count}
 * over the configured servers. An adapter returns it only when every server answered 200; otherwise it
 * throws, and the answer becomes the safe default 0/0.
 *
 * @param count the spam report count
 * @param wl    the white-list count
 */
public record PyzorCounts(long count, long wl) {

    /** The safe default. */
    public static final PyzorCounts ZERO = new PyzorCounts(0, 0);
}
