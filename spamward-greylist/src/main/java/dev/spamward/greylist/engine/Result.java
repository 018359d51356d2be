package dev.spamward.greylist.engine;

/** The answer classes of grossd: what a query was judged to be. */
public enum Result {
    /** Trusted: whitelisted, DNSWL-listed or below the grey threshold. */
    TRUST,
    /** Seen before and the grey delay has passed. */
    MATCH,
    /** First sight (or retry too early): temporary failure. */
    GREY,
    /** Rejected: threshold reached or a check's own block (SPF fail). */
    BLOCK,
    /** Not decided: malformed request, internal error or overload; answered with the fail-open answer. */
    ERROR
}
