package dev.spamward.greylist.check;

import dev.spamward.greylist.engine.Query;
import dev.spamward.greylist.state.IpMask;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * The HELO/EHLO name: an address literal or something that is not a fully qualified host name adds
 * {@code invalidWeight} (no DNS needed); a name without addresses, or whose addresses do not include the
 * client, adds {@code weight}. A missing HELO counts as invalid (grossd 1.1.0~git crashed on it).
 */
public final class HeloCheck implements Check {
    private static final Pattern HOSTNAME = Pattern.compile(
            "(?i)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?\\.?");

    private final Dns dns;
    private final int weight;
    private final int invalidWeight;

    public HeloCheck(Dns dns, int weight, int invalidWeight) {
        this.dns = dns;
        this.weight = weight;
        this.invalidWeight = invalidWeight;
    }

    @Override
    public String name() {
        return "helo";
    }

    @Override
    public CompletableFuture<CheckResult> run(Query q) {
        String helo = q.heloName().strip();
        if (helo.isEmpty()) return done(CheckResult.suspicious("helo:missing", invalidWeight));
        if (helo.startsWith("[") || IpMask.parse(helo) != null) return done(CheckResult.suspicious("helo:literal", invalidWeight));
        if (helo.length() > 253 || !HOSTNAME.matcher(helo).matches()) return done(CheckResult.suspicious("helo:syntax", invalidWeight));
        InetAddress client = q.client();
        return dns.addresses(helo, client instanceof Inet6Address).thenApply(addrs -> {
            if (addrs.isEmpty()) return CheckResult.suspicious("helo:unresolvable", weight);
            if (client != null && !addrs.contains(client)) return CheckResult.suspicious("helo:mismatch", weight);
            return CheckResult.NONE;
        });
    }

    private static CompletableFuture<CheckResult> done(CheckResult r) {
        return CompletableFuture.completedFuture(r);
    }
}
