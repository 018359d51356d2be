package dev.spamward.dcc.checksum;

/**
 * DCC's HTML character-reference decoder ({@code ck_cref} in {@code ckfuz1.c}), fed one byte at a time
 * after the {@code &}. Numeric references saturate at 255; unknown names decode to 0.
 */
final class CharRef {
    static final int IDLE = 0;
    private static final int START = 1;
    private static final int NUM = 2;
    private static final int DEC = 3;
    private static final int HEX = 4;
    private static final int NAME = 5;

    int st = IDLE;
    /** The decoded byte once {@link #step} returned 0 or 1. */
    int result;
    private final byte[] w = new byte[16];
    private int len;

    /**
     * Processes one byte: -1 = need more; 0 = {@link #result} holds the character and this byte was the
     * terminating {@code ;}; 1 = {@link #result} holds the character and this byte must be processed again.
     */
    int step(int uc) {
        switch (st) {
            case IDLE -> {
                st = START;
                return -1;
            }
            case START -> {
                if (uc == '#') {
                    st = NUM;
                } else if (isAlpha(uc)) {
                    java.util.Arrays.fill(w, (byte) 0);
                    w[0] = (byte) uc;
                    len = 1;
                    st = NAME;
                } else {
                    st = IDLE;
                    return -1;
                }
            }
            case NUM -> {
                if (uc == 'x' || uc == 'X') {
                    result = 0;
                    st = HEX;
                } else if (uc >= '0' && uc <= '9') {
                    result = uc - '0';
                    st = DEC;
                } else {
                    result = '#';
                    st = IDLE;
                    return 1;
                }
            }
            case DEC -> {
                if (uc < '0' || uc > '9') {
                    st = IDLE;
                    return uc != ';' ? 1 : 0;
                }
                result = Math.min(255, result * 10 + (uc - '0'));
            }
            case HEX -> {
                int n;
                if ((uc >= 'a' && uc <= 'f') || (uc >= 'A' && uc <= 'F')) {
                    n = (result << 4) + (uc & 0xf) + 9;
                } else if (uc >= '0' && uc <= '9') {
                    n = (result << 4) + (uc - '0');
                } else {
                    st = IDLE;
                    return uc != ';' ? 1 : 0;
                }
                result = Math.min(255, n);
            }
            default -> { // NAME
                if (isAlpha(uc) || (uc >= '0' && uc <= '9')) {
                    if (len < w.length) w[len++] = (byte) uc;
                } else {
                    result = DccTables.get().entity(w, len);
                    st = IDLE;
                    return uc != ';' ? 1 : 0;
                }
            }
        }
        return -1;
    }

    private static boolean isAlpha(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
