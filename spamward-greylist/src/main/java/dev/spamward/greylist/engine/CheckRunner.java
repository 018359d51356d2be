package dev.spamward.greylist.engine;

import dev.spamward.greylist.check.Check;
import dev.spamward.greylist.check.CheckResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs all checks of one query at once and collects results until the answer is decided (a PASS or BLOCK
 * arrived; every check answered; or no definitive check is pending and the block threshold is reached)
 * or the time limit expires. Late results are discarded.
 */
final class CheckRunner {

    /** What was known when the query was decided. */
    record Outcome(CheckResult.Kind highest, int weight, List<String> fired, String blockText, boolean timedOut) {
    }

    private final List<Check> checks;
    private final int blockThreshold;
    private final Stats stats;

    CheckRunner(List<Check> checks, int blockThreshold, Stats stats) {
        this.checks = List.copyOf(checks);
        this.blockThreshold = blockThreshold;
        this.stats = stats;
    }

    boolean isEmpty() {
        return checks.isEmpty();
    }

    Outcome run(Query q, long timeLimitMillis) {
        Collector c = new Collector(checks.size());
        for (Check check : checks) {
            CompletableFuture<CheckResult> f;
            try {
                f = check.run(q);
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            f.whenComplete((r, err) -> c.add(check, err == null ? r : null));
        }
        boolean timedOut = false;
        try {
            c.done.get(timeLimitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            timedOut = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            timedOut = true;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        return c.close(timedOut);
    }

    /** Gathers results; synchronized on itself, never held while blocking. */
    private final class Collector {
        final CompletableFuture<Void> done = new CompletableFuture<>();
        int pending;
        int pendingDefinitive;
        CheckResult.Kind highest = CheckResult.Kind.NONE;
        int weight;
        final List<String> fired = new ArrayList<>(4);
        String blockText = "";
        boolean closed;

        Collector(int n) {
            pending = n;
            for (Check c : checks) if (c.definitive()) pendingDefinitive++;
            if (n == 0) done.complete(null);
        }

        synchronized void add(Check check, CheckResult r) {
            if (closed) return;
            pending--;
            if (check.definitive()) pendingDefinitive--;
            if (r == null) {
                stats.checkError(check.name());
            } else if (r.kind() != CheckResult.Kind.NONE) {
                stats.checkFired(r.label());
                fired.add(r.label());
                weight += r.weight();
                if (r.kind().ordinal() > highest.ordinal()) {
                    highest = r.kind();
                    if (r.kind() == CheckResult.Kind.BLOCK) blockText = r.text();
                }
            }
            boolean decided = pending == 0
                    || highest == CheckResult.Kind.PASS
                    || (pendingDefinitive == 0 && (highest == CheckResult.Kind.BLOCK
                    || (blockThreshold > 0 && weight >= blockThreshold)));
            if (decided) done.complete(null);
        }

        synchronized Outcome close(boolean timedOut) {
            closed = true;
            return new Outcome(highest, weight, List.copyOf(fired), blockText, timedOut);
        }
    }
}
