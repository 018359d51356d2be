package dev.spamward.pyzor.protocol;

/** The operations of Pyzor protocol 2.1 and what each request carries. */
public enum PyzorOp {
    /** Liveness check; no digest. */
    PING("ping", false, false),
    /** Test op: the server answers with a maximal count. */
    PONG("pong", true, false),
    /** Spam and whitelist counts of the first digest. */
    CHECK("check", true, false),
    /** Counts plus first/last report and whitelist times of the first digest. */
    INFO("info", true, false),
    /** Report every digest as spam. */
    REPORT("report", true, true),
    /** Whitelist ("revoke") every digest; needs an account on a default server. */
    WHITELIST("whitelist", true, true);

    private final String wire;
    private final boolean digests;
    private final boolean spec;

    PyzorOp(String wire, boolean digests, boolean spec) {
        this.wire = wire;
        this.digests = digests;
        this.spec = spec;
    }

    /** The {@code Op} header value. */
    public String wireName() {
        return wire;
    }

    /** Whether the request carries {@code Op-Digest} headers. */
    public boolean hasDigests() {
        return digests;
    }

    /** Whether the request carries {@code Op-Spec}. */
    public boolean hasSpec() {
        return spec;
    }

    /** Whether repeating the request cannot change server state (safe to retry after a timeout). */
    public boolean idempotent() {
        return !spec;
    }
}
