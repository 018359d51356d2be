package dev.spamward.core.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/** Every configuration key the program knows, by name and by environment variable. */
public final class ConfigSchema {

    /** Environment variables the launcher uses; they are not configuration keys and are never rejected. */
    public static final Set<String> LAUNCHER_VARIABLES = Set.of(
            "SPAMWARD_CONFIG", "SPAMWARD_JAVA", "SPAMWARD_JAVA_OPTS", "SPAMWARD_HOME", "SPAMWARD_JAR",
            "SPAMWARD_AOT", "SPAMWARD_REBUILD", "SPAMWARD_MVN_OPTS");

    private final Map<String, ConfigKey<?>> byName = new TreeMap<>();
    private final Map<String, ConfigKey<?>> byEnv = new HashMap<>();

    private ConfigSchema(Collection<ConfigKey<?>> keys) {
        for (ConfigKey<?> key : keys) {
            if (byName.putIfAbsent(key.name(), key) != null) {
                throw new IllegalStateException("configuration key defined twice: " + key.name());
            }
            ConfigKey<?> clash = byEnv.putIfAbsent(key.envName(), key);
            if (clash != null) {
                throw new IllegalStateException("keys " + clash + " and " + key + " share " + key.envName());
            }
        }
    }

    /** The schema made of every {@link ConfigSection} on the class path. */
    public static ConfigSchema discover() {
        List<ConfigKey<?>> keys = new ArrayList<>();
        for (ConfigSection section : ServiceLoader.load(ConfigSection.class)) {
            keys.addAll(section.keys());
        }
        return new ConfigSchema(keys);
    }

    /** A schema of exactly these sections (for tests and embedding). */
    public static ConfigSchema of(ConfigSection... sections) {
        List<ConfigKey<?>> keys = new ArrayList<>();
        for (ConfigSection s : sections) keys.addAll(s.keys());
        return new ConfigSchema(keys);
    }

    public ConfigKey<?> byName(String name) {
        return byName.get(name);
    }

    ConfigKey<?> byEnvName(String variable) {
        return byEnv.get(variable);
    }

    /** All keys, sorted by name. */
    public Collection<ConfigKey<?>> keys() {
        return byName.values();
    }

    /** The known key closest to {@code name} (edit distance at most 3), or null. */
    String suggest(String name) {
        String best = null;
        int bestDistance = 4;
        for (String candidate : byName.keySet()) {
            int d = distance(name, candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
