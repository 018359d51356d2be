package dev.spamward.cli;

import dev.spamward.core.config.ConfigLoader;
import dev.spamward.core.config.ConfigSchema;
import dev.spamward.core.config.CoreSettings;
import dev.spamward.core.config.CoreSettings.LogLevel;
import dev.spamward.core.log.Logging;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Configures logging before any command class is loaded. slf4j-simple reads its settings when the first
 * logger is created, and command classes create loggers in static fields, so the level (from the
 * configuration file, the environment or the flags) must be known before picocli instantiates them.
 * This reads only the log level and, for {@code serve}, the log stream, from a light scan of the
 * arguments; errors are left to the real configuration load, which reports them.
 */
final class EarlyLogging {
    private EarlyLogging() {
    }

    static void configure(String[] args, Map<String, String> env, String command) {
        LogLevel level = LogLevel.INFO;
        boolean toStdout = false;
        try {
            Path file = null;
            List<String> flags = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String next = i + 1 < args.length ? args[i + 1] : null;
                if ((a.equals("--config")) && next != null) {
                    file = Path.of(next);
                    i++;
                } else if (a.startsWith("--config=")) {
                    file = Path.of(a.substring("--config=".length()));
                } else if ((a.equals("--set") || a.equals("-o")) && next != null) {
                    flags.add(next);
                    i++;
                } else if (a.startsWith("--set=")) {
                    flags.add(a.substring("--set=".length()));
                } else if (a.equals("--log-level") && next != null) {
                    flags.add(CoreSettings.LOG_LEVEL.name() + "=" + next);
                    i++;
                } else if (a.startsWith("--log-level=")) {
                    flags.add(CoreSettings.LOG_LEVEL.name() + "=" + a.substring("--log-level=".length()));
                }
            }
            if (file == null && env.get("SPAMWARD_CONFIG") != null && !env.get("SPAMWARD_CONFIG").isBlank()) {
                file = Path.of(env.get("SPAMWARD_CONFIG"));
            }
            // Only the logging assignments matter here; other keys may belong to modules not loaded yet.
            flags.removeIf(f -> !f.startsWith(CoreSettings.LOG_LEVEL.name() + "=") && !f.startsWith(CoreSettings.LOG_STDOUT.name() + "="));
            var config = new ConfigLoader(ConfigSchema.of(new CoreSettings())).loadLenient(file, env, flags);
            level = config.get(CoreSettings.LOG_LEVEL);
            toStdout = "serve".equals(command) && config.get(CoreSettings.LOG_STDOUT);
        } catch (RuntimeException e) {
            // A bad configuration is reported by the real load, with its origin; log at INFO until then.
        }
        Logging.configure(level, toStdout);
    }
}
