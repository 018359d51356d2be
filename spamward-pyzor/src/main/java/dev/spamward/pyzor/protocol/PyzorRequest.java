package dev.spamward.pyzor.protocol;

import dev.spamward.pyzor.digest.PyzorDigester;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * One request datagram, built in the header order of the pyzor 1.0 client:
 * {@code Op, Op-Digest*, [Op-Spec], Thread, PV, User, Time, Sig}, lines joined by LF, ending with a blank line.
 *
 * @param op      the operation
 * @param digests the digests (none for ping; 40 lower-case hex digits each)
 * @param thread  the thread id, 1024..65535
 * @param user    the account name ({@code anonymous} without account)
 * @param key     the account key (hex; empty for anonymous)
 * @param time    the Unix time in seconds
 */
public record PyzorRequest(PyzorOp op, List<String> digests, int thread, String user, String key, long time) {
    /** Protocol version sent in {@code PV}. */
    public static final String PROTOCOL_VERSION = "2.1";
    /** The anonymous user name. */
    public static final String ANONYMOUS = "anonymous";

    public PyzorRequest {
        Objects.requireNonNull(op);
        digests = List.copyOf(digests);
        Objects.requireNonNull(user);
        Objects.requireNonNull(key);
        if (thread < ThreadIds.MIN_OK || thread > ThreadIds.MAX) throw new IllegalArgumentException("thread out of range: " + thread);
        if (op.hasDigests() && digests.isEmpty()) throw new IllegalArgumentException(op.wireName() + " needs a digest");
        if (!op.hasDigests() && !digests.isEmpty()) throw new IllegalArgumentException(op.wireName() + " takes no digest");
        for (String d : digests) {
            if (!d.matches("[0-9a-f]{40}")) throw new IllegalArgumentException("not a digest: " + d);
        }
        for (String s : List.of(user, key)) {
            if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) throw new IllegalArgumentException("line break in account field");
        }
    }

    /** The header block without {@code Sig}, as signed (no trailing line break). */
    public String unsignedText() {
        StringBuilder b = new StringBuilder(128 + 52 * digests.size());
        b.append("Op: ").append(op.wireName());
        for (String d : digests) b.append("\nOp-Digest: ").append(d);
        if (op.hasSpec()) b.append("\nOp-Spec: ").append(PyzorDigester.OP_SPEC);
        b.append("\nThread: ").append(thread);
        b.append("\nPV: ").append(PROTOCOL_VERSION);
        b.append("\nUser: ").append(user);
        b.append("\nTime: ").append(time);
        return b.toString();
    }

    /** The signature of this request. */
    public String signature() {
        return PyzorSigner.sign(PyzorSigner.hashKey(user, key), time, unsignedText());
    }

    /** The datagram payload. */
    public byte[] encode() {
        return (unsignedText() + "\nSig: " + signature() + "\n\n").getBytes(StandardCharsets.UTF_8);
    }
}
