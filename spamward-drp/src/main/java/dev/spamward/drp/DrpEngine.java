package dev.spamward.drp;

import dev.spamward.drp.cache.Digest;
import dev.spamward.drp.cache.Epochs;
import dev.spamward.drp.cache.SingleFlight;
import dev.spamward.drp.cache.VerdictCache;
import dev.spamward.drp.dispatch.CheckResult;
import dev.spamward.drp.dispatch.Dispatcher;
import dev.spamward.drp.dispatch.FeedbackResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a message once the HTTP layer has accepted it: the {@code /check} cache with
 * single-flight coalescing and feedback epochs, and the fan-out. Never throws: an internal failure
 * becomes gozer's default JSON (counted in {@code gozer_error_total}, never cached).
 */
public final class DrpEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DrpEngine.class);

    /** Value of the {@code X-DRP-Cache} header. */
    public enum CacheStatus {
        /** Computed by this request (no header, as gozer). */
        MISS(null),
        /** Served from the cache. */
        HIT("hit"),
        /** Shared the result of an identical request in flight. */
        COALESCED("coalesced");

        private final String header;

        CacheStatus(String header) {
            this.header = header;
        }

        /** The header value, or null when no header is sent. */
        public String header() {
            return header;
        }
    }

    /**
     * One answer.
     *
     * @param json  the response body
     * @param cache how it was obtained
     */
    public record Answer(byte[] json, CacheStatus cache) {
    }

    private final Dispatcher dispatcher;
    private final VerdictCache cache;
    private final DrpMetrics metrics;
    private final Epochs epochs = new Epochs();
    private final SingleFlight<Digest, Answer> flights = new SingleFlight<>();

    /**
     * @param dispatcher the fan-out
     * @param cache      the verdict cache, or null when caching (and coalescing) is off
     * @param metrics    the counters
     */
    public DrpEngine(Dispatcher dispatcher, VerdictCache cache, DrpMetrics metrics) {
        this.dispatcher = dispatcher;
        this.cache = cache;
        this.metrics = metrics;
    }

    /** Answers a POST to {@code path} ({@code /check}, {@code /report} or {@code /revoke}). */
    public Answer handle(String path, byte[] msg) {
        return switch (path) {
            case "/check" -> check(msg);
            case "/report" -> feedback(msg, true);
            case "/revoke" -> feedback(msg, false);
            default -> throw new IllegalArgumentException("not a DRP path: " + path);
        };
    }

    /** {@code /check}: cache, then one coalesced fan-out per distinct message. */
    public Answer check(byte[] msg) {
        if (cache == null) return new Answer(compute(msg, null, 0), CacheStatus.MISS);
        Digest key = Digest.of(msg);
        byte[] cached = cache.get(key);
        if (cached != null) {
            metrics.cacheHit();
            return new Answer(cached, CacheStatus.HIT);
        }
        SingleFlight.Result<Answer> r = flights.run(key, () -> {
            // A leader that finished just before this flight was registered may have filled the cache.
            byte[] again = cache.get(key);
            if (again != null) return new Answer(again, CacheStatus.HIT);
            metrics.cacheMiss();
            return new Answer(compute(msg, key, epochs.current(key)), CacheStatus.MISS);
        });
        if (r.shared()) {
            metrics.cacheCoalesced();
            return new Answer(r.value().json(), CacheStatus.COALESCED);
        }
        if (r.value().cache() == CacheStatus.HIT) metrics.cacheHit();
        return r.value();
    }

    /** Fans out; stores a healthy verdict unless feedback for the same slot happened meanwhile. */
    private byte[] compute(byte[] msg, Digest key, long epoch) {
        CheckResult result;
        try {
            result = dispatcher.check(msg);
        } catch (RuntimeException e) {
            metrics.error();
            LOG.error("/check dispatch failed; answering the defaults", e);
            return CheckResult.DEFAULT_JSON;
        }
        if (key != null && result.healthy() && epochs.current(key) == epoch) {
            cache.put(key, result.json());
        }
        return result.jsonWithDetails();
    }

    /** {@code /report} (spam) or {@code /revoke} (ham): never cached, invalidates the cached verdict. */
    private Answer feedback(byte[] msg, boolean spam) {
        Digest key = cache == null ? null : Digest.of(msg);
        if (key != null) {
            epochs.bump(key);
            cache.delete(key);
        }
        byte[] json;
        try {
            FeedbackResult r = spam ? dispatcher.report(msg) : dispatcher.revoke(msg);
            json = r.jsonWithDetails();
        } catch (RuntimeException e) {
            metrics.error();
            LOG.error("{} dispatch failed; answering the defaults", spam ? "/report" : "/revoke", e);
            json = spam ? FeedbackResult.DEFAULT_REPORT_JSON : FeedbackResult.DEFAULT_REVOKE_JSON;
        } finally {
            if (key != null) {
                // Again after: a /check that started while the feedback ran must not store its verdict.
                epochs.bump(key);
                cache.delete(key);
            }
        }
        return new Answer(json, CacheStatus.MISS);
    }

    /** gozer's default answer for {@code path}, used when something failed inside the service. */
    public static byte[] defaultJson(String path) {
        return switch (path) {
            case "/check" -> CheckResult.DEFAULT_JSON;
            case "/revoke" -> FeedbackResult.DEFAULT_REVOKE_JSON;
            default -> FeedbackResult.DEFAULT_REPORT_JSON;
        };
    }

    /** Requests waiting for an identical request's result right now. */
    public int coalescedWaiting() {
        return flights.waiting();
    }

    /** The verdict cache, or null when off. */
    public VerdictCache cache() {
        return cache;
    }

    @Override
    public void close() {
        dispatcher.close();
        if (cache != null) cache.close();
    }
}
