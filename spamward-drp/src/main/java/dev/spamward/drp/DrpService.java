package dev.spamward.drp;

import com.sun.net.httpserver.HttpHandler;
import dev.spamward.drp.backend.Backends;
import dev.spamward.drp.cache.L1Cache;
import dev.spamward.drp.cache.L2Cache;
import dev.spamward.drp.cache.RedisL2Cache;
import dev.spamward.drp.cache.VerdictCache;
import dev.spamward.drp.dispatch.Dispatcher;
import dev.spamward.drp.http.DrpHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DRP HTTP service: {@code POST /check}, {@code /report} and {@code /revoke} (gozer's API) over
 * the three networks. It owns no socket: {@link #routes()} gives the handlers, which the server
 * registers on its HTTP endpoint next to {@code /health} and {@code /metrics}.
 */
public final class DrpService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DrpService.class);

    /** The POST paths, in gozer's order. */
    public static final List<String> PATHS = List.of("/check", "/report", "/revoke");

    private final DrpOptions options;
    private final DrpEngine engine;
    private final DrpHandler handler;

    /**
     * Builds the service.
     *
     * @param options  the settings
     * @param backends the three networks
     * @param metrics  the counters ({@link DrpMetrics#shared()} in production)
     */
    public DrpService(DrpOptions options, Backends backends, DrpMetrics metrics) {
        this.options = options;
        VerdictCache cache = null;
        if (options.cacheEnabled()) {
            cache = new VerdictCache(new L1Cache(options.cacheSize()), redis(options, metrics), options.cacheTtl());
        }
        this.engine = new DrpEngine(new Dispatcher(backends, options.backendTimeout(), metrics), cache, metrics);
        this.handler = new DrpHandler(engine, metrics, options);
        if (!options.tokenConfigured()) {
            LOG.warn("no drp.token (GOZER_TOKEN) configured: POST /check, /report and /revoke answer 503");
        }
    }

    private static L2Cache redis(DrpOptions o, DrpMetrics metrics) {
        if (o.redisUrl().isEmpty()) return null;
        try {
            return RedisL2Cache.connect(o.redisUrl(), o.redisPrefix(), o.redisTimeout(), o.redisRetry(),
                    Math.max(8, o.maxConcurrent()), metrics);
        } catch (RuntimeException e) {
            // Fail open, as gozer: a broken Redis set-up must not stop the scanner.
            metrics.redisError();
            LOG.warn("Redis cache disabled, using the in-process cache only: drp.redis_url: {}", e.getMessage());
            return null;
        }
    }

    /** The POST handlers by path. */
    public Map<String, HttpHandler> routes() {
        Map<String, HttpHandler> m = new LinkedHashMap<>();
        for (String p : PATHS) m.put(p, handler);
        return m;
    }

    /** A one-line summary for the start-up log. */
    public String describe() {
        String cache = !options.cacheEnabled() ? "off"
                : (engine.cache().shared() ? "redis+memory" : "memory") + " ttl=" + options.cacheTtl().toSeconds() + "s";
        return "drp (/check, /report, /revoke; timeout=" + options.backendTimeout().toMillis() + "ms, max_concurrent="
                + options.maxConcurrent() + ", cache=" + cache + ", auth=" + options.tokenConfigured() + ")";
    }

    /** The engine (cache, coalescing, fan-out), for tests. */
    public DrpEngine engine() {
        return engine;
    }

    @Override
    public void close() {
        engine.close();
    }
}
