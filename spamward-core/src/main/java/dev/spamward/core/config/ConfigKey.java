package dev.spamward.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One typed configuration key. Keys are lower-case words joined by dots and underscores
 * ({@code http.listen}, {@code greylist.grey_delay}); the environment variable is
 * {@code SPAMWARD_} plus the key upper-cased with dots turned into underscores.
 *
 * <p>A list key may be given several times in a file, several times as a flag, or once in the
 * environment as a comma-separated list. A secret key may also be given as {@code KEY_file}
 * (file), {@code SPAMWARD_..._FILE} (environment): the value is then read from that file and never printed.
 *
 * @param <T> the type of the value ({@code List<E>} for list keys)
 */
public final class ConfigKey<T> {
    private final String name;
    private final ValueType<?> type;
    private final boolean list;
    private final List<String> defaults;
    private final String description;
    private final boolean secret;
    private final List<String> envAliases;

    private ConfigKey(String name, ValueType<?> type, boolean list, List<String> defaults, String description,
                      boolean secret, List<String> envAliases) {
        if (!name.matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+")) {
            throw new IllegalArgumentException("bad key name '" + name + "': use section.name in lower case");
        }
        this.name = name;
        this.type = Objects.requireNonNull(type);
        this.list = list;
        this.defaults = List.copyOf(defaults);
        this.description = Objects.requireNonNull(description);
        this.secret = secret;
        this.envAliases = List.copyOf(envAliases);
        if (!list && this.defaults.size() > 1) throw new IllegalArgumentException(name + ": one default only");
    }

    /** A single-valued key; {@code defaultValue} is parsed like any other value ({@code null}: no default). */
    public static <E> ConfigKey<E> of(String name, ValueType<E> type, String defaultValue, String description) {
        return new ConfigKey<>(name, type, false, defaultValue == null ? List.of() : List.of(defaultValue),
                description, false, List.of());
    }

    /** A list key; the default is the given (possibly empty) list. */
    public static <E> ConfigKey<List<E>> listOf(String name, ValueType<E> type, List<String> defaults, String description) {
        return new ConfigKey<>(name, type, true, defaults, description, false, List.of());
    }

    /** The same key, marked secret: masked when printed, also readable from a file named by {@code name_file}. */
    public ConfigKey<T> secret() {
        return new ConfigKey<>(name, type, list, defaults, description, true, envAliases);
    }

    /**
     * The same key, also read from these environment variables (lower precedence than {@code SPAMWARD_*}),
     * e.g. another tool's names so that a deployment can switch without renaming variables.
     */
    public ConfigKey<T> withEnvAliases(String... aliases) {
        List<String> all = new ArrayList<>(envAliases);
        all.addAll(List.of(aliases));
        return new ConfigKey<>(name, type, list, defaults, description, secret, all);
    }

    public String name() {
        return name;
    }

    public boolean isList() {
        return list;
    }

    public boolean isSecret() {
        return secret;
    }

    public List<String> defaults() {
        return defaults;
    }

    public String description() {
        return description;
    }

    public String syntax() {
        return type.syntax();
    }

    public List<String> envAliases() {
        return envAliases;
    }

    /** The environment variable for this key: {@code SPAMWARD_HTTP_LISTEN} for {@code http.listen}. */
    public String envName() {
        return "SPAMWARD_" + name.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    /** Parses one element; throws {@link IllegalArgumentException} with the reason. */
    Object parseElement(String text) {
        return type.parse(text);
    }

    @Override
    public String toString() {
        return name;
    }
}
