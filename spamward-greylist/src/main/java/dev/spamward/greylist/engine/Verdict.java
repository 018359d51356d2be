package dev.spamward.greylist.engine;

import java.util.List;

/**
 * The decision for one query.
 *
 * @param result what the query was judged to be
 * @param reason text for the answer (GREY/BLOCK), or why it was trusted / failed
 * @param weight summed weight of the checks that fired
 * @param fired  labels of the checks that fired ({@code dnsbl.test+1}), in completion order
 * @param millis time taken
 */
public record Verdict(Result result, String reason, int weight, List<String> fired, long millis) {

    public Verdict {
        fired = List.copyOf(fired);
    }

    /** An ERROR verdict with a reason (used by front doors for malformed requests and overload). */
    public static Verdict error(String reason) {
        return new Verdict(Result.ERROR, reason, 0, List.of(), 0);
    }
}
