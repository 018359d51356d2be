package dev.spamward.core.config;

import java.util.List;

/** Renders the effective configuration as a valid configuration file, with each value's origin. */
public final class ConfigPrinter {
    private static final String MASK = "********";

    private ConfigPrinter() {
    }

    /** One {@code key = value  # origin} line per value; secrets masked; unset keys commented out. */
    public static String render(Config config) {
        StringBuilder out = new StringBuilder();
        for (Config.Setting s : config.settings()) {
            ConfigKey<?> key = s.key();
            List<String> raw = s.raw();
            if (raw.isEmpty()) {
                out.append("# ").append(key.name()).append(" =").append("  # ")
                        .append(key.isList() ? "empty list" : "not set").append(" (").append(s.origin()).append(")\n");
                continue;
            }
            for (String v : raw) {
                out.append(key.name()).append(" = ").append(key.isSecret() ? MASK : v)
                        .append("  # ").append(s.origin()).append('\n');
            }
        }
        return out.toString();
    }

    /** A reference of every key: name, syntax, default, environment variable and description. */
    public static String reference(ConfigSchema schema) {
        StringBuilder out = new StringBuilder();
        for (ConfigKey<?> key : schema.keys()) {
            out.append(key.name()).append(key.isList() ? " (list)" : "").append(key.isSecret() ? " (secret)" : "")
                    .append("\n    ").append(key.description())
                    .append("\n    syntax: ").append(key.syntax())
                    .append("\n    default: ").append(key.defaults().isEmpty() ? "(none)" : String.join(", ", key.defaults()))
                    .append("\n    env: ").append(key.envName());
            if (key.isSecret()) out.append(" or ").append(key.envName()).append("_FILE");
            for (String alias : key.envAliases()) out.append(", ").append(alias);
            out.append('\n');
        }
        return out.toString();
    }
}
