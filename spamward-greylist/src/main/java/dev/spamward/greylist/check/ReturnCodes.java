package dev.spamward.greylist.check;

import dev.spamward.greylist.state.IpMask;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Which A answers of a DNS list count as "listed" (grossd defect 12 counted any answer, including the
 * 127.255.255.x "query refused" codes). Default: 127.0.0.0/8 except 127.0.0.1 and 127.255.255.0/24.
 * Configured as a comma list of addresses and ranges: {@code 127.0.0.2,127.0.0.4-127.0.0.11}, or {@code any}.
 */
public final class ReturnCodes {
    private final List<long[]> ranges;
    private final boolean any;

    private ReturnCodes(List<long[]> ranges, boolean any) {
        this.ranges = ranges;
        this.any = any;
    }

    /** The default acceptance. */
    public static ReturnCodes defaults() {
        return new ReturnCodes(null, false);
    }

    /** Parses {@code spec}; throws {@link IllegalArgumentException} naming the bad part. */
    public static ReturnCodes parse(String spec) {
        String s = spec.strip();
        if (s.isEmpty()) return defaults();
        if (s.equalsIgnoreCase("any")) return new ReturnCodes(List.of(), true);
        List<long[]> out = new ArrayList<>();
        for (String part : s.split(",")) {
            String p = part.strip();
            int dash = p.indexOf('-');
            long lo = v4(dash < 0 ? p : p.substring(0, dash));
            long hi = dash < 0 ? lo : v4(p.substring(dash + 1));
            if (hi < lo) throw new IllegalArgumentException("empty range " + p);
            out.add(new long[] {lo, hi});
        }
        return new ReturnCodes(out, false);
    }

    private static long v4(String text) {
        InetAddress a = IpMask.parse(text.strip());
        if (!(a instanceof Inet4Address)) throw new IllegalArgumentException("not an IPv4 address: " + text);
        return toLong(a);
    }

    private static long toLong(InetAddress a) {
        byte[] b = a.getAddress();
        return ((b[0] & 255L) << 24) | ((b[1] & 255L) << 16) | ((b[2] & 255L) << 8) | (b[3] & 255L);
    }

    /** Whether this answer means "listed". */
    public boolean accepts(InetAddress answer) {
        if (!(answer instanceof Inet4Address)) return false;
        if (any) return true;
        long v = toLong(answer);
        if (ranges == null) {
            boolean loopback = (v >>> 24) == 127;
            return loopback && v != 0x7f000001L && (v >>> 8) != 0x7fffffL;
        }
        for (long[] r : ranges) if (v >= r[0] && v <= r[1]) return true;
        return false;
    }
}
