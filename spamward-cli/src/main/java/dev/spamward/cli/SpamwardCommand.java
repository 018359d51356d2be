package dev.spamward.cli;

import dev.spamward.core.cli.CommandContext;
import dev.spamward.core.config.Config;
import dev.spamward.core.config.ConfigLoader;
import dev.spamward.core.config.ConfigSchema;
import dev.spamward.core.config.CoreSettings;
import dev.spamward.core.log.Logging;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The root command. Its options are inherited by every subcommand, so {@code spamward serve --config F}
 * and {@code spamward --config F serve} mean the same. The configuration is loaded on first use and
 * logging is configured from it before any logger exists.
 */
@Command(name = "spamward", mixinStandardHelpOptions = true, versionProvider = BuildInfo.class,
        subcommands = {VersionCommand.class, ConfigCommand.class, AotTrainingCommand.class},
        description = "Anti-spam for mail servers: greylisting, Bayes, DCC/Razor/Pyzor.",
        footer = {"", "Configuration: file (--config or SPAMWARD_CONFIG) < SPAMWARD_* variables < --set flags.",
                "See 'spamward config --keys' for every key."})
public final class SpamwardCommand implements CommandContext {

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Configuration file (key = value lines). Default: $SPAMWARD_CONFIG, else none.")
    Path configFile;

    @Option(names = {"-o", "--set"}, paramLabel = "KEY=VALUE", scope = ScopeType.INHERIT,
            description = "Set a configuration key; repeat for several keys or list elements.")
    List<String> assignments = new ArrayList<>();

    @Option(names = "--log-level", paramLabel = "LEVEL", scope = ScopeType.INHERIT,
            description = "Shorthand for --set log.level=LEVEL (trace, debug, info, warn, error, off).")
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
