package dev.spamward.mime;

/**
 * UTF-7 (RFC 2152) decoder, which the JDK lacks. Lenient: a malformed shift sequence ends at the
 * first character outside the base64 alphabet, and leftover bits are dropped.
 */
final class Utf7 {
    private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private Utf7() {
    }

    static String decode(byte[] in) {
        StringBuilder out = new StringBuilder(in.length);
        int i = 0;
        while (i < in.length) {
            char c = (char) (in[i] & 0xff);
            if (c != '+') {
                out.append(c);
                i++;
                continue;
            }
            i++;
            if (i < in.length && in[i] == '-') { // "+-" is a literal '+'
                out.append('+');
                i++;
                continue;
            }
            int acc = 0;
            int bits = 0;
            while (i < in.length) {
                int v = B64.indexOf((char) (in[i] & 0xff));
                if (v < 0 || in[i] < 0) break;
                acc = (acc << 6) | v;
                bits += 6;
                if (bits >= 16) {
                    bits -= 16;
                    out.append((char) ((acc >> bits) & 0xffff));
                    acc &= (1 << bits) - 1;
                }
                i++;
            }
            if (i < in.length && in[i] == '-') i++; // the '-' that ends a shift sequence is absorbed
        }
        return out.toString();
    }
}
