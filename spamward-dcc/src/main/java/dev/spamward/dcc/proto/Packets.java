package dev.spamward.dcc.proto;

import dev.spamward.dcc.checksum.Checksum;
import java.nio.ByteBuffer;
import java.util.List;

/** Builds DCC request packets (big-endian, packet version 12) and signs them. */
public final class Packets {
    private Packets() {
    }

    /** A NOP (header and signature, 40 bytes): asks a server for its version and answer delay. */
    public static byte[] nop(ClientIdentity id, OpNums nums) {
        ByteBuffer b = header(DccOp.HEADER_LEN + DccOp.SIGNATURE_LEN, DccOp.NOP, id, nums);
        return sign(b, id);
    }

    /**
     * A QUERY ({@code tgts} 0) or REPORT: {@code tgts}, then each checksum as type, 18, 16-byte sum.
     *
     * @throws IllegalArgumentException with no checksum or more than {@link DccOp#QUERY_MAX}
     */
    public static byte[] request(int op, ClientIdentity id, OpNums nums, int tgts, List<Checksum> sums) {
        if (op != DccOp.QUERY && op != DccOp.REPORT) throw new IllegalArgumentException("not a request op: " + op);
        if (sums.isEmpty() || sums.size() > DccOp.QUERY_MAX) {
            throw new IllegalArgumentException("a DCC request carries 1.." + DccOp.QUERY_MAX + " checksums, not " + sums.size());
        }
        int len = DccOp.HEADER_LEN + 4 + DccOp.CK_LEN * sums.size() + DccOp.SIGNATURE_LEN;
        ByteBuffer b = header(len, op, id, nums);
        b.putInt(tgts);
        for (Checksum c : sums) {
            b.put((byte) c.type().number());
            b.put((byte) DccOp.CK_LEN);
            b.put(c.sum());
        }
        return sign(b, id);
    }

    private static ByteBuffer header(int len, int op, ClientIdentity id, OpNums nums) {
        ByteBuffer b = ByteBuffer.allocate(len);
        b.putShort((short) len);
        b.put((byte) DccOp.PKT_VERSION);
        b.put((byte) op);
        b.putInt(id.rawId());
        b.putInt(nums.h());
        b.putInt(nums.p());
        b.putInt(nums.r());
        b.putInt(nums.t());
        return b;
    }

    private static byte[] sign(ByteBuffer b, ClientIdentity id) {
        byte[] pkt = b.array();
        byte[] sig = id.sign(pkt, pkt.length);
        System.arraycopy(sig, 0, pkt, pkt.length - DccOp.SIGNATURE_LEN, DccOp.SIGNATURE_LEN);
        return pkt;
    }
}
