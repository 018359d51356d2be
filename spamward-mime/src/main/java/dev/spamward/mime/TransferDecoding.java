package dev.spamward.mime;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Lenient Content-Transfer-Encoding decoders: they decode what can be decoded, skip what cannot and
 * record a {@link Defect} instead of failing.
 */
final class TransferDecoding {
    private static final byte[] BASE64 = new byte[256];

    static {
        Arrays.fill(BASE64, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) BASE64[alphabet.charAt(i)] = (byte) i;
        // URL-safe alphabet as written by some broken mailers.
        BASE64['-'] = 62;
        BASE64['_'] = 63;
    }

    private TransferDecoding() {
    }

    /** Decodes {@code body} by the (lower-case) transfer encoding; unknown encodings are returned as is. */
    static byte[] decode(String encoding, byte[] body, List<Defect> defects) {
        if (encoding == null) return body;
        return switch (encoding) {
            case "base64" -> base64(body, defects);
            case "quoted-printable" -> quotedPrintable(body, defects);
            case "7bit", "8bit", "binary", "" -> body;
            default -> {
                // x-uuencode and friends are rare in mail today; keeping the bytes loses nothing.
                defects.add(new Defect(DefectType.UNKNOWN_TRANSFER_ENCODING, encoding.toLowerCase(Locale.ROOT)));
                yield body;
            }
        };
    }

    /** Base64 that skips invalid characters, tolerates missing padding and decodes data after padding. */
    static byte[] base64(byte[] in, List<Defect> defects) {
        byte[] out = new byte[in.length / 4 * 3 + 3];
        int n = 0;
        int acc = 0;
        int bits = 0;
        boolean invalid = false;
        boolean padded = false;
        boolean afterPadding = false;
        for (byte b : in) {
            int c = b & 0xff;
            int v = BASE64[c];
            if (v >= 0) {
                if (padded) {
                    afterPadding = true;
                    padded = false;
                }
                acc = (acc << 6) | v;
                bits += 6;
                if (bits >= 8) {
                    bits -= 8;
                    out[n++] = (byte) (acc >> bits);
                    acc &= (1 << bits) - 1;
                }
            } else if (c == '=') {
                padded = true;
                // Padding ends a group: drop the leftover bits so that data after it starts fresh.
                acc = 0;
                bits = 0;
            } else if (c != '\r' && c != '\n' && c != ' ' && c != '\t') {
                invalid = true;
            }
        }
        if (bits >= 6) invalid = true; // one lone character: 6 bits cannot make a byte
        if (invalid) defects.add(new Defect(DefectType.BAD_BASE64, ""));
        if (afterPadding) defects.add(new Defect(DefectType.BASE64_DATA_AFTER_PADDING, ""));
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** Quoted-printable that keeps a malformed '=' sequence literally. */
    static byte[] quotedPrintable(byte[] in, List<Defect> defects) {
        byte[] out = new byte[in.length];
        int n = 0;
        boolean bad = false;
        int len = in.length;
        for (int i = 0; i < len; i++) {
            byte b = in[i];
            if (b != '=') {
                out[n++] = b;
                continue;
            }
            if (i + 2 < len && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                out[n++] = (byte) (hex(in[i + 1]) << 4 | hex(in[i + 2]));
                i += 2;
                continue;
            }
            // Soft line break: '=' then optional trailing blanks then a line end (or the end of the body).
            int j = i + 1;
            while (j < len && (in[j] == ' ' || in[j] == '\t')) j++;
            if (j >= len) {
                i = j - 1;
                continue;
            }
            if (in[j] == '\n') {
                i = j;
                continue;
            }
            if (in[j] == '\r') {
                i = (j + 1 < len && in[j + 1] == '\n') ? j + 1 : j;
                continue;
            }
            bad = true;
            out[n++] = b;
        }
        if (bad) defects.add(new Defect(DefectType.BAD_QUOTED_PRINTABLE, ""));
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') return b - '0';
        if (b >= 'A' && b <= 'F') return b - 'A' + 10;
        if (b >= 'a' && b <= 'f') return b - 'a' + 10;
        return -1;
    }
}
