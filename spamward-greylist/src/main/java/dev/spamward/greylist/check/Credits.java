package dev.spamward.greylist.check;

/**
 * grossd's tolerance for failing DNS lists, fixed: a list starts with {@code max} credits, every failed
 * lookup (timeout, SERVFAIL) costs one, a list at zero is skipped, and one credit comes back every
 * {@code recoverMillis} for <em>every</em> kind of list (grossd restored them only for DNSBLs, defect 13).
 */
final class Credits {
    private final int max;
    private final long recoverMillis;
    private int credits;
    private long lastRecover;

    Credits(int max, long recoverMillis) {
        this.max = max;
        this.recoverMillis = recoverMillis;
        this.credits = max;
        this.lastRecover = System.currentTimeMillis();
    }

    /** Whether the list may be asked now. */
    synchronized boolean available() {
        recover();
        return credits > 0;
    }

    /** A lookup failed. */
    synchronized void failed() {
        recover();
        if (credits > 0) credits--;
        lastRecover = System.currentTimeMillis();
    }

    private void recover() {
        long now = System.currentTimeMillis();
        long steps = (now - lastRecover) / recoverMillis;
        if (steps > 0) {
            credits = (int) Math.min(max, credits + steps);
            lastRecover += steps * recoverMillis;
        }
    }
}
