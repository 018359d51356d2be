package dev.spamward.drp.cache;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Coalesces identical concurrent computations: the first caller for a key (the leader) computes, every
 * caller that arrives while it runs (a follower) waits for and shares the leader's result.
 *
 * @param <K> the key type
 * @param <V> the result type
 */
public final class SingleFlight<K, V> {

    /**
     * A result and whether this caller shared another's computation.
     *
     * @param value  the result
     * @param shared true for a follower
     */
    public record Result<V>(V value, boolean shared) {
    }

    private final ConcurrentHashMap<K, CompletableFuture<V>> flights = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();

    /**
     * Runs {@code compute} unless an identical computation is in flight, in which case waits for its
     * result. An exception of the leader's computation is rethrown to every caller.
     */
    public Result<V> run(K key, Supplier<V> compute) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> theirs = flights.putIfAbsent(key, mine);
        if (theirs != null) {
            waiting.incrementAndGet();
            try {
                return new Result<>(join(theirs), true);
            } finally {
                waiting.decrementAndGet();
            }
        }
        try {
            V v = compute.get();
            mine.complete(v);
            return new Result<>(v, false);
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            flights.remove(key, mine);
        }
    }

    /** Computations in flight (for tests and diagnostics). */
    public int inFlight() {
        return flights.size();
    }

    /** Followers waiting for a leader (for tests and diagnostics). */
    public int waiting() {
        return waiting.get();
    }

    private static <V> V join(CompletableFuture<V> f) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    // A follower must not give up a result the leader is about to deliver; remember and retry.
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof RuntimeException r) throw r;
                    if (c instanceof Error err) throw err;
                    throw new IllegalStateException(c);
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
