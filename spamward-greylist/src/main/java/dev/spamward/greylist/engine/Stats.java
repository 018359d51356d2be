package dev.spamward.greylist.engine;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of the greylisting server. Only adders and atomics: the status view and {@code /metrics} read
 * them without taking any lock the query path holds (grossd defect 5: its status port deadlocked).
 */
public final class Stats {
    private final Map<Result, LongAdder> results = new EnumMap<>(Result.class);
    private final Map<String, LongAdder> checks = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> checkErrors = new ConcurrentHashMap<>();
    private final AtomicLong inFlight = new AtomicLong();
    private final LongAdder whitelisted = new LongAdder();
    private final long startedMillis = System.currentTimeMillis();

    public Stats() {
        for (Result r : Result.values()) results.put(r, new LongAdder());
    }

    void count(Result r) {
        results.get(r).increment();
    }

    void checkFired(String check) {
        checks.computeIfAbsent(check, k -> new LongAdder()).increment();
    }

    void whitelisted() {
        whitelisted.increment();
    }

    /** Counts an answered-but-undecided query (malformed, overload, internal) under {@code kind}. */
    public void error(String kind) {
        errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
        results.get(Result.ERROR).increment();
    }

    /** Counts a check that gave no result (DNS timeout, SERVFAIL); the query itself is still answered. */
    void checkError(String check) {
        checkErrors.computeIfAbsent(check, k -> new LongAdder()).increment();
    }

    /** Checks that gave no result, by check name. */
    public Map<String, Long> checkErrors() {
        Map<String, Long> out = new java.util.TreeMap<>();
        checkErrors.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    AtomicLong inFlightCounter() {
        return inFlight;
    }

    /** Answers given with this result. */
    public long answers(Result r) {
        return results.get(r).sum();
    }

    /** Times each check fired (added weight, blocked or passed), by check label. */
    public Map<String, Long> checksFired() {
        Map<String, Long> out = new java.util.TreeMap<>();
        checks.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** ERROR answers by kind (malformed, overload, internal). */
    public Map<String, Long> errors() {
        Map<String, Long> out = new java.util.TreeMap<>();
        errors.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** Queries being decided right now. */
    public long inFlight() {
        return inFlight.get();
    }

    /** Queries trusted by a whitelist. */
    public long whitelistedCount() {
        return whitelisted.sum();
    }

    public long startedMillis() {
        return startedMillis;
    }
}
