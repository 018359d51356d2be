package dev.spamward.pyzor.digest;

/** A lenient UTF-7 (RFC 2152) decoder, which the JDK lacks: invalid bytes are dropped like Python's 'ignore'. */
final class Utf7 {
    private Utf7() {
    }

    private static int b64(int c) {
        if (c >= 'A' && c <= 'Z') return c - 'A';
        if (c >= 'a' && c <= 'z') return c - 'a' + 26;
        if (c >= '0' && c <= '9') return c - '0' + 52;
        if (c == '+') return 62;
        if (c == '/') return 63;
        return -1;
    }

    static String decodeIgnore(byte[] data) {
        return decode(data, false);
    }

    /** With {@code replace}, each 8-bit byte outside a base64 run becomes U+FFFD (Python's 'replace'). */
    static String decode(byte[] data, boolean replace) {
        StringBuilder out = new StringBuilder(data.length);
        int i = 0;
        int n = data.length;
        while (i < n) {
            int c = data[i] & 0xFF;
            if (c != '+') {
                if (c < 0x80) out.append((char) c);
                else if (replace) out.append('\uFFFD');
                i++;
                continue;
            }
            i++;
            if (i < n && data[i] == '-') {
                out.append('+');
                i++;
                continue;
            }
            if (i < n && b64(data[i] & 0xFF) < 0) {
                if (replace) out.append('\uFFFD'); // "+" and the next byte are one ill-formed sequence
                i++;
                continue;
            }
            int bits = 0;
            int nbits = 0;
            while (i < n && b64(data[i] & 0xFF) >= 0) {
                bits = (bits << 6) | b64(data[i] & 0xFF);
                nbits += 6;
                if (nbits >= 16) {
                    nbits -= 16;
                    out.append((char) ((bits >> nbits) & 0xFFFF));
                    bits &= (1 << nbits) - 1;
                }
                i++;
            }
            // Leaving the shift: a partial character or non-zero padding bits is one error.
            if (replace && (nbits >= 6 || (nbits > 0 && bits != 0))) out.append('\uFFFD');
            if (i < n && data[i] == '-') i++;
        }
        // Lone surrogates cannot be encoded later; Python would have dropped them as errors.
        StringBuilder clean = new StringBuilder(out.length());
        for (int k = 0; k < out.length(); k++) {
            char ch = out.charAt(k);
            if (Character.isHighSurrogate(ch) && k + 1 < out.length() && Character.isLowSurrogate(out.charAt(k + 1))) {
                clean.append(ch).append(out.charAt(++k));
            } else if (!Character.isSurrogate(ch)) {
                clean.append(ch);
            }
        }
        return clean.toString();
    }
}
