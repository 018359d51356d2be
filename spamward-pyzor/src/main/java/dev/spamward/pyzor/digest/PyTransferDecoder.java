package dev.spamward.pyzor.digest;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * {@code Message.get_payload(decode=True)} of Python 3.11: undoes the Content-Transfer-Encoding with the
 * exact leniency of {@code binascii} ({@code a2b_base64} in strict and lenient mode as
 * {@code email._encoded_words.decode_b} tries them, {@code a2b_qp}, {@code a2b_uu}). When decoding fails
 * the raw bytes come back, as in Python.
 */
final class PyTransferDecoder {
    private static final byte[] B64 = new byte[256];

    static {
        Arrays.fill(B64, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < 64; i++) B64[alphabet.charAt(i)] = (byte) i;
    }

    private PyTransferDecoder() {
    }

    /** The surrogate-escaped payload string back to its bytes. */
    static byte[] toBytes(String payload) {
        byte[] b = new byte[payload.length()];
        for (int i = 0; i < b.length; i++) {
            char c = payload.charAt(i);
            b[i] = (byte) (c >= 0xDC80 && c <= 0xDCFF ? c - 0xDC00 : c);
        }
        return b;
    }

    /** Decoded payload bytes for a non-multipart part with the given (raw) CTE header value. */
    static byte[] decode(String payload, String cteHeader) {
        byte[] raw = toBytes(payload);
        String cte = cteHeader == null ? "" : PyText.lowerAscii(cteHeader);
        return switch (cte) {
            case "quoted-printable" -> a2bQp(raw);
            case "base64" -> decodeB(joinLines(raw));
            case "x-uuencode", "uuencode", "uue", "x-uue" -> decodeUu(raw);
            default -> raw;
        };
    }

    /** {@code b''.join(bpayload.splitlines())}: drop CR and LF. */
    private static byte[] joinLines(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        for (byte b : raw) {
            if (b != '\r' && b != '\n') out.write(b);
        }
        return out.toByteArray();
    }

    /** {@code email._encoded_words.decode_b}. */
    static byte[] decodeB(byte[] encoded) {
        int padErr = encoded.length % 4;
        byte[] padded = encoded;
        if (padErr != 0) {
            padded = Arrays.copyOf(encoded, encoded.length + 4 - padErr);
            Arrays.fill(padded, encoded.length, padded.length, (byte) '=');
        }
        byte[] r = a2bBase64(padded, true);
        if (r != null) return r;
        r = a2bBase64(encoded, false);
        if (r != null) return r;
        byte[] more = Arrays.copyOf(encoded, encoded.length + 2);
        more[encoded.length] = '=';
        more[encoded.length + 1] = '=';
        r = a2bBase64(more, false);
        return r != null ? r : encoded;
    }

    /** {@code binascii.a2b_base64(data, strict_mode=strict)}; {@code null} where Python raises. */
    static byte[] a2bBase64(byte[] data, boolean strict) {
        if (strict && data.length > 0 && data[0] == '=') return null;
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * 3 / 4 + 3);
        int quadPos = 0;
        int leftChar = 0;
        int pads = 0;
        boolean paddingStarted = false;
        for (int i = 0; i < data.length; i++) {
            int ch = data[i] & 0xFF;
            if (ch == '=') {
                paddingStarted = true;
                if (strict && quadPos == 0) return null;
                if (quadPos >= 2 && quadPos + ++pads >= 4) {
                    if (strict && i + 1 < data.length) return null;
                    return out.toByteArray();
                }
                continue;
            }
            int v = B64[ch];
            if (v < 0) {
                if (strict) return null;
                continue;
            }
            if (strict && paddingStarted) return null;
            pads = 0;
            switch (quadPos) {
                case 0 -> {
                    quadPos = 1;
                    leftChar = v;
                }
                case 1 -> {
                    quadPos = 2;
                    out.write((leftChar << 2) | (v >> 4));
                    leftChar = v & 0x0F;
                }
                case 2 -> {
                    quadPos = 3;
                    out.write((leftChar << 4) | (v >> 2));
                    leftChar = v & 0x03;
                }
                default -> {
                    quadPos = 0;
                    out.write((leftChar << 6) | v);
                    leftChar = 0;
                }
            }
        }
        return quadPos != 0 ? null : out.toByteArray();
    }

    /** {@code binascii.a2b_qp(data, header=False)}. */
    static byte[] a2bQp(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        int n = in.length;
        int i = 0;
        while (i < n) {
            if (in[i] == '=') {
                i++;
                if (i >= n) break;
                if (in[i] == '\n' || in[i] == '\r') {
                    if (in[i] != '\n') {
                        while (i < n && in[i] != '\n') i++;
                    }
                    if (i < n) i++;
                } else if (in[i] == '=') {
                    out.write('=');
                    i++;
                } else if (i + 1 < n && hex(in[i]) >= 0 && hex(in[i + 1]) >= 0) {
                    out.write(hex(in[i]) << 4 | hex(in[i + 1]));
                    i += 2;
                } else {
                    out.write('=');
                }
            } else {
                out.write(in[i]);
                i++;
            }
        }
        return out.toByteArray();
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') return b - '0';
        if (b >= 'a' && b <= 'f') return b - 'a' + 10;
        if (b >= 'A' && b <= 'F') return b - 'A' + 10;
        return -1;
    }

    /** {@code email.message._decode_uu}, returning the raw bytes where Python gives up. */
    static byte[] decodeUu(byte[] raw) {
        java.util.List<byte[]> lines = bytesSplitLines(raw);
        int k = 0;
        boolean begun = false;
        for (; k < lines.size(); k++) {
            byte[] line = lines.get(k);
            if (startsWith(line, "begin ")) {
                byte[] rest = Arrays.copyOfRange(line, 6, line.length);
                int sp = indexOf(rest, (byte) ' ');
                String mode = new String(rest, 0, sp < 0 ? rest.length : sp, java.nio.charset.StandardCharsets.ISO_8859_1);
                if (isOctal(mode)) {
                    begun = true;
                    k++;
                    break;
                }
            }
        }
        if (!begun) return raw;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (; k < lines.size(); k++) {
            byte[] line = lines.get(k);
            if (line.length == 0) return raw; // "Truncated input"
            if (stripUuWs(line).equals("end")) {
                break;
            }
            byte[] d = a2bUu(line);
            if (d == null) {
                int nbytes = ((((line[0] & 0xFF) - 32) & 63) * 4 + 5) / 3;
                d = a2bUu(Arrays.copyOf(line, Math.min(nbytes, line.length)));
                if (d == null) return raw;
            }
            out.writeBytes(d);
        }
        return out.toByteArray();
    }

    private static String stripUuWs(byte[] line) {
        int s = 0;
        int e = line.length;
        while (s < e && isUuWs(line[s])) s++;
        while (e > s && isUuWs(line[e - 1])) e--;
        return new String(line, s, e - s, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static boolean isUuWs(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '\f';
    }

    private static boolean isOctal(String s) {
        String t = s.strip().replace("_", "");
        if (t.startsWith("+") || t.startsWith("-")) t = t.substring(1);
        if (t.startsWith("0o") || t.startsWith("0O")) t = t.substring(2);
        if (t.isEmpty()) return false;
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '7') return false;
        }
        return true;
    }

    /** {@code binascii.a2b_uu}; {@code null} where Python raises. */
    static byte[] a2bUu(byte[] data) {
        if (data.length == 0) return new byte[0];
        int binLen = ((data[0] & 0xFF) - ' ') & 077;
        byte[] out = new byte[binLen];
        int o = 0;
        int p = 1;
        int asciiLen = data.length - 1;
        int leftBits = 0;
        int leftChar = 0;
        for (; binLen > 0; asciiLen--, p++) {
            int ch = asciiLen > 0 ? data[p] & 0xFF : 0;
            if (ch == '\n' || ch == '\r' || asciiLen <= 0) {
                ch = 0;
            } else {
                if (ch < ' ' || ch > ' ' + 64) return null;
                ch = (ch - ' ') & 077;
            }
            leftChar = (leftChar << 6) | ch;
            leftBits += 6;
            if (leftBits >= 8) {
                leftBits -= 8;
                out[o++] = (byte) ((leftChar >> leftBits) & 0xFF);
                leftChar &= (1 << leftBits) - 1;
                binLen--;
            }
        }
        while (asciiLen-- > 0) {
            int ch = data[p++] & 0xFF;
            if (ch != ' ' && ch != ' ' + 64 && ch != '\n' && ch != '\r') return null;
        }
        return out;
    }

    /** {@code bytes.splitlines()}: breaks on LF, CR and CR LF only. */
    static java.util.List<byte[]> bytesSplitLines(byte[] raw) {
        java.util.List<byte[]> lines = new java.util.ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < raw.length) {
            byte b = raw[i];
            if (b == '\n' || b == '\r') {
                lines.add(Arrays.copyOfRange(raw, start, i));
                i += (b == '\r' && i + 1 < raw.length && raw[i + 1] == '\n') ? 2 : 1;
                start = i;
            } else {
                i++;
            }
        }
        if (start < raw.length) lines.add(Arrays.copyOfRange(raw, start, raw.length));
        return lines;
    }

    private static boolean startsWith(byte[] line, String prefix) {
        if (line.length < prefix.length()) return false;
        for (int i = 0; i < prefix.length(); i++) {
            if (line[i] != prefix.charAt(i)) return false;
        }
        return true;
    }

    private static int indexOf(byte[] a, byte v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) return i;
        }
        return -1;
    }
}
