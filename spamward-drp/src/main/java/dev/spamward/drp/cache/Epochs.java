package dev.spamward.drp.cache;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * 256 counters indexed by the first byte of the digest. Feedback ({@code /report}, {@code /revoke})
 * bumps the counter of its message before and after dispatching; a {@code /check} that saw the counter
 * change while it computed does not store its (possibly stale) verdict.
 */
public final class Epochs {
    private final AtomicLongArray epochs = new AtomicLongArray(256);

    /** The current epoch of {@code key}'s slot. */
    public long current(Digest key) {
        return epochs.get(key.firstByte());
    }

    /** Invalidates every computation of {@code key}'s slot that is in flight. */
    public void bump(Digest key) {
        epochs.incrementAndGet(key.firstByte());
    }
}
