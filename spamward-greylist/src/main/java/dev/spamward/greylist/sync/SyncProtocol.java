package dev.spamward.greylist.sync;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Spamward's replication wire format, version 2 (version 1 had no 'F' messages). Each node dials its peer and <em>pushes</em> its own
 * state over that connection; so two nodes use two TCP connections, one per direction. All integers
 * are big-endian.
 *
 * <pre>
 * acceptor -> dialer   "SPWSYNC2" (8 bytes), nonce (16 random bytes)
 * dialer -> acceptor   "SPWSYNC2", u32 filter_bits, u32 number_buffers, HMAC-SHA-256(secret, nonce) (32 bytes;
 *                      zeros when no secret is configured)
 * acceptor -> dialer   'K' (one byte) when all three match; otherwise it closes the connection
 * then dialer -> acceptor, messages of one type byte and a body:
 *   'D' dump chunk   u8 age, u32 word offset, u16 count, count x u64 filter words (64 bits each, bit b of
 *                    the filter is bit b%64 of word b/64); age 0 = the sender's current filter, 1 = the one
 *                    before ...; the receiver ORs it into its filter of the same age. All-zero chunks are not sent.
 *   'E' end of dump  (no body): the receiver rebuilds its aggregate.
 *   'U' update       32 bytes: the SHA-256 digest of a triplet key; inserted through the receiver's own delay queue.
 *   'F' first attempt u64 fingerprint, u32 set key, u32 age in seconds: a triplet greylisted in retry-window
 *                    mode (see {@code PendingTable}); the receiver records it as first seen age seconds ago
 *                    (an age, so the nodes' clocks need not agree) unless it knows an earlier attempt. Sent live
 *                    and, for those still inside the window, in the dump before 'E'.
 *   'P' ping         (no body): sent when idle for 15 s, so a dead connection is noticed.
 * </pre>
 *
 * The HMAC is checked in constant time. Every (re)connection starts with a full dump, so updates lost while a peer was down
 * are recovered.
 */
final class SyncProtocol {
    static final byte[] MAGIC = "SPWSYNC2".getBytes(StandardCharsets.US_ASCII);
    static final byte ACK = 'K';
    static final byte DUMP = 'D', END = 'E', UPDATE = 'U', PING = 'P', FIRST_SIGHTING = 'F';
    static final int CHUNK_WORDS = 1024;
    static final int NONCE = 16;

    private SyncProtocol() {
    }

    /** Why a peer whose greeting starts with {@code magic} is refused. */
    static String wrongMagic(byte[] magic) {
        String m = new String(magic, StandardCharsets.US_ASCII);
        if (m.startsWith("SPWSYNC")) {
            return "the peer speaks replication version " + m.substring(7) + ", this node " + (char) MAGIC[7]
                    + "; run the same Spamward version on both nodes";
        }
        return "the peer is not a Spamward replication peer (greylist.sync_protocol = grossd for a grossd peer)";
    }

    /** HMAC-SHA-256(secret, nonce), or 32 zero bytes without a secret. */
    static byte[] proof(String secret, byte[] nonce) {
        if (secret == null || secret.isEmpty()) return new byte[32];
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(nonce);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
