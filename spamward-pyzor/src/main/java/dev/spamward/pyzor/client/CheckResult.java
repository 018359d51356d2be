package dev.spamward.pyzor.client;

import java.util.List;

/**
 * The result of {@code check} over every configured server.
 *
 * @param digest   the digest asked about
 * @param skipped  true when the digest was the empty one and nothing was asked
 * @param outcomes one outcome per server, in server order
 * @param spam     pyzor's verdict: every server answered 200, one {@code Count} exceeds the report threshold
 *                 and no {@code WL-Count} exceeds the whitelist threshold
 * @param count    the largest {@code Count} over the servers, or 0 when any server failed (no evidence)
 * @param wlCount  the largest {@code WL-Count} likewise
 */
public record CheckResult(String digest, boolean skipped, List<ServerOutcome> outcomes, boolean spam, long count, long wlCount) {
    public CheckResult {
        outcomes = List.copyOf(outcomes);
    }

    /** True when every server answered 200 with counts (the result is evidence, not a failure). */
    public boolean complete() {
        return !skipped && outcomes.stream().allMatch(ServerOutcome::ok);
    }
}
