package dev.spamward.greylist.check;

import dev.spamward.greylist.engine.Query;
import java.util.concurrent.CompletableFuture;

/** One asynchronous check of a query. Implementations never block the caller; the engine bounds the time. */
public interface Check {

    /** Name for configuration and metrics ({@code dnsbl:zen.example}). */
    String name();

    /** True when the check can end the query on its own (PASS or BLOCK): the engine waits for these first. */
    default boolean definitive() {
        return false;
    }

    /** Starts the check; the future completes with a result or exceptionally (DNS failure: no result). */
    CompletableFuture<CheckResult> run(Query query);
}
