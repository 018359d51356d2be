package dev.spamward.cli;

import dev.spamward.core.cli.CommandContext;
import dev.spamward.core.cli.Specs;
import dev.spamward.core.config.Config;
import dev.spamward.core.config.ConfigLoader;
import dev.spamward.core.config.ConfigSchema;
import dev.spamward.core.config.CoreSettings;
import dev.spamward.core.log.Logging;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;

/**
 * The root command. Its options are inherited by every subcommand, so {@code spamward serve --config F}
 * and {@code spamward --config F serve} mean the same. The configuration is loaded on first use and
 * logging is configured from it before any logger exists. Its picocli model is built in code
 * ({@link #spec()}): annotations would cost every short command the reflection start-up.
 */
public final class SpamwardCommand implements CommandContext {

    Path configFile;
    List<String> assignments = new ArrayList<>();
    String logLevel;

    private Config config;
    private final Map<String, String> env;

    public SpamwardCommand() {
        this(System.getenv());
    }

    /** A root that reads this environment instead of the process's (for tests). */
    public SpamwardCommand(Map<String, String> env) {
        this.env = env;
    }

    /** The root's picocli model, without subcommands (the CLI adds those it needs). */
    CommandSpec spec() {
        CommandSpec spec = Specs.command(this, "spamward", "Anti-spam for mail servers: greylisting, Bayes, DCC/Razor/Pyzor.")
                .versionProvider(new BuildInfo());
        spec.usageMessage().footer("", "Configuration: file (--config or SPAMWARD_CONFIG) < SPAMWARD_* variables < --set flags.",
                "See 'spamward config --keys' for every key.");
        spec.addOption(Specs.option(Path.class, "FILE", v -> configFile = v,
                "Configuration file (key = value lines). Default: $SPAMWARD_CONFIG, else none.", "--config")
                .scopeType(ScopeType.INHERIT).build());
        spec.addOption(Specs.repeated("KEY=VALUE", "Set a configuration key; repeat for several keys or list elements.",
                v -> assignments = v, "-o", "--set")
                .scopeType(ScopeType.INHERIT).build());
        spec.addOption(Specs.option(String.class, "LEVEL", v -> logLevel = v,
                "Shorthand for --set log.level=LEVEL (trace, debug, info, warn, error, off).", "--log-level")
                .scopeType(ScopeType.INHERIT).build());
        return spec;
    }

    @Override
    public synchronized Config config() {
        if (config == null) {
            config = load();
            Logging.configure(config.get(CoreSettings.LOG_LEVEL));
        }
        return config;
    }

    @Override
    public synchronized Config reload() {
        config = load();
        return config;
    }

    private Config load() {
        Path file = configFile;
        if (file == null && env.get("SPAMWARD_CONFIG") != null && !env.get("SPAMWARD_CONFIG").isBlank()) {
            file = Path.of(env.get("SPAMWARD_CONFIG"));
        }
        List<String> flags = new ArrayList<>(assignments);
        if (logLevel != null) flags.add(CoreSettings.LOG_LEVEL.name() + "=" + logLevel);
        return new ConfigLoader(ConfigSchema.discover()).load(file, env, flags);
    }
}
