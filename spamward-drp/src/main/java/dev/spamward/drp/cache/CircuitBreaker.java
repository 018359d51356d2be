package dev.spamward.drp.cache;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Skips a failing dependency for a while: after a failure, {@link #allowed()} is false for
 * {@code openFor}; the first call after that is a trial whose success closes the breaker and whose
 * failure opens it again.
 */
final class CircuitBreaker {
    private static final long CLOSED = Long.MIN_VALUE;

    private final long openNanos;
    private final LongSupplier clock;
    private final AtomicLong openUntil = new AtomicLong(CLOSED);

    CircuitBreaker(Duration openFor, LongSupplier nanoClock) {
        this.openNanos = openFor.toNanos();
        this.clock = nanoClock;
    }

    /** True when calls may go through (closed, or the open period has passed). */
    boolean allowed() {
        long until = openUntil.get();
        return until == CLOSED || clock.getAsLong() - until >= 0;
    }

    /** True while failures are being remembered (open, or a trial has not succeeded yet). */
    boolean tripped() {
        return openUntil.get() != CLOSED;
    }

    /**
     * Records a failure.
     *
     * @return true when this failure opened the breaker (it was closed or its open period had passed)
     */
    boolean failure() {
        long now = clock.getAsLong();
        while (true) {
            long until = openUntil.get();
            if (until != CLOSED && now - until < 0) return false; // already open: concurrent failures open it once
            if (openUntil.compareAndSet(until, now + openNanos)) return true;
        }
    }

    /**
     * Records a success.
     *
     * @return true when this success closed a tripped breaker
     */
    boolean success() {
        long until = openUntil.get();
        return until != CLOSED && openUntil.compareAndSet(until, CLOSED);
    }
}
