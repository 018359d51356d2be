package dev.spamward.greylist.engine;

import java.util.concurrent.Semaphore;

/**
 * Bounds the queries decided at once across all front doors. A query that cannot enter is answered
 * with the fail-open answer and counted as "overload" instead of queueing without limit.
 */
public final class Gate {
    private final Semaphore permits;
    private final Stats stats;

    public Gate(int maxInFlight, Stats stats) {
        this.permits = new Semaphore(maxInFlight);
        this.stats = stats;
    }

    /** Decides {@code q} if a permit is free, else returns an ERROR verdict counted as overload. */
    public Verdict decide(Greylister g, Query q) {
        if (!permits.tryAcquire()) {
            stats.error("overload");
            return Verdict.error("overload");
        }
        try {
            return g.decide(q);
        } finally {
            permits.release();
        }
    }
}
