package dev.spamward.core.config;

import dev.spamward.core.io.IoErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Config} from a file ({@code key = value} lines, {@code #} comment lines, a list key
 * repeated once per element, as grossd.conf), the environment ({@code SPAMWARD_*}) and command-line
 * assignments ({@code key=value}). Precedence: flag &gt; environment &gt; file &gt; default, per key; a
 * higher source replaces a list as a whole. Every problem stops loading with a {@link ConfigException}
 * naming the key, the value and the origin.
 */
public final class ConfigLoader {
    private static final String FILE_SUFFIX = "_file";

    private final ConfigSchema schema;

    public ConfigLoader(ConfigSchema schema) {
        this.schema = schema;
    }

    /**
     * Loads and validates the configuration.
     *
     * @param file  a configuration file, or {@code null} for none
     * @param env   the environment (usually {@link System#getenv()})
     * @param flags {@code key=value} assignments from the command line, in order
     */
    public Config load(Path file, Map<String, String> env, List<String> flags) {
        Map<String, Candidate> chosen = new LinkedHashMap<>();
        if (file != null) {
            readFile(file, chosen);
        }
        readEnv(env, chosen);
        readFlags(flags, chosen);
        return build(chosen);
    }

    private Config build(Map<String, Candidate> chosen) {
        Map<String, Config.Setting> settings = new LinkedHashMap<>();
        List<ConfigKey<?>> defaulted = new ArrayList<>();
        for (ConfigKey<?> key : schema.keys()) {
            Candidate c = chosen.get(key.name());
            if (c == null) {
                defaulted.add(key); // converted on first use: a short command reads a few of several hundred keys
                continue;
            }
            Object value = convert(key, c.values, c.origins, c.origin);
            settings.put(key.name(), new Config.Setting(key, value, List.copyOf(c.values), c.origin));
        }
        return new Config(settings, defaulted);
    }

    /**
     * Like {@link #load} but ignores keys this schema does not know (they may belong to modules that
     * are not part of this schema). Used to read a few keys early, before the full schema is loaded.
     */
    public Config loadLenient(Path file, Map<String, String> env, List<String> flags) {
        Map<String, String> known = new java.util.HashMap<>();
        for (Map.Entry<String, String> e : env.entrySet()) {
            String k = e.getKey();
            if (!k.startsWith("SPAMWARD_") || schema.byEnvName(k) != null) known.put(k, e.getValue());
        }
        List<String> knownFlags = flags.stream()
                .filter(f -> f.indexOf('=') > 0 && schema.byName(f.substring(0, f.indexOf('=')).strip()) != null).toList();
        List<String> fileFlags = new ArrayList<>();
        if (file != null) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String l = line.strip();
                    int eq = l.indexOf('=');
                    if (l.startsWith("#") || eq <= 0) continue;
                    String name = l.substring(0, eq).strip();
                    if (schema.byName(name) != null) fileFlags.add(name + "=" + l.substring(eq + 1).strip());
                }
            } catch (IOException e) {
                // Reported by the real load.
            }
        }
        Map<String, Candidate> chosen = new LinkedHashMap<>();
        readFlags(fileFlags, chosen);
        Map<String, Candidate> higher = new LinkedHashMap<>();
        readEnv(known, higher);
        readFlags(knownFlags, higher);
        chosen.putAll(higher);
        return build(chosen);
    }

    /** Values collected for one key from the highest source seen so far. */
    private static final class Candidate {
        final Origin.Kind kind;
        Origin origin;
        final List<String> values = new ArrayList<>();
        final List<Origin> origins = new ArrayList<>();

        Candidate(Origin origin) {
            this.kind = origin.kind();
            this.origin = origin;
        }
    }

    private void readFile(Path file, Map<String, Candidate> chosen) {
        final List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + IoErrors.describe(file.toString(), e));
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            Origin origin = Origin.file(file.toString(), i + 1);
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException("expected 'key = value' at " + origin + ", found '" + line + "'");
            }
            assign(line.substring(0, eq).strip(), line.substring(eq + 1).strip(), origin, chosen, true);
        }
    }

    private void readEnv(Map<String, String> env, Map<String, Candidate> chosen) {
        // Aliases first, so that a SPAMWARD_* variable for the same key wins over another tool's name.
        for (ConfigKey<?> key : schema.keys()) {
            for (String alias : key.envAliases()) {
                String v = env.get(alias);
                if (v != null) putEnv(key, v, Origin.env(alias), chosen);
                String f = env.get(alias + "_FILE");
                if (f != null && key.isSecret()) putEnv(key, readSecret(key, f, Origin.env(alias + "_FILE")),
                        Origin.env(alias + "_FILE"), chosen);
            }
        }
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(env).entrySet()) {
            String var = e.getKey();
            if (!var.startsWith("SPAMWARD_") || ConfigSchema.LAUNCHER_VARIABLES.contains(var)) continue;
            Origin origin = Origin.env(var);
            ConfigKey<?> key = schema.byEnvName(var);
            if (key != null) {
                putEnv(key, e.getValue(), origin, chosen);
                continue;
            }
            if (var.endsWith("_FILE")) {
                ConfigKey<?> secretKey = schema.byEnvName(var.substring(0, var.length() - 5));
                if (secretKey != null && secretKey.isSecret()) {
                    putEnv(secretKey, readSecret(secretKey, e.getValue(), origin), origin, chosen);
                    continue;
                }
            }
            throw new ConfigException("unknown configuration variable " + var
                    + " (environment); see 'spamward config --keys' for the known keys");
        }
    }

    private static void putEnv(ConfigKey<?> key, String value, Origin origin, Map<String, Candidate> chosen) {
        Candidate c = new Candidate(origin);
        if (key.isList()) {
            for (String part : value.split(",")) {
                String p = part.strip();
                if (!p.isEmpty()) {
                    c.values.add(p);
                    c.origins.add(origin);
                }
            }
        } else {
            c.values.add(value.strip());
            c.origins.add(origin);
        }
        chosen.put(key.name(), c);
    }

    private void readFlags(List<String> flags, Map<String, Candidate> chosen) {
        for (String flag : flags) {
            int eq = flag.indexOf('=');
            if (eq <= 0) throw new ConfigException("expected --set key=value, found '" + flag + "'");
            Origin origin = Origin.flag("--set " + flag.substring(0, eq).strip());
            assign(flag.substring(0, eq).strip(), flag.substring(eq + 1).strip(), origin, chosen, true);
        }
    }

    /** Adds one {@code name = value} from a file or flag, where a list key may repeat. */
    private void assign(String name, String value, Origin origin, Map<String, Candidate> chosen, boolean repeatable) {
        ConfigKey<?> key = schema.byName(name);
        if (key == null && name.endsWith(FILE_SUFFIX)) {
            ConfigKey<?> secretKey = schema.byName(name.substring(0, name.length() - FILE_SUFFIX.length()));
            if (secretKey != null && secretKey.isSecret()) {
                key = secretKey;
                value = readSecret(secretKey, value, origin);
            }
        }
        if (key == null) throw ConfigException.unknownKey(name, origin, schema.suggest(name));
        Candidate c = chosen.get(key.name());
        if (c == null || c.kind != origin.kind()) {
            c = new Candidate(origin);
            chosen.put(key.name(), c);
        } else if (!key.isList() || !repeatable) {
            throw new ConfigException(key.name() + " is given twice (" + c.origin + " and " + origin
                    + "); it takes one value");
        }
        c.values.add(value);
        c.origins.add(origin);
        c.origin = c.origins.get(0);
    }

    private static String readSecret(ConfigKey<?> key, String path, Origin origin) {
        try {
            String s = Files.readString(Path.of(path), StandardCharsets.UTF_8);
            // A trailing newline is an artefact of how secret files are written, never part of the secret.
            return s.strip();
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("cannot read the secret for " + key.name() + " from file '" + path + "' ("
                    + origin + "): " + e.getClass().getSimpleName());
        }
    }

    /**
     * The setting of a key left at its default. Every default is a constant of the code that the schema
     * tests convert, so deferring the conversion cannot hide a user's mistake.
     */
    static Config.Setting defaultSetting(ConfigKey<?> key) {
        List<String> raw = key.defaults();
        return new Config.Setting(key, convert(key, raw, null, Origin.DEFAULT), List.copyOf(raw), Origin.DEFAULT);
    }

    private static Object convert(ConfigKey<?> key, List<String> raw, List<Origin> origins, Origin origin) {
        if (key.isList()) {
            List<Object> out = new ArrayList<>(raw.size());
            for (int i = 0; i < raw.size(); i++) {
                out.add(parse(key, raw.get(i), origins == null ? origin : origins.get(i)));
            }
            return List.copyOf(out);
        }
        return raw.isEmpty() ? null : parse(key, raw.get(0), origin);
    }

    private static Object parse(ConfigKey<?> key, String text, Origin origin) {
        try {
            return key.parseElement(text);
        } catch (IllegalArgumentException e) {
            String shown = key.isSecret() ? "********" : text;
            throw ConfigException.badValue(key.name(), shown, origin, e.getMessage() + " (" + key.syntax() + ")");
        }
    }
}
