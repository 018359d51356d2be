package dev.spamward.dcc.proto;

/**
 * The transaction fields of a request, echoed by the server: {@code h} (host id) and {@code p} (process id)
 * are opaque per client, {@code r} identifies the operation (kept across retransmissions, so a server
 * counts a report once) and {@code t} the transmission (for round-trip measurement).
 */
public record OpNums(int h, int p, int r, int t) {

    /** The same operation, transmission {@code t}. */
    public OpNums withT(int newT) {
        return new OpNums(h, p, r, newT);
    }
}
