package dev.spamward.pyzor.digest;

import java.nio.charset.Charset;

/**
 * Python 3.11's {@code iso2022_jp} and {@code iso2022_jp_1} decoders (CPython {@code _codecs_iso2022.c}):
 * escape-sequence parsing with its error lengths, "ESC throughout" mode for unknown escapes (bytes passed
 * on as Latin-1 up to the escape's final letter), C0 controls passed through in every state, 8-bit bytes
 * as one-byte errors, unmappable double-byte codes as two-byte errors. Double-byte codes are looked up
 * through Python's EUC-JP table ({@link PyCjkDecoder}).
 */
final class PyIso2022Jp {
    private static final int ESC = 0x1B;
    private static final int DBCS = 0x80;
    private static final int ASCII = 'B';
    private static final Charset EUC_JP = Charset.forName("EUC-JP");

    private PyIso2022Jp() {
    }

    private static boolean escEnd(int c) {
        return (c >= 'A' && c <= 'Z') || c == '@';
    }

    static String decode(byte[] data, boolean jp1, boolean replace) {
        StringBuilder out = new StringBuilder(data.length);
        int n = data.length;
        int g0 = ASCII;
        boolean escThroughout = false;
        int pos = 0;
        while (pos < n) {
            int c = data[pos] & 0xFF;
            if (escThroughout) {
                out.append((char) c);
                pos++;
                if (escEnd(c)) escThroughout = false;
                continue;
            }
            int err = 0;
            if (c == ESC) {
                if (pos + 1 >= n) {
                    err = n - pos; // incomplete sequence at the end
                } else {
                    int c2 = data[pos + 1] & 0xFF;
                    if (c2 == '(' || c2 == ')' || c2 == '$' || c2 == '.' || c2 == '/') {
                        long r = processEscape(data, pos, jp1);
                        if (r < 0) {
                            err = (int) -r;
                        } else {
                            int len = (int) ((r >> 16) & 0xFF);
                            int designation = (int) ((r >> 8) & 0xFF);
                            if (designation == 0) g0 = (int) (r & 0xFF) | (int) ((r >> 32) & DBCS);
                            pos += len;
                            continue;
                        }
                    } else {
                        out.append((char) ESC);
                        escThroughout = true;
                        pos++;
                        continue;
                    }
                }
            } else if (c < 0x20 || g0 == ASCII) {
                if (c >= 0x80) {
                    err = 1;
                } else {
                    out.append((char) c);
                    pos++;
                    continue;
                }
            } else if (c >= 0x80) {
                err = 1;
            } else if (g0 == 'J') {
                out.append(c == 0x5C ? '\u00A5' : c == 0x7E ? '\u203E' : (char) c);
                pos++;
                continue;
            } else {
                int width = 2;
                if (pos + width > n) {
                    err = n - pos;
                } else {
                    String ch = doubleByte(g0, data[pos], data[pos + 1]);
                    if (ch == null) {
                        err = width;
                    } else {
                        out.append(ch);
                        pos += width;
                        continue;
                    }
                }
            }
            if (replace) out.append('\uFFFD');
            pos += err;
        }
        return out.toString();
    }

    /** A JIS X 0208 (or, for 'D', JIS X 0212) code, through Python's EUC-JP mapping; null when unmappable. */
    private static String doubleByte(int g0, byte a, byte b) {
        int c1 = a & 0xFF;
        int c2 = b & 0xFF;
        if (c1 < 0x21 || c1 > 0x7E || c2 < 0x21 || c2 > 0x7E) return null;
        byte[] euc = g0 == ('D' | DBCS)
                ? new byte[] {(byte) 0x8F, (byte) (c1 | 0x80), (byte) (c2 | 0x80)}
                : new byte[] {(byte) (c1 | 0x80), (byte) (c2 | 0x80)};
        String s = PyCjkDecoder.decode(euc, "euc_jp", EUC_JP, true);
        if (s.isEmpty() || s.indexOf('\uFFFD') >= 0 || s.codePointCount(0, s.length()) != 1) return null;
        return s;
    }

    /**
     * {@code iso2022processesc}: on success {@code len << 16 | designation << 8 | final byte}, with the DBCS
     * flag in bit 39; on error the negated error length.
     */
    private static long processEscape(byte[] data, int pos, boolean jp1) {
        int n = data.length;
        int esclen = 0;
        for (int i = 1; i < 16; i++) {
            if (pos + i >= n) return -(n - pos);
            int c = data[pos + i] & 0xFF;
            if (escEnd(c)) {
                esclen = i + 1;
                break;
            } else if (pos + i + 1 < n && c == '&' && data[pos + i + 1] == '@') {
                i += 2;
            }
        }
        int b2 = esclen > 1 ? data[pos + 1] & 0xFF : 0;
        int charset;
        int dbcs = 0;
        int designation;
        switch (esclen) {
            case 0 -> {
                return -1;
            }
            case 3 -> {
                int b3 = data[pos + 2] & 0xFF;
                if (b2 == '$') {
                    charset = b3;
                    dbcs = DBCS;
                    designation = 0;
                } else {
                    charset = b3;
                    if (b2 == '(') designation = 0;
                    else if (b2 == ')') designation = 1;
                    else return -3;
                }
            }
            case 4 -> {
                if (b2 != '$') return -4;
                int b3 = data[pos + 2] & 0xFF;
                charset = data[pos + 3] & 0xFF;
                dbcs = DBCS;
                if (b3 == '(') designation = 0;
                else if (b3 == ')') designation = 1;
                else return -4;
            }
            case 6 -> {
                if (data[pos + 3] == ESC && data[pos + 4] == '$' && data[pos + 5] == 'B') {
                    charset = 'B';
                    dbcs = DBCS;
                    designation = 0;
                } else {
                    return -6;
                }
            }
            default -> {
                return -esclen;
            }
        }
        boolean known = (dbcs == 0 && (charset == 'B' || charset == 'J'))
                || (dbcs == DBCS && (charset == 'B' || charset == '@' || (jp1 && charset == 'D')));
        if (!known) return -esclen;
        return ((long) dbcs << 32) | ((long) esclen << 16) | ((long) designation << 8) | charset;
    }
}
