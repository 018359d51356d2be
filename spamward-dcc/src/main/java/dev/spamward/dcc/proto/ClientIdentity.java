package dev.spamward.dcc.proto;

import dev.spamward.dcc.checksum.Md5;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A DCC client id and its password. Packets are signed with MD5 over the password zero-padded to
 * <b>32</b> bytes ({@code DCC_PASSWD} is {@code char[32]}) followed by the packet without its signature;
 * the anonymous client (id 1) signs with 16 zero bytes.
 */
public final class ClientIdentity {
    /** {@code sizeof(DCC_PASSWD)}. */
    public static final int PASSWD_LEN = 32;

    private static final ClientIdentity ANONYMOUS = new ClientIdentity(DccOp.ANONYMOUS_ID, null);

    private final int id;
    private final byte[] key;

    private ClientIdentity(int id, byte[] key) {
        this.id = id;
        this.key = key;
    }

    /** The anonymous client, id 1. */
    public static ClientIdentity anonymous() {
        return ANONYMOUS;
    }

    /**
     * An authenticated client.
     *
     * @throws IllegalArgumentException for an id outside 2..2^32-1, an empty password or one longer than 32 bytes
     */
    public static ClientIdentity of(long id, String password) {
        if (id == DccOp.ANONYMOUS_ID) return ANONYMOUS;
        if (id < 2 || id > 0xffffffffL) throw new IllegalArgumentException("DCC client id out of range: " + id);
        byte[] p = password == null ? new byte[0] : password.getBytes(StandardCharsets.UTF_8);
        if (p.length == 0) throw new IllegalArgumentException("DCC client id " + id + " needs a password");
        if (p.length > PASSWD_LEN) throw new IllegalArgumentException("DCC passwords have at most 32 bytes");
        return new ClientIdentity((int) id, Arrays.copyOf(p, PASSWD_LEN));
    }

    /** The id as sent in the {@code sender} field (unsigned 32 bits). */
    public long id() {
        return Integer.toUnsignedLong(id);
    }

    int rawId() {
        return id;
    }

    public boolean isAnonymous() {
        return key == null;
    }

    /** The signature of {@code pkt[0 .. len-16)}: 16 zero bytes for anonymous clients. */
    byte[] sign(byte[] pkt, int len) {
        if (key == null) return new byte[DccOp.SIGNATURE_LEN];
        MessageDigest md = Md5.create();
        md.update(key);
        md.update(pkt, 0, len - DccOp.SIGNATURE_LEN);
        return md.digest();
    }

    /** Whether the last 16 bytes of {@code pkt[0..len)} are our signature (constant-time comparison). */
    boolean verifies(byte[] pkt, int len) {
        byte[] want = sign(pkt, len);
        return MessageDigest.isEqual(want, Arrays.copyOfRange(pkt, len - DccOp.SIGNATURE_LEN, len));
    }

    @Override
    public String toString() {
        return isAnonymous() ? "anonymous (1)" : "client " + id();
    }
}
