package dev.spamward.greylist.check;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Asynchronous DNS lookups over dnsjava's non-blocking resolver: A/AAAA and PTR answers as lists,
 * NXDOMAIN and NODATA as empty lists, other failures (SERVFAIL, timeout) as exceptional completion.
 */
public final class Dns {
    private final Resolver resolver;

    /** Uses {@code servers} (or the system's resolv.conf when empty) with this per-query timeout. */
    public Dns(List<InetSocketAddress> servers, Duration timeout) {
        try {
            if (servers.isEmpty()) {
                resolver = new ExtendedResolver();
            } else if (servers.size() == 1) {
                resolver = simple(servers.getFirst());
            } else {
                List<Resolver> rs = new ArrayList<>();
                for (InetSocketAddress s : servers) rs.add(simple(s));
                resolver = new ExtendedResolver(rs);
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("DNS server: " + e.getMessage(), e);
        }
        resolver.setTimeout(timeout);
    }

    private static SimpleResolver simple(InetSocketAddress s) throws UnknownHostException {
        InetAddress a = InetAddress.getByName(s.getHostString());
        return new SimpleResolver(new InetSocketAddress(a, s.getPort() == 0 ? 53 : s.getPort()));
    }

    /** The underlying resolver (for jSPF). */
    public Resolver resolver() {
        return resolver;
    }

    /** Addresses of {@code name} (A, or AAAA when {@code v6}). */
    public CompletableFuture<List<InetAddress>> addresses(String name, boolean v6) {
        return records(name, v6 ? Type.AAAA : Type.A).thenApply(rs -> {
            List<InetAddress> out = new ArrayList<>();
            for (Record r : rs) {
                if (r instanceof ARecord a) out.add(a.getAddress());
                else if (r instanceof AAAARecord a) out.add(a.getAddress());
            }
            return out;
        });
    }

    /** PTR names of {@code addr}, without the trailing dot. */
    public CompletableFuture<List<String>> ptr(InetAddress addr) {
        return records(reverseName(addr, "in-addr.arpa", "ip6.arpa"), Type.PTR).thenApply(rs -> {
            List<String> out = new ArrayList<>();
            for (Record r : rs) if (r instanceof PTRRecord p) out.add(stripDot(p.getTarget().toString()));
            return out;
        });
    }

    /** Records of {@code type} in the answer to {@code name}. */
    public CompletableFuture<List<Record>> records(String name, int type) {
        final Name n;
        try {
            n = Name.fromString(name.endsWith(".") ? name : name + ".");
        } catch (TextParseException e) {
            return CompletableFuture.completedFuture(List.of());
        }
        Message q = Message.newQuery(Record.newRecord(n, type, DClass.IN));
        return resolver.sendAsync(q).toCompletableFuture().thenApply(m -> {
            int rcode = m.getRcode();
            if (rcode == Rcode.NXDOMAIN) return List.<Record>of();
            if (rcode != Rcode.NOERROR) throw new IllegalStateException("DNS " + Rcode.string(rcode) + " for " + name);
            List<Record> out = new ArrayList<>();
            for (Record r : m.getSection(Section.ANSWER)) if (r.getType() == type) out.add(r);
            return out;
        });
    }

    /**
     * The DNS-list form of an address: reversed octets (IPv4) or 32 reversed nibbles (IPv6) followed by
     * {@code zone4}/{@code zone6}, e.g. {@code 10.2.0.192.dnsbl.test}.
     */
    public static String reverseName(InetAddress addr, String zone4, String zone6) {
        byte[] b = addr.getAddress();
        StringBuilder sb = new StringBuilder(80);
        if (b.length == 4) {
            for (int i = 3; i >= 0; i--) sb.append(b[i] & 255).append('.');
            return sb.append(zone4).toString();
        }
        for (int i = 15; i >= 0; i--) {
            sb.append(Character.forDigit(b[i] & 15, 16)).append('.');
            sb.append(Character.forDigit((b[i] >> 4) & 15, 16)).append('.');
        }
        return sb.append(zone6).toString();
    }

    static String stripDot(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
