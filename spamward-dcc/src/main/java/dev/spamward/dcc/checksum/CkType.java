package dev.spamward.dcc.checksum;

/**
 * DCC checksum types with their wire numbers ({@code dcc_proto.h}, DCC 2.3.167) and the labels
 * {@code dccproc -C} prints.
 */
public enum CkType {
    IP(1, "IP"),
    ENV_FROM(2, "env_From"),
    FROM(3, "From"),
    SUB(4, "substitute"),
    MESSAGE_ID(5, "Message-ID"),
    RECEIVED(6, "Received"),
    BODY(7, "Body"),
    FUZ1(8, "Fuz1"),
    FUZ2(9, "Fuz2"),
    REP_TOTAL(10, "Rep-Total"),
    REP_BULK(11, "Rep-Bulk"),
    SRVR_ID(12, "server-ID"),
    ENV_TO(13, "env_To");

    private static final CkType[] BY_NUMBER = new CkType[14];

    static {
        for (CkType t : values()) BY_NUMBER[t.number] = t;
    }

    private final int number;
    private final String label;

    CkType(int number, String label) {
        this.number = number;
        this.label = label;
    }

    /** The type number on the wire. */
    public int number() {
        return number;
    }

    /** The label {@code dccproc -C} prints, e.g. {@code Message-ID}. */
    public String label() {
        return label;
    }

    /** True for the body checksums (Body, Fuz1, Fuz2) that decide the bulk verdict. */
    public boolean isBody() {
        return this == BODY || this == FUZ1 || this == FUZ2;
    }

    /** The type with this wire number, or {@code null}. */
    public static CkType ofNumber(int n) {
        return n >= 0 && n < BY_NUMBER.length ? BY_NUMBER[n] : null;
    }

    /** The type with this {@code dccproc} label (case-insensitive), or {@code null}. */
    public static CkType ofLabel(String label) {
        for (CkType t : values()) if (t.label.equalsIgnoreCase(label)) return t;
        return null;
    }
}
