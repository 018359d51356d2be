package dev.spamward.dcc.checksum;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes a message's DCC checksums exactly as {@code dccproc -C} does (DCC 2.3; equal to 1.3.158 except
 * for some FUZ1 values): the header checksums env_From, From, Message-ID and Received, the IP checksum when
 * the SMTP client address is known, and the body checksums Body, Fuz1 and Fuz2.
 *
 * <p>Header lines are read the way {@code dccproc}'s {@code get_hdr} reads them (continuation lines joined,
 * fields longer than 2,048 bytes cut), the body in its 20,480-byte reads. Never throws on mail: a message
 * {@code dccproc} rejects gets an empty result with {@link MessageChecksums#problem()} set. Stateless and
 * thread-safe.
 */
public final class DccChecksummer {
    /** {@code HDR_CK_MAX}: at most this much of a header field is kept. */
    private static final int HDR_CK_MAX = 1024;
    /** {@code dccproc}'s line and read buffer. */
    private static final int BUF_LEN = 20 * HDR_CK_MAX;

    private DccChecksummer() {
    }

    /**
     * The checksums of a message.
     *
     * @param message  the raw message (header, blank line, body; LF or CRLF line ends)
     * @param envFrom  the SMTP MAIL FROM address, or {@code null} to take it from an mbox {@code From } line
     *                 or the first {@code Return-Path:} as {@code dccproc} does
     * @param clientIp the SMTP client address for the IP checksum, or {@code null}
     */
    public static MessageChecksums compute(byte[] message, String envFrom, InetAddress clientIp) {
        return compute(message, envFrom, clientIp, Fuz1Rules.DCC_2_3);
    }

    /** As {@link #compute(byte[], String, InetAddress)}, with the FUZ1 rules of another DCC version. */
    public static MessageChecksums compute(byte[] message, String envFrom, InetAddress clientIp, Fuz1Rules rules) {
        return new Run(message, rules).run(envFrom, clientIp);
    }

    /** The checksums of a message without envelope information. */
    public static MessageChecksums compute(byte[] message) {
        return compute(message, null, null);
    }

    /** {@code str2ck}: MD5 of a header value without white space, {@code <>'",}, case and trailing dots. */
    static byte[] str2ck(byte[] s, int off, int lim) {
        byte[] cbuf = new byte[HDR_CK_MAX];
        int p = 0;
        for (int i = off; i < lim && p < HDR_CK_MAX; i++) {
            int c = s[i] & 0xff;
            if (c == 0) break;
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n'
                    || c == '<' || c == '>' || c == '\'' || c == '"' || c == ',') continue;
            if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
            cbuf[p++] = (byte) c;
        }
        while (p >= 1 && cbuf[p - 1] == '.') --p;
        MessageDigest md = Md5.create();
        md.update(cbuf, 0, p);
        return md.digest();
    }

    /** MD5 of the address as 16 IPv6 bytes (IPv4 mapped to {@code ::ffff:a.b.c.d}). */
    public static byte[] ipSum(InetAddress ip) {
        byte[] a = ip.getAddress();
        byte[] v6 = new byte[16];
        if (ip instanceof Inet4Address) {
            v6[10] = (byte) 0xff;
            v6[11] = (byte) 0xff;
            System.arraycopy(a, 0, v6, 12, 4);
        } else {
            System.arraycopy(a, 0, v6, 0, 16);
        }
        MessageDigest md = Md5.create();
        md.update(v6);
        return md.digest();
    }

    /** One message: the input position and {@code dccproc}'s persistent header buffer. */
    private static final class Run {
        private final byte[] in;
        private int pos;
        private final byte[] buf = new byte[BUF_LEN];
        private boolean seenHdr;

        private final Fuz1Rules rules;

        Run(byte[] in, Fuz1Rules rules) {
            this.in = in;
            this.rules = rules;
        }

        MessageChecksums run(String envFromArg, InetAddress clientIp) {
            List<Checksum> out = new ArrayList<>();
            if (clientIp != null) out.add(new Checksum(CkType.IP, ipSum(clientIp), true));
            BodyDecoder body = new BodyDecoder(rules);
            byte[] fromSum = null;
            byte[] msgIdSum = null;
            byte[] receivedSum = null;
            byte[] envFrom = envFromArg == null ? null : envFromArg.getBytes(StandardCharsets.ISO_8859_1);
            for (;;) {
                int hlen = getHeader();
                if (hlen < 0) return new MessageChecksums(List.of(), "missing message body");
                if (hlen <= 2 && (buf[0] == '\n' || (buf[0] == '\r' && buf[1] == '\n'))) {
                    if (!seenHdr) return new MessageChecksums(List.of(), "missing SMTP header lines");
                    break;
                }
                int len = cLength();
                if (startsWithIgnoreCase(len, "From:")) {
                    fromSum = str2ck(buf, 5, len);
                    seenHdr = true;
                    continue;
                }
                if (startsWithIgnoreCase(len, "Message-ID:")) {
                    msgIdSum = str2ck(buf, 11, len);
                    seenHdr = true;
                    continue;
                }
                if (!seenHdr && envFrom == null && (envFrom = unixFrom(len)) != null) {
                    seenHdr = true;
                    continue;
                }
                if (envFrom == null && (envFrom = returnPath(len)) != null) {
                    seenHdr = true;
                    continue;
                }
                if (startsWithIgnoreCase(len, "Received:")) {
                    seenHdr = true;
                    receivedSum = str2ck(buf, 9, len); // the last Received: header wins
                    continue;
                }
                body.topHeader(buf, len);
                if (!seenHdr) {
                    for (int i = 0; i < len; i++) {
                        int c = buf[i] & 0xff;
                        if (c == ':') {
                            seenHdr = true;
                            break;
                        }
                        if (c <= ' ' || c >= 0x7f) break;
                    }
                }
            }
            if (envFrom != null) out.add(new Checksum(CkType.ENV_FROM, str2ck(envFrom, 0, envFrom.length), true));
            if (fromSum != null) out.add(new Checksum(CkType.FROM, fromSum, true));
            if (msgIdSum != null) {
                out.add(new Checksum(CkType.MESSAGE_ID, msgIdSum, true));
            } else {
                out.add(new Checksum(CkType.MESSAGE_ID, str2ck(new byte[0], 0, 0), false));
            }
            if (receivedSum != null) out.add(new Checksum(CkType.RECEIVED, receivedSum, true));

            while (pos < in.length) {
                int n = Math.min(BUF_LEN, in.length - pos);
                body.update(in, pos, n);
                pos += n;
            }
            body.finish();
            byte[] s = body.body.finish();
            if (s != null) out.add(new Checksum(CkType.BODY, s, true));
            s = body.fuz1.finish();
            if (s != null) out.add(new Checksum(CkType.FUZ1, s, true));
            s = body.fuz2.finish(body.fuz1);
            if (s != null) out.add(new Checksum(CkType.FUZ2, s, true));
            return new MessageChecksums(out, null);
        }

        /** Length of the C string in {@link #buf}. */
        private int cLength() {
            for (int i = 0; i < buf.length; i++) if (buf[i] == 0) return i;
            return buf.length;
        }

        private boolean startsWithIgnoreCase(int len, String prefix) {
            if (len < prefix.length()) return false;
            for (int i = 0; i < prefix.length(); i++) {
                int c = buf[i] & 0xff;
                if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
                if (c != Character.toLowerCase(prefix.charAt(i))) return false;
            }
            return true;
        }

        /** {@code fgets(&buf[at], size)}: bytes read (0 at end of input), NUL-terminated like C. */
        private int fgets(int at, int size) {
            int max = size - 1;
            int n = 0;
            while (n < max && pos < in.length) {
                byte c = in[pos++];
                buf[at + n++] = c;
                if (c == '\n') break;
            }
            if (n > 0) buf[at + n] = 0;
            return n;
        }

        /** {@code get_hdr}: the next header field with its continuation lines; -1 at end of input. */
        private int getHeader() {
            boolean noCopy = false;
            int hlen = 0;
            for (;;) {
                int at = hlen;
                int r = fgets(at, BUF_LEN - hlen);
                if (r == 0) return -1;
                int llen = 0;
                while (llen < r && buf[at + llen] != 0) llen++;
                if (hlen == 0 && isXdccHeader(llen)) {
                    seenHdr = true; // our own X-DCC header is deleted
                    noCopy = true;
                }
                hlen += llen;
                if (hlen > HDR_CK_MAX * 2) {
                    byte c = buf[hlen - 1];
                    hlen = HDR_CK_MAX;
                    buf[hlen++] = '\r';
                    buf[hlen++] = '\n';
                    if (c != '\n') continue;
                }
                if (hlen > 2 && pos < in.length && (in[pos] == ' ' || in[pos] == '\t')) continue;
                if (!noCopy) return hlen;
                noCopy = false;
                hlen = 0;
            }
        }

        /** {@code is_xhdr}: an {@code X-DCC-...-Metrics:} header field. */
        private boolean isXdccHeader(int len) {
            String start = "X-DCC-";
            String end = "-Metrics";
            if (len <= start.length() + end.length() + 1 || !startsWithIgnoreCase(len, start)) return false;
            int b = start.length();
            int n = len - b;
            for (int i = b; i < len; i++) {
                if (buf[i] == ':') {
                    n = i - b;
                    if (n < end.length()) return false;
                    break;
                }
            }
            int e = b + n - end.length();
            for (int i = 0; i < end.length(); i++) {
                int c = buf[e + i] & 0xff;
                if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
                if (c != Character.toLowerCase(end.charAt(i))) return false;
            }
            return true;
        }

        /** {@code parse_unix_from}: the address of an mbox {@code From addr date} line. */
        private byte[] unixFrom(int len) {
            if (len < 5 || buf[0] != 'F' || buf[1] != 'r' || buf[2] != 'o' || buf[3] != 'm' || buf[4] != ' ') {
                return null;
            }
            int p = 5;
            while (p < len && buf[p] == ' ') p++;
            int sp = p;
            while (sp < len && buf[sp] != ' ') sp++;
            if (sp >= len) return null;
            int n = Math.min(sp - p, HDR_CK_MAX);
            return n <= 0 ? null : java.util.Arrays.copyOfRange(buf, p, p + n);
        }

        /** {@code parse_return_path}: the value of a {@code Return-Path:} field. */
        private byte[] returnPath(int len) {
            if (!startsWithIgnoreCase(len, "Return-Path:")) return null;
            int p = 12;
            while (p < len && (buf[p] == ' ' || buf[p] == '\t')) p++;
            int i = len - p;
            while (i > 0 && (buf[p + i - 1] == '\r' || buf[p + i - 1] == '\n')) --i;
            if (i >= HDR_CK_MAX) i = HDR_CK_MAX;
            return i <= 0 ? null : java.util.Arrays.copyOfRange(buf, p, p + i);
        }
    }
}
