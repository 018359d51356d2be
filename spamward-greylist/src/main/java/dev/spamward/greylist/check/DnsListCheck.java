package dev.spamward.greylist.check;

import dev.spamward.greylist.engine.Query;
import dev.spamward.greylist.state.AddressNormalizer;
import java.net.InetAddress;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * DNSBL (client address, adds weight), DNSWL (client address, a hit trusts) and RHSBL (sender domain,
 * adds weight): one A lookup per query, listed only for an accepted return code. A list whose lookups
 * keep failing is skipped until it earns credits back ({@link Credits}).
 */
public final class DnsListCheck implements Check {

    /** The three kinds of DNS list. */
    public enum Kind { DNSBL, DNSWL, RHSBL }

    private final Kind kind;
    private final String zone;
    private final int weight;
    private final ReturnCodes codes;
    private final Dns dns;
    private final String label;
    private final Credits credits;

    DnsListCheck(Kind kind, String zone, int weight, ReturnCodes codes, Dns dns, long recoverMillis) {
        this.credits = new Credits(5, recoverMillis);
        this.kind = kind;
        this.zone = zone;
        this.weight = weight;
        this.codes = codes;
        this.dns = dns;
        this.label = kind == Kind.DNSWL ? zone : zone + "+" + weight;
    }

    /**
     * Parses grossd's {@code zone[;weight]} plus Spamward's optional third field of accepted codes:
     * {@code zen.example;2;127.0.0.2-127.0.0.11}.
     */
    public static DnsListCheck parse(Kind kind, String spec, Dns dns) {
        return parse(kind, spec, dns, 10_000);
    }

    /** As {@link #parse(Kind, String, Dns)} with the credit recovery time (tests). */
    static DnsListCheck parse(Kind kind, String spec, Dns dns, long recoverMillis) {
        String[] f = spec.split(";", -1);
        String zone = f[0].strip().toLowerCase(Locale.ROOT);
        if (zone.endsWith(".")) zone = zone.substring(0, zone.length() - 1);
        if (!zone.matches("[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*")) {
            throw new IllegalArgumentException("bad DNS list zone '" + f[0].strip() + "'");
        }
        int weight = 1;
        if (f.length > 1 && !f[1].isBlank()) {
            try {
                weight = Integer.parseInt(f[1].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad weight '" + f[1].strip() + "' for " + zone);
            }
            if (weight < 0 || weight > 1000) throw new IllegalArgumentException("weight must be 0..1000 for " + zone);
        }
        ReturnCodes codes = f.length > 2 ? ReturnCodes.parse(f[2]) : ReturnCodes.defaults();
        if (f.length > 3) throw new IllegalArgumentException("too many ';' fields in '" + spec + "'");
        return new DnsListCheck(kind, zone, weight, codes, dns, recoverMillis);
    }

    @Override
    public String name() {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + zone;
    }

    @Override
    public boolean definitive() {
        return kind == Kind.DNSWL;
    }

    @Override
    public CompletableFuture<CheckResult> run(Query q) {
        String name;
        if (kind == Kind.RHSBL) {
            String domain = AddressNormalizer.domain(new AddressNormalizer(true).normalize(q.sender()));
            if (domain.isEmpty() || domain.startsWith("[")) return CompletableFuture.completedFuture(CheckResult.NONE);
            name = domain + "." + zone;
        } else {
            InetAddress client = q.client();
            if (client == null) return CompletableFuture.completedFuture(CheckResult.NONE);
            name = Dns.reverseName(client, zone, zone);
        }
        // A list that keeps failing is skipped for a while instead of costing every query the time limit.
        if (!credits.available()) return CompletableFuture.completedFuture(CheckResult.NONE);
        return dns.addresses(name, false).whenComplete((a, err) -> {
            if (err != null) credits.failed();
        }).thenApply(answers -> {
            for (InetAddress a : answers) {
                if (codes.accepts(a)) {
                    return kind == Kind.DNSWL ? CheckResult.pass(label) : CheckResult.suspicious(label, weight);
                }
            }
            return CheckResult.NONE;
        });
    }
}
