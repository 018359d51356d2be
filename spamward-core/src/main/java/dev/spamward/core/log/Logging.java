package dev.spamward.core.log;

import dev.spamward.core.config.CoreSettings.LogLevel;
import java.util.Locale;

/**
 * Configures slf4j-simple: one line per event on stderr (or stdout) with time, level and logger. It must run before
 * the first logger is created, because slf4j-simple reads its settings once.
 */
public final class Logging {
    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private Logging() {
    }

    /**
     * Sets the defaults and the level, keeping the stream an earlier call chose (stderr if none); later
     * calls only matter before the first logger exists.
     */
    public static void configure(LogLevel level) {
        configure(level, "System.out".equals(System.getProperty(PREFIX + "logFile")));
    }

    /** Sets the defaults, the level and the stream; later calls only matter before the first logger exists. */
    public static void configure(LogLevel level, boolean toStdout) {
        System.setProperty(PREFIX + "logFile", toStdout ? "System.out" : "System.err");
        System.setProperty(PREFIX + "defaultLogLevel", level.name().toLowerCase(Locale.ROOT));
        System.setProperty(PREFIX + "showDateTime", "true");
        System.setProperty(PREFIX + "dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        System.setProperty(PREFIX + "showThreadName", "false");
        System.setProperty(PREFIX + "showShortLogName", "true");
        System.setProperty(PREFIX + "levelInBrackets", "false");
        // Noisy libraries: jSPF logs each directive at INFO and a stack trace for "none" (java-stack.md).
        System.setProperty(PREFIX + "log.org.apache.james.jspf", "error");
    }
}
