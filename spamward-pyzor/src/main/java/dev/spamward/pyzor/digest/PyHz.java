package dev.spamward.pyzor.digest;

import java.nio.charset.Charset;

/**
 * Python 3.11's {@code hz} (HZ-GB-2312, RFC 1843) decoder, which the JDK lacks: {@code ~{} and {@code ~}}
 * switch between ASCII and GB 2312, {@code ~~} is a tilde, {@code ~}+LF continues a line; any other
 * sequence, and every 8-bit byte, is a one-byte error.
 */
final class PyHz {
    private static final Charset GB2312 = Charset.forName("GB2312");

    private PyHz() {
    }

    static String decode(byte[] data, boolean replace) {
        StringBuilder out = new StringBuilder(data.length);
        boolean gb = false;
        int n = data.length;
        int pos = 0;
        while (pos < n) {
            int c = data[pos] & 0xFF;
            int err = 0;
            if (c == '~') {
                if (pos + 1 >= n) {
                    err = n - pos;
                } else {
                    int c2 = data[pos + 1] & 0xFF;
                    if (c2 == '~' && !gb) out.append('~');
                    else if (c2 == '{' && !gb) gb = true;
                    else if (c2 == '\n' && !gb) { } // line continuation
                    else if (c2 == '}' && gb) gb = false;
                    else err = 1;
                    if (err == 0) {
                        pos += 2;
                        continue;
                    }
                }
            } else if ((c & 0x80) != 0) {
                err = 1;
            } else if (!gb) {
                out.append((char) c);
                pos++;
                continue;
            } else if (pos + 1 >= n) {
                err = n - pos;
            } else {
                int c2 = data[pos + 1] & 0xFF;
                String ch = c2 >= 0x21 && c2 <= 0x7E && c >= 0x21
                        ? PyCjkDecoder.decode(new byte[] {(byte) (c | 0x80), (byte) (c2 | 0x80)}, "gb2312", GB2312, true) : "";
                if (ch.length() == 1 && ch.charAt(0) != '\uFFFD') {
                    out.append(ch);
                    pos += 2;
                    continue;
                }
                err = 1;
            }
            if (replace) out.append('\uFFFD');
            pos += err;
        }
        return out.toString();
    }
}
