package dev.spamward.razor.client;

import dev.spamward.razor.wire.Replies;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalogue and nomination server lists: configured overrides win (no DNS, no discovery); otherwise the
 * discovery servers are asked ({@code a=g&pm=csl}, {@code a=g&pm=nsl}) and the answer is kept in memory for
 * the rediscovery interval. A discovery name resolving to several addresses counts as several servers.
 */
final class Discovery {
    private static final Logger LOG = LoggerFactory.getLogger(Discovery.class);

    @FunctionalInterface
    interface Dialer {
        Connection open(ServerAddress address) throws IOException;
    }

    private record Lists(List<ServerAddress> catalogue, List<ServerAddress> nomination, long expiresNanos) {
    }

    private final RazorOptions options;
    private final Dialer dialer;
    private volatile Lists lists;

    Discovery(RazorOptions options, Dialer dialer) {
        this.options = options;
        this.dialer = dialer;
    }

    List<ServerAddress> catalogue() throws RazorException {
        if (!options.catalogue().isEmpty()) return options.catalogue();
        return discovered().catalogue();
    }

    List<ServerAddress> nomination() throws RazorException {
        if (!options.nomination().isEmpty()) return options.nomination();
        return discovered().nomination();
    }

    /** Forgets the discovered lists (a server's state level changed). */
    void invalidate() {
        lists = null;
    }

    private Lists discovered() throws RazorException {
        Lists l = lists;
        if (l != null && System.nanoTime() - l.expiresNanos() < 0) return l;
        synchronized (this) {
            l = lists;
            if (l != null && System.nanoTime() - l.expiresNanos() < 0) return l;
            l = discover();
            lists = l;
            return l;
        }
    }

    private Lists discover() throws RazorException {
        Set<ServerAddress> csl = new LinkedHashSet<>();
        Set<ServerAddress> nsl = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (ServerAddress d : expand(options.discovery(), problems)) {
            try (Connection c = dialer.open(d)) {
                c.readReply(); // greeting; discovery connections do not identify
                collect(c, "csl", csl);
                collect(c, "nsl", nsl);
                c.quit();
            } catch (IOException | RuntimeException e) {
                LOG.debug("razor discovery: skipping {}: {}", d, e.toString());
                problems.add(d + ": " + e.getMessage());
            }
        }
        if (csl.isEmpty() || nsl.isEmpty()) {
            throw new RazorException("Razor discovery failed"
                    + (problems.isEmpty() ? "" : " (" + String.join("; ", problems) + ")"), true);
        }
        List<ServerAddress> c = new ArrayList<>(csl);
        List<ServerAddress> n = new ArrayList<>(nsl);
        Collections.shuffle(c); // as the agents do, to spread the load
        Collections.shuffle(n);
        return new Lists(List.copyOf(c), List.copyOf(n), System.nanoTime() + options.rediscovery().toNanos());
    }

    private static void collect(Connection c, String type, Set<ServerAddress> into) throws IOException {
        c.send("a=g&pm=" + type + "\r\n");
        for (Map<String, String> r : Replies.parse(c.readReply())) {
            String v = r.get(type);
            if (v == null || v.isBlank()) continue;
            try {
                into.add(ServerAddress.parse(v));
            } catch (IllegalArgumentException e) {
                LOG.debug("razor discovery: ignoring {}={}", type, v);
            }
        }
    }

    private static List<ServerAddress> expand(List<ServerAddress> servers, List<String> problems) {
        List<ServerAddress> out = new ArrayList<>();
        for (ServerAddress s : servers) {
            try {
                for (InetAddress a : InetAddress.getAllByName(s.host())) {
                    out.add(new ServerAddress(a.getHostAddress(), s.port()));
                }
            } catch (UnknownHostException e) {
                problems.add(s + ": cannot resolve");
            }
        }
        return out;
    }
}
