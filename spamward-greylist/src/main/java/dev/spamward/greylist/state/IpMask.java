package dev.spamward.greylist.state;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Masks a client address to the network part kept in the greylisting triplet and prints it as
 * {@code inet_ntop} does (IPv6 in RFC 5952 compressed form), so keys match grossd's for the same input.
 * A prefix of 0 really ignores the address (grossd defect 6: its mask 0 behaved like /32).
 *
 * @param v4 IPv4 prefix length kept, 0..32
 * @param v6 IPv6 prefix length kept, 0..128
 */
public record IpMask(int v4, int v6) {

    /** What a masked key holds instead of an address when the prefix is 0. */
    public static final String ANY = "*";

    public IpMask {
        if (v4 < 0 || v4 > 32) throw new IllegalArgumentException("IPv4 mask must be 0..32: " + v4);
        if (v6 < 0 || v6 > 128) throw new IllegalArgumentException("IPv6 mask must be 0..128: " + v6);
    }

    /**
     * Parses a client address literal without any DNS lookup: IPv4, IPv6, {@code [v6]} or {@code IPv6:v6}
     * (Sendmail/Postfix spellings). Returns null for anything else.
     */
    public static InetAddress parse(String text) {
        if (text == null) return null;
        String s = text.strip();
        if (s.startsWith("[") && s.endsWith("]")) s = s.substring(1, s.length() - 1);
        if (s.regionMatches(true, 0, "IPv6:", 0, 5)) s = s.substring(5);
        if (s.isEmpty() || s.length() > 64) return null;
        int pct = s.indexOf('%');
        if (pct >= 0) s = s.substring(0, pct);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '.' || c == ':';
            if (!ok) return null;
        }
        // Only the dotted quad: InetAddress also takes BSD forms such as "1.2.3", which no MTA sends.
        if (s.indexOf(':') < 0 && !isDottedQuad(s)) return null;
        try {
            return InetAddress.ofLiteral(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isDottedQuad(String s) {
        int parts = 0;
        int digits = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == '.') {
                if (digits == 0 || digits > 3) return false;
                parts++;
                digits = 0;
            } else if (Character.isDigit(s.charAt(i))) {
                digits++;
            } else {
                return false;
            }
        }
        return parts == 4;
    }

    /** The masked network of {@code addr} as text ({@code 192.0.2.0}, {@code 2001:db8:1:2::}), or {@link #ANY}. */
    public String apply(InetAddress addr) {
        byte[] b = addr.getAddress();
        int prefix = addr instanceof Inet4Address ? v4 : v6;
        if (addr instanceof Inet6Address && isV4Mapped(b)) {
            byte[] v4b = {b[12], b[13], b[14], b[15]};
            return apply4(v4b, v4);
        }
        if (prefix == 0) return ANY;
        return b.length == 4 ? apply4(b, prefix) : format6(maskBytes(b, prefix));
    }

    private static String apply4(byte[] b, int prefix) {
        if (prefix == 0) return ANY;
        byte[] m = maskBytes(b, prefix);
        return (m[0] & 255) + "." + (m[1] & 255) + "." + (m[2] & 255) + "." + (m[3] & 255);
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) if (b[i] != 0) return false;
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    static byte[] maskBytes(byte[] in, int prefix) {
        byte[] out = in.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - 8 * i));
            out[i] &= (byte) (keep == 0 ? 0 : 0xff << (8 - keep));
        }
        return out;
    }

    /** RFC 5952 text: lower case, longest run (>= 2) of zero groups replaced by {@code ::}, first run on ties. */
    static String format6(byte[] b) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) g[i] = ((b[2 * i] & 255) << 8) | (b[2 * i + 1] & 255);
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestLen < 2) bestStart = -1;
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != ':') sb.append(':');
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}
