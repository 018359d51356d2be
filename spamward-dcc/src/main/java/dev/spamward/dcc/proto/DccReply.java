package dev.spamward.dcc.proto;

import java.util.List;

/** A parsed server packet. */
public sealed interface DccReply {

    /** The echoed transaction fields. */
    OpNums nums();

    /** The server's id ({@code sender}). */
    long serverId();

    /** Whether the answer's signature was the 16 zero bytes a server sends when it did not accept our password. */
    boolean unsigned();

    /** One (current, previous) count pair per checksum sent, in request order. */
    record Count(long current, long previous) {
    }

    /** ANSWER to a QUERY or REPORT. */
    record Answer(OpNums nums, long serverId, boolean unsigned, List<Count> counts) implements DccReply {
        public Answer {
            counts = List.copyOf(counts);
        }
    }

    /** OK, the answer to a NOP: the server's protocol version, its answer delay and brand. */
    record Ok(OpNums nums, long serverId, boolean unsigned, int maxPktVersion, int qdelayMs, String brand)
            implements DccReply {
    }

    /** ERROR with the server's text. */
    record Error(OpNums nums, long serverId, boolean unsigned, String text) implements DccReply {
    }
}
