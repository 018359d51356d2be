package dev.spamward.razor.client;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Everything a {@link RazorClient} needs; see {@code RazorSettings} for the configuration keys.
 *
 * @param discovery discovery servers (asked for the catalogue and nomination lists); default the DNS name
 *     {@code discovery.razor.cloudmark.com}
 * @param catalogue catalogue servers for checks; non-empty bypasses discovery for checks
 * @param nomination nomination servers for report, revoke and register; non-empty bypasses discovery for them
 * @param timeout connect timeout, and the time within which each reply must be complete
 * @param minConfidence the {@code min_cf} rule
 * @param engines engines to use (a subset of 4 and 8), further limited by each server's {@code se}
 * @param rediscovery how long discovered server lists are kept
 * @param maxReplyBytes the largest reply accepted
 */
public record RazorOptions(List<ServerAddress> discovery, List<ServerAddress> catalogue,
                           List<ServerAddress> nomination, Duration timeout, MinConfidence minConfidence,
                           Set<Integer> engines, Duration rediscovery, int maxReplyBytes) {
    /** The public bootstrap name of the Razor network. */
    public static final String DISCOVERY_HOST = "discovery.razor.cloudmark.com";

    public RazorOptions {
        discovery = List.copyOf(discovery);
        catalogue = List.copyOf(catalogue);
        nomination = List.copyOf(nomination);
        engines = Set.copyOf(engines);
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive");
        if (maxReplyBytes < 64) throw new IllegalArgumentException("maxReplyBytes too small");
    }

    /** The agents' defaults: public discovery, 15 s timeout, {@code min_cf = ac}, engines 4 and 8. */
    public static RazorOptions defaults() {
        return new RazorOptions(List.of(new ServerAddress(DISCOVERY_HOST, ServerAddress.DEFAULT_PORT)), List.of(),
                List.of(), Duration.ofSeconds(15), MinConfidence.parse("ac"), Set.of(4, 8), Duration.ofDays(2),
                64 * 1024);
    }

    /** The same options with both server lists set (no discovery). */
    public RazorOptions withServers(List<ServerAddress> servers) {
        return new RazorOptions(discovery, servers, servers, timeout, minConfidence, engines, rediscovery,
                maxReplyBytes);
    }

    /** The same options with another timeout. */
    public RazorOptions withTimeout(Duration t) {
        return new RazorOptions(discovery, catalogue, nomination, t, minConfidence, engines, rediscovery,
                maxReplyBytes);
    }

    /** The same options with another minimum confidence. */
    public RazorOptions withMinConfidence(MinConfidence m) {
        return new RazorOptions(discovery, catalogue, nomination, timeout, m, engines, rediscovery, maxReplyBytes);
    }

    /** The same options with other discovery servers. */
    public RazorOptions withDiscovery(List<ServerAddress> d) {
        return new RazorOptions(d, catalogue, nomination, timeout, minConfidence, engines, rediscovery,
                maxReplyBytes);
    }
}
