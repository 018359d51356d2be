package dev.spamward.core.config;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

    private final Map<String, Setting> settings;

    Config(Map<String, Setting> settings) {
        this.settings = Map.copyOf(settings);
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
        return settings.values().stream()
                .sorted(java.util.Comparator.comparing(s -> s.key().name()))
                .toList();
    }

    private Setting setting(ConfigKey<?> key) {
        Setting s = settings.get(key.name());
        if (s == null) {
            throw new IllegalArgumentException("key not in this configuration's schema: " + key);
        }
        return Objects.requireNonNull(s);
    }
}
