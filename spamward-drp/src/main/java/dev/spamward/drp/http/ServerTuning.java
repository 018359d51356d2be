package dev.spamward.drp.http;

import dev.spamward.core.config.CoreSettings;
import java.time.Duration;

/**
 * Process-wide settings of the JDK HTTP server ({@code com.sun.net.httpserver}), which reads them once
 * when its first server is created: call {@link #apply} before that. A value the operator already set
 * with {@code -D} is kept.
 *
 * <ul>
 *   <li>{@code drainAmount = 1}: a body the service refused (401, 411, 413, 503) is not read: the
 *       server reads at most one byte of it and closes the connection, instead of reading up to 64 KiB
 *       and blocking while a client trickles bytes.</li>
 *   <li>{@code maxReqTime} = backend timeout + 20 s and {@code maxRspTime} = backend timeout + 25 s
 *       (gozer's ReadTimeout and WriteTimeout): a client that sends or reads too slowly is cut off, so
 *       it cannot hold a concurrency slot for ever.</li>
 *   <li>{@code idleInterval = 60} s: gozer's IdleTimeout for keep-alive connections.</li>
 *   <li>{@code jdk.httpserver.maxConnections} ({@code http.max_connections}): further connections are closed at
 *       once. Each open connection costs the heap about 30 KB while its request is being read, so without a bound
 *       clients that open connections faster than {@code maxReqTime} closes them could exhaust it (measured:
 *       3,000 half-sent requests took 90 MB).</li>
 * </ul>
 */
public final class ServerTuning {
    private ServerTuning() {
    }

    /**
     * Sets the properties not set yet, for a service whose backend budget is {@code backendTimeout}, with the
     * default {@code http.max_connections}.
     */
    public static void apply(Duration backendTimeout) {
        apply(backendTimeout, Integer.parseInt(CoreSettings.HTTP_MAX_CONNECTIONS.defaults().getFirst()));
    }

    /** As {@link #apply(Duration)}, accepting at most {@code maxConnections} open connections. */
    public static void apply(Duration backendTimeout, int maxConnections) {
        setIfAbsent("jdk.httpserver.maxConnections", Integer.toString(maxConnections));
        setIfAbsent("sun.net.httpserver.drainAmount", "1");
        setIfAbsent("sun.net.httpserver.maxReqTime", Long.toString(backendTimeout.plusSeconds(20).toSeconds()));
        setIfAbsent("sun.net.httpserver.maxRspTime", Long.toString(backendTimeout.plusSeconds(25).toSeconds()));
        setIfAbsent("sun.net.httpserver.idleInterval", "60");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }
}
