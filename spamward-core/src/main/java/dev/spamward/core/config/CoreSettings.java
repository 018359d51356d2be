package dev.spamward.core.config;

import java.net.InetSocketAddress;
import java.util.List;

/** Settings shared by the whole program: logging and the HTTP endpoint for health and metrics. */
public final class CoreSettings implements ConfigSection {

    /** Log levels, from most to least verbose. */
    public enum LogLevel { TRACE, DEBUG, INFO, WARN, ERROR, OFF }

    public static final ConfigKey<LogLevel> LOG_LEVEL = ConfigKey.of("log.level",
            ValueType.enumeration(LogLevel.class), "info", "Least severe level that is logged (to stderr).");

    public static final ConfigKey<Boolean> LOG_STDOUT = ConfigKey.of("log.stdout", ValueType.bool(), "false",
            "Write the log of `spamward serve` to stdout instead of stderr (gozer's GOZER_LOG_STDOUT), warnings and "
                    + "errors included. Other commands keep logging to stderr: their stdout carries results.")
            .withEnvAliases("GOZER_LOG_STDOUT");

    public static final ConfigKey<Boolean> HTTP_ENABLED = ConfigKey.of("http.enabled", ValueType.bool(), "true",
            "Serve the HTTP endpoint (/health, /metrics and the HTTP API).");

    public static final ConfigKey<InetSocketAddress> HTTP_LISTEN = ConfigKey.of("http.listen",
            ValueType.socketAddress("127.0.0.1"), "127.0.0.1:8077",
            "Address of the HTTP endpoint. Keep it on loopback unless the API token is set.");

    public static final ConfigKey<Integer> HTTP_MAX_CONNECTIONS = ConfigKey.of("http.max_connections", ValueType.integer(1, 1_000_000),
            "1000", "Open connections the HTTP endpoint accepts at most; more are closed at once (each costs ~30 KB of heap "
                    + "while its request is read).");

    @Override
    public List<ConfigKey<?>> keys() {
        return List.of(LOG_LEVEL, LOG_STDOUT, HTTP_ENABLED, HTTP_LISTEN, HTTP_MAX_CONNECTIONS);
    }
}
