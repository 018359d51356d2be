package dev.spamward.dcc.proto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses and checks server packets: length field equal to the datagram, packet version, op, the echoed
 * {@code h p r} of our request, the answer length {@code 24 + 8N + 16} for N checksums sent, and the
 * signature (MD5 with our 32-byte key, or 16 zero bytes when the server treated us as anonymous). Never
 * throws anything but {@link DccProtocolException}.
 */
public final class ReplyParser {
    private ReplyParser() {
    }

    /**
     * @param pkt       the datagram
     * @param len       its length
     * @param id        our identity (to verify the signature)
     * @param request   the request's op_nums ({@code t} is not checked: any transmission may answer)
     * @param requestOp the request's op
     * @param sums      the number of checksums sent (for QUERY and REPORT)
     */
    public static DccReply parse(byte[] pkt, int len, ClientIdentity id, OpNums request, int requestOp, int sums)
            throws DccProtocolException {
        if (pkt == null || len < DccOp.HEADER_LEN + DccOp.SIGNATURE_LEN || len > pkt.length) {
            throw new DccProtocolException("short packet (" + len + " bytes)");
        }
        ByteBuffer b = ByteBuffer.wrap(pkt, 0, len);
        int hdrLen = b.getShort() & 0xffff;
        int vers = b.get() & 0xff;
        int op = b.get() & 0xff;
        long sender = Integer.toUnsignedLong(b.getInt());
        OpNums nums = new OpNums(b.getInt(), b.getInt(), b.getInt(), b.getInt());
        if (hdrLen != len) throw new DccProtocolException("length field " + hdrLen + " but " + len + " bytes received");
        if (vers < 1 || vers > 64) throw new DccProtocolException("bad packet version " + vers);
        if (nums.h() != request.h() || nums.p() != request.p() || nums.r() != request.r()) {
            throw new DccProtocolException("answer to another request");
        }
        boolean unsigned;
        if (id.isAnonymous()) {
            unsigned = true; // nothing to verify with: dccd sends zeros to anonymous clients
        } else if (id.verifies(pkt, len)) {
            unsigned = false;
        } else if (allZero(pkt, len - DccOp.SIGNATURE_LEN, len)) {
            unsigned = true; // the server did not accept our id or password and answered as to anonymous
        } else {
            throw new DccProtocolException("bad signature from server " + sender);
        }
        int body = len - DccOp.HEADER_LEN - DccOp.SIGNATURE_LEN;
        switch (op) {
            case DccOp.ANSWER -> {
                if (requestOp != DccOp.QUERY && requestOp != DccOp.REPORT) {
                    throw new DccProtocolException("ANSWER to a " + DccOp.name(requestOp));
                }
                if (body != 8 * sums) {
                    throw new DccProtocolException("ANSWER of " + len + " bytes for " + sums + " checksums (want "
                            + (DccOp.HEADER_LEN + 8 * sums + DccOp.SIGNATURE_LEN) + ")");
                }
                List<DccReply.Count> counts = new ArrayList<>(sums);
                for (int i = 0; i < sums; i++) {
                    counts.add(new DccReply.Count(Integer.toUnsignedLong(b.getInt()), Integer.toUnsignedLong(b.getInt())));
                }
                return new DccReply.Answer(nums, sender, unsigned, counts);
            }
            case DccOp.OK -> {
                if (body < 4) throw new DccProtocolException("OK of " + len + " bytes");
                int maxVers = b.get() & 0xff;
                b.get();
                int qdelay = b.getShort() & 0xffff;
                int n = Math.min(64, body - 4);
                byte[] brand = new byte[n];
                b.get(brand);
                return new DccReply.Ok(nums, sender, unsigned, maxVers, qdelay, cString(brand));
            }
            case DccOp.ERROR -> {
                byte[] text = new byte[Math.min(body, 128)];
                b.get(text);
                return new DccReply.Error(nums, sender, unsigned, cString(text));
            }
            default -> throw new DccProtocolException("unexpected " + DccOp.name(op) + " from server " + sender);
        }
    }

    private static boolean allZero(byte[] b, int from, int to) {
        int acc = 0;
        for (int i = from; i < to; i++) acc |= b[i];
        return acc == 0;
    }

    private static String cString(byte[] b) {
        int n = 0;
        while (n < b.length && b[n] != 0) n++;
        StringBuilder sb = new StringBuilder(n);
        for (char c : new String(b, 0, n, StandardCharsets.ISO_8859_1).toCharArray()) {
            sb.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return sb.toString();
    }
}
