package dev.spamward.dcc.proto;

/**
 * The {@code tgts} values of the protocol: counts of recipients, with special values near 2^24 and flags above.
 */
public final class Targets {
    /** "many": at or above this a checksum is bulk ({@code DCC_TGTS_TOO_MANY}). */
    public static final int TOO_MANY = 0x00fffff0;
    /** Whitelisted by a server ({@code DCC_TGTS_OK}). */
    public static final int OK = 0x00fffff1;
    /** Half whitelisted ({@code DCC_TGTS_OK2}). */
    public static final int OK2 = 0x00fffff2;
    /** Deleted ({@code DCC_TGTS_DEL}). */
    public static final int DEL = 0x00fffff3;
    /** "Not counted" in answers; the same bit marks a report as spam ({@code DCC_TGTS_SPAM}). */
    public static final int INVALID = 0x01000000;
    /** Report flag: this mail was spam for this client (what {@code dccproc -t many} sets). */
    public static final int SPAM = 0x01000000;
    /** Mask of the count. */
    public static final int COUNT_MASK = 0x00ffffff;

    private Targets() {
    }

    /** A count as {@code dccproc} prints it: a number, {@code many}, {@code ok}, {@code ok2}, {@code del}. */
    public static String format(long v) {
        if (v == TOO_MANY) return "many";
        if (v == OK) return "ok";
        if (v == OK2) return "ok2";
        if (v == DEL) return "del";
        if (v == INVALID) return "-";
        return Long.toString(v);
    }

    /** Parses a count or {@code many}. */
    public static int parse(String s) {
        String t = s.trim();
        if (t.equalsIgnoreCase("many")) return TOO_MANY;
        int v = Integer.parseInt(t);
        if (v < 0 || v > TOO_MANY) throw new IllegalArgumentException("count out of range 0.." + TOO_MANY + ": " + s);
        return v;
    }
}
