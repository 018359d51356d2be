package dev.spamward.razor.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a server told us about itself ({@code a=g&pm=state} plus the greeting), with the agents' defaults
 * ({@code default_server_conf}) for anything missing.
 */
final class ServerState {
    private static final Map<String, String> DEFAULTS = Map.of("srl", "-1", "ep4", "7542-10", "bql", "4",
            "ac", "0", "bqs", "128", "se", "C8", "dre", "4");

    private final Map<String, String> conf;

    private ServerState(Map<String, String> conf) {
        this.conf = Map.copyOf(conf);
    }

    /** The state before the server said anything. */
    static ServerState defaults() {
        return new ServerState(DEFAULTS);
    }

    /** This state updated with the fields of a state response. */
    ServerState with(Map<String, String> fields) {
        Map<String, String> m = new LinkedHashMap<>(conf);
        fields.forEach((k, v) -> {
            if (v != null) m.put(k, v);
        });
        return new ServerState(m);
    }

    /** The state's level: the greeting's {@code srl} greater than this means "ask again". */
    long srl() {
        return number(conf.get("srl"), -1);
    }

    String ep4() {
        String e = conf.get("ep4");
        return e == null || e.isEmpty() ? DEFAULTS.get("ep4") : e;
    }

    int bql() {
        return (int) Math.max(0, Math.min(10_000, number(conf.get("bql"), 4)));
    }

    int bqs() {
        return (int) Math.max(0, Math.min(1_000_000, number(conf.get("bqs"), 128)));
    }

    long ac() {
        return number(conf.get("ac"), 0);
    }

    int dre() {
        return (int) number(conf.get("dre"), 4);
    }

    /** {@code hexbits2hash(se)}: bit n-1 of the hex value means engine n. */
    Set<Integer> engines() {
        Set<Integer> out = new TreeSet<>();
        long bits;
        try {
            String se = conf.getOrDefault("se", "C8").strip();
            bits = se.isEmpty() ? 0 : Long.parseLong(se.length() > 8 ? se.substring(se.length() - 8) : se, 16);
        } catch (NumberFormatException e) {
            bits = 0;
        }
        for (int i = 0; i < 32; i++) if ((bits >> i & 1) != 0) out.add(i + 1);
        return out;
    }

    /** Perl's numeric value: leading sign and digits (0 when there are none); {@code fallback} when absent. */
    static long number(String s, long fallback) {
        if (s == null) return fallback;
        s = s.strip();
        int i = 0;
        boolean neg = false;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) neg = s.charAt(i++) == '-';
        long v = 0;
        int digits = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128 && digits < 15) {
            v = v * 10 + (s.charAt(i++) - '0');
            digits++;
        }
        if (digits == 0) return 0;
        return neg ? -v : v;
    }
}
