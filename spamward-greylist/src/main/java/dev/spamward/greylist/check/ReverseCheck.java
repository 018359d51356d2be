package dev.spamward.greylist.check;

import dev.spamward.greylist.engine.Query;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * Reverse DNS of the client: no PTR, or a PTR whose name does not resolve back to the client (not
 * forward-confirmed), adds {@code weight}; a PTR that looks like a dynamic pool name adds {@code genericWeight}.
 */
public final class ReverseCheck implements Check {
    private static final Pattern GENERIC_WORD = Pattern.compile(
            "(^|[.-])(dyn|dynamic|dynip|[ax]?dsl|dhcp|pool|pppoe?|cable|dial|dialup|broadband|bb|cust|customer|client|"
                    + "host|ip|res|residential|user|static|unknown)[0-9.-]", Pattern.CASE_INSENSITIVE);

    private final Dns dns;
    private final int weight;
    private final int genericWeight;

    public ReverseCheck(Dns dns, int weight, int genericWeight) {
        this.dns = dns;
        this.weight = weight;
        this.genericWeight = genericWeight;
    }

    @Override
    public String name() {
        return "reverse";
    }

    @Override
    public CompletableFuture<CheckResult> run(Query q) {
        InetAddress client = q.client();
        if (client == null) return CompletableFuture.completedFuture(CheckResult.NONE);
        return dns.ptr(client).thenCompose(names -> {
            if (names.isEmpty()) return CompletableFuture.completedFuture(CheckResult.suspicious("reverse:none", weight));
            String ptr = names.getFirst();
            CheckResult generic = isGeneric(ptr, client) ? CheckResult.suspicious("reverse:generic", genericWeight) : CheckResult.NONE;
            return dns.addresses(ptr, client instanceof Inet6Address).handle((addrs, err) -> {
                boolean confirmed = err == null && addrs.contains(client);
                return confirmed ? generic : CheckResult.suspicious("reverse:unconfirmed", weight).plus(generic);
            });
        });
    }

    /** Whether a PTR name looks generic: it spells the address's octets, or has a dynamic-pool word before digits. */
    public static boolean isGeneric(String ptr, InetAddress client) {
        String name = ptr.toLowerCase(Locale.ROOT);
        byte[] b = client.getAddress();
        if (b.length == 4) {
            List<String> o = List.of(String.valueOf(b[0] & 255), String.valueOf(b[1] & 255), String.valueOf(b[2] & 255),
                    String.valueOf(b[3] & 255));
            String fwd = String.join("[.-]", o);
            String rev = String.join("[.-]", o.reversed());
            if (Pattern.compile("(^|\\D)(" + fwd + "|" + rev + ")(\\D|$)").matcher(name).find()) return true;
            String hex = String.format("%02x%02x%02x%02x", b[0] & 255, b[1] & 255, b[2] & 255, b[3] & 255);
            if (name.contains(hex)) return true;
        }
        return GENERIC_WORD.matcher(name).find();
    }
}
