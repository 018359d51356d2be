package dev.spamward.drp;

import dev.spamward.core.config.Config;
import dev.spamward.core.config.CoreSettings;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The DRP service's effective settings, with gozer's clamping applied: a number out of range becomes
 * the default with a warning instead of stopping start-up, so gozer configurations keep working.
 *
 * @param token          the shared secret, or null (every POST answers 503)
 * @param maxBody        the largest accepted body
 * @param maxConcurrent  requests processed at once
 * @param backendTimeout the fan-out budget per request and the wait for a slot
 * @param cacheTtl       verdict TTL; zero disables cache and coalescing
 * @param cacheSize      L1 entries
 * @param redisUrl       the Redis URL, or empty
 * @param redisPrefix    the Redis key prefix
 * @param redisTimeout   per-operation Redis timeout
 * @param redisRetry     circuit-breaker open period
 * @param verbose        log every /check
 */
public record DrpOptions(String token, long maxBody, int maxConcurrent, Duration backendTimeout, Duration cacheTtl,
                         int cacheSize, String redisUrl, String redisPrefix, Duration redisTimeout, Duration redisRetry,
                         boolean verbose) {

    /** gozer's port. */
    public static final int DEFAULT_PORT = 8077;
    /** A constant ceiling on the body size, whatever the configuration says. */
    public static final long MAX_BODY_CEILING = 1L << 30;
    static final int DEFAULT_CONCURRENT = 8;
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(6);
    static final int DEFAULT_CACHE_SIZE = 4096;

    /** True when verdicts are cached (and identical requests coalesced). */
    public boolean cacheEnabled() {
        return cacheTtl.isPositive();
    }

    /** True when a secret is configured. */
    public boolean tokenConfigured() {
        return token != null && !token.isBlank();
    }

    /** Reads and clamps the settings; {@code warn} receives one line per clamped value. */
    public static DrpOptions from(Config c, Consumer<String> warn) {
        long maxBody = c.get(DrpSettings.MAX_BODY);
        if (maxBody < 1 || maxBody > MAX_BODY_CEILING) {
            long clamped = maxBody < 1 ? 8L << 20 : MAX_BODY_CEILING;
            warn.accept("drp.max_body " + maxBody + " is out of range; using " + clamped);
            maxBody = clamped;
        }
        int maxConcurrent = c.get(DrpSettings.MAX_CONCURRENT);
        if (maxConcurrent < 1) {
            warn.accept("drp.max_concurrent " + maxConcurrent + " < 1; using " + DEFAULT_CONCURRENT);
            maxConcurrent = DEFAULT_CONCURRENT;
        }
        Duration timeout = c.get(DrpSettings.BACKEND_TIMEOUT);
        if (!timeout.isPositive()) {
            warn.accept("drp.backend_timeout " + timeout + " <= 0; using 6s");
            timeout = DEFAULT_TIMEOUT;
        }
        Duration ttl = c.get(DrpSettings.CACHE_TTL);
        if (ttl.isNegative()) {
            warn.accept("drp.cache_ttl " + ttl + " < 0; the cache is off");
            ttl = Duration.ZERO;
        }
        int size = c.get(DrpSettings.CACHE_SIZE);
        if (size < 1) {
            warn.accept("drp.cache_size " + size + " < 1; using " + DEFAULT_CACHE_SIZE);
            size = DEFAULT_CACHE_SIZE;
        }
        Duration redisTimeout = positive(c.get(DrpSettings.REDIS_TIMEOUT), Duration.ofMillis(100), "drp.redis_timeout", warn);
        Duration redisRetry = positive(c.get(DrpSettings.REDIS_RETRY), Duration.ofSeconds(5), "drp.redis_retry", warn);
        String token = c.get(DrpSettings.TOKEN);
        return new DrpOptions(token == null ? null : token.strip(), maxBody, maxConcurrent, timeout, ttl, size,
                c.get(DrpSettings.REDIS_URL).strip(), c.get(DrpSettings.REDIS_PREFIX), redisTimeout, redisRetry,
                c.get(DrpSettings.VERBOSE));
    }

    private static Duration positive(Duration d, Duration fallback, String key, Consumer<String> warn) {
        if (d.isPositive()) return d;
        warn.accept(key + " " + d + " <= 0; using " + fallback.toMillis() + "ms");
        return fallback;
    }

    /**
     * The HTTP endpoint's address: {@code http.listen}, with its host and port replaced by
     * {@code drp.host} / {@code drp.port} (gozer's GOZER_HOST / GOZER_PORT) when set.
     */
    public static InetSocketAddress listen(Config c, Consumer<String> warn) {
        InetSocketAddress base = c.get(CoreSettings.HTTP_LISTEN);
        String host = c.get(DrpSettings.HOST, base.getHostString());
        int port = base.getPort();
        Integer p = c.get(DrpSettings.PORT);
        if (p != null) {
            if (p < 1 || p > 65535) {
                warn.accept("drp.port " + p + " is outside 1..65535; using " + DEFAULT_PORT);
                p = DEFAULT_PORT;
            }
            port = p;
        }
        return InetSocketAddress.createUnresolved(host, port);
    }

    /**
     * The address a local client (stats, health) dials: the listen address, with a wildcard host
     * ({@code 0.0.0.0}, {@code ::}) replaced by 127.0.0.1.
     */
    public static InetSocketAddress localClientAddress(Config c) {
        InetSocketAddress a = listen(c, w -> { });
        String h = a.getHostString();
        boolean wildcard = h.equals("0.0.0.0") || h.equals("::") || h.equals("[::]") || h.equals("*") || h.isEmpty();
        return InetSocketAddress.createUnresolved(wildcard ? "127.0.0.1" : h, a.getPort());
    }
}
