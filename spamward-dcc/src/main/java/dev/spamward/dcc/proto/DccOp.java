package dev.spamward.dcc.proto;

/** DCC operation codes ({@code dcc_proto.h}) and protocol constants. */
public final class DccOp {
    public static final int NOP = 1;
    public static final int REPORT = 2;
    public static final int QUERY = 3;
    public static final int ANSWER = 4;
    public static final int ADMN = 5;
    public static final int OK = 6;
    public static final int ERROR = 7;
    public static final int DELETE = 8;

    /** Packet version this client speaks. */
    public static final int PKT_VERSION = 12;
    /** Header length: len, version, op, sender, and the four op_nums h, p, r, t. */
    public static final int HEADER_LEN = 24;
    /** Signature length (MD5). */
    public static final int SIGNATURE_LEN = 16;
    /** One checksum in a request: type, length 18, 16-byte sum. */
    public static final int CK_LEN = 18;
    /** At most this many checksums in one request ({@code DCC_QUERY_MAX}). */
    public static final int QUERY_MAX = 14;
    /** The largest packet accepted from a server. */
    public static final int MAX_PACKET = 1500;

    /** The anonymous client id. */
    public static final int ANONYMOUS_ID = 1;

    private DccOp() {
    }

    /** A name for logs. */
    public static String name(int op) {
        return switch (op) {
            case NOP -> "NOP";
            case REPORT -> "REPORT";
            case QUERY -> "QUERY";
            case ANSWER -> "ANSWER";
            case ADMN -> "ADMN";
            case OK -> "OK";
            case ERROR -> "ERROR";
            case DELETE -> "DELETE";
            default -> "op " + op;
        };
    }
}
