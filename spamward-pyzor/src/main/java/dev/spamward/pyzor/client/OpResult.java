package dev.spamward.pyzor.client;

import java.util.List;

/**
 * The result of {@code report}, {@code whitelist}, {@code info} or {@code ping} over every configured server.
 *
 * @param digest   the digest sent ({@code null} for ping)
 * @param skipped  true when the digest was the empty one and nothing was sent
 * @param outcomes one outcome per server, in server order
 */
public record OpResult(String digest, boolean skipped, List<ServerOutcome> outcomes) {
    public OpResult {
        outcomes = List.copyOf(outcomes);
    }

    /** True when something was sent and every server answered 200 (pyzor's success rule). */
    public boolean allOk() {
        return !skipped && outcomes.stream().allMatch(ServerOutcome::ok);
    }

    /** The first failure, described for people, or {@code null} when all went well. */
    public String firstProblem() {
        return outcomes.stream().filter(o -> !o.ok()).map(ServerOutcome::describe).findFirst().orElse(null);
    }
}
