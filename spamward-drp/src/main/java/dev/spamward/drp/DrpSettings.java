package dev.spamward.drp;

import dev.spamward.core.config.ConfigKey;
import dev.spamward.core.config.ConfigSection;
import dev.spamward.core.config.ValueType;
import java.time.Duration;
import java.util.List;

/**
 * Configuration keys of the DRP HTTP service. Each key also reads gozer's environment variable (and
 * {@code *_FILE} for the secret ones), so a gozer deployment switches by changing the image. Out-of-range
 * numbers are clamped as gozer does (see {@link DrpOptions}), not rejected.
 */
public final class DrpSettings implements ConfigSection {

    public static final ConfigKey<Boolean> ENABLED = ConfigKey.of("drp.enabled", ValueType.bool(), "true",
            "Serve POST /check, /report and /revoke on the HTTP endpoint (they answer 503 until drp.token is set).");

    public static final ConfigKey<String> TOKEN = ConfigKey.of("drp.token", ValueType.string(), null,
            "Shared secret clients send as 'Authorization: Bearer' or 'X-DRP-Token'. Unset: every POST gets 503.")
            .secret().withEnvAliases("GOZER_TOKEN");

    public static final ConfigKey<String> HOST = ConfigKey.of("drp.host", ValueType.nonEmpty(), null,
            "Overrides the host of http.listen (gozer's GOZER_HOST).").withEnvAliases("GOZER_HOST");

    public static final ConfigKey<Integer> PORT = ConfigKey.of("drp.port",
            clampedInteger("port 1..65535"), null,
            "Overrides the port of http.listen (gozer's GOZER_PORT); outside 1..65535 means 8077.")
            .withEnvAliases("GOZER_PORT");

    public static final ConfigKey<Long> MAX_BODY = ConfigKey.of("drp.max_body", ValueType.byteSize(), "8MiB",
            "Largest accepted message; a larger Content-Length gets 413 before the body is read (at most 1GiB).");

    public static final ConfigKey<Integer> MAX_CONCURRENT = ConfigKey.of("drp.max_concurrent",
            clampedInteger("integer >= 1"), "8",
            "Requests processed at once; more wait up to drp.backend_timeout for a slot, then get 503 busy. < 1 means 8.")
            .withEnvAliases("GOZER_MAX_CONCURRENT");

    public static final ConfigKey<Duration> BACKEND_TIMEOUT = ConfigKey.of("drp.backend_timeout", GoDurations.type(),
            "6s", "Time budget of the three networks per request (and the wait for a busy slot). <= 0 means 6s.")
            .withEnvAliases("GOZER_BACKEND_TIMEOUT");

    public static final ConfigKey<Duration> CACHE_TTL = ConfigKey.of("drp.cache_ttl", GoDurations.type(), "300s",
            "How long a /check verdict is cached; 0 disables the cache and the coalescing of identical requests.")
            .withEnvAliases("GOZER_CACHE_TTL");

    public static final ConfigKey<Integer> CACHE_SIZE = ConfigKey.of("drp.cache_size",
            clampedInteger("integer >= 1"), "4096",
            "Entries of the in-process verdict cache (LRU-like, Caffeine). < 1 means 4096.")
            .withEnvAliases("GOZER_CACHE_SIZE");

    public static final ConfigKey<String> REDIS_URL = ConfigKey.of("drp.redis_url", ValueType.string(), "",
            "Shared verdict cache: redis://[user:pass@]host:port[/db] (rediss:// for TLS). Empty: in-process cache only.")
            .secret().withEnvAliases("GOZER_REDIS_URL");

    public static final ConfigKey<String> REDIS_PREFIX = ConfigKey.of("drp.redis_prefix", ValueType.string(),
            "drp:check:", "Prefix of the Redis keys (followed by the raw 32-byte SHA-256 of the message).")
            .withEnvAliases("GOZER_REDIS_PREFIX");

    public static final ConfigKey<Duration> REDIS_TIMEOUT = ConfigKey.of("drp.redis_timeout", GoDurations.type(),
            "100ms", "Timeout of every Redis operation (connect, read, pool wait).");

    public static final ConfigKey<Duration> REDIS_RETRY = ConfigKey.of("drp.redis_retry", GoDurations.type(), "5s",
            "After a Redis failure, how long Redis is skipped (circuit breaker) before it is tried again.");

    public static final ConfigKey<Boolean> VERBOSE = ConfigKey.of("drp.verbose", ValueType.bool(), "false",
            "Log every /check (size, cache status, time, result); /report and /revoke are always logged.")
            .withEnvAliases("GOZER_VERBOSE");

    /** Any integer: out-of-range values are clamped with a warning (gozer), not rejected. */
    private static ValueType<Integer> clampedInteger(String syntax) {
        ValueType<Integer> any = ValueType.integer(Integer.MIN_VALUE, Integer.MAX_VALUE);
        return ValueType.of(syntax, any::parse);
    }

    @Override
    public List<ConfigKey<?>> keys() {
        return List.of(ENABLED, TOKEN, HOST, PORT, MAX_BODY, MAX_CONCURRENT, BACKEND_TIMEOUT, CACHE_TTL, CACHE_SIZE,
                REDIS_URL, REDIS_PREFIX, REDIS_TIMEOUT, REDIS_RETRY, VERBOSE);
    }
}
