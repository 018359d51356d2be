package dev.spamward.core.config;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The effective, validated configuration: every key of the schema with its typed value and origin.
 * Immutable; built by {@link ConfigLoader}.
 */
public final class Config {

    /**
     * One effective setting.
     *
     * @param key    the key
     * @param value  the typed value ({@code null} when a key without default was not set)
     * @param raw    the texts the value was parsed from
     * @param origin where the value came from
     */
    public record Setting(ConfigKey<?> key, Object value, List<String> raw, Origin origin) {
    }

    /** Settings made from a file, the environment or flags, converted and checked when loading. */
    private final Map<String, Setting> settings;
    /** Keys left at their defaults, by name; their settings are made on first use and then kept. */
    private final Map<String, ConfigKey<?>> defaulted;
    private final ConcurrentHashMap<String, Setting> defaults = new ConcurrentHashMap<>();

    Config(Map<String, Setting> settings, Collection<ConfigKey<?>> defaulted) {
        this.settings = Map.copyOf(settings);
        Map<String, ConfigKey<?>> d = new HashMap<>();
        for (ConfigKey<?> k : defaulted) d.put(k.name(), k);
        this.defaulted = Map.copyOf(d);
    }

    /** The typed value of {@code key}; {@code null} only for a key without default that was not set. */
    @SuppressWarnings("unchecked")
    public <T> T get(ConfigKey<T> key) {
        Setting s = setting(key);
        return (T) s.value();
    }

    /** The typed value, or {@code fallback} when the key was not set and has no default. */
    public <T> T get(ConfigKey<T> key, T fallback) {
        T v = get(key);
        return v == null ? fallback : v;
    }

    /** Where the value of {@code key} came from. */
    public Origin origin(ConfigKey<?> key) {
        return setting(key).origin();
    }

    /** Every setting, sorted by key name. */
    public Collection<Setting> settings() {
        return java.util.stream.Stream.concat(settings.keySet().stream(), defaulted.keySet().stream())
                .sorted()
                .map(this::setting)
                .toList();
    }

    private Setting setting(ConfigKey<?> key) {
        return setting(key.name());
    }

    private Setting setting(String name) {
        Setting s = settings.get(name);
        if (s != null) return s;
        ConfigKey<?> d = defaulted.get(name);
        if (d == null) {
            throw new IllegalArgumentException("key not in this configuration's schema: " + name);
        }
        return defaults.computeIfAbsent(name, n -> ConfigLoader.defaultSetting(d));
    }
}
