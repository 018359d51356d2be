package dev.spamward.bayes.http;

import dev.spamward.core.json.JsonText;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.spamward.bayes.Bayes;
import dev.spamward.bayes.BayesFilter;
import dev.spamward.bayes.BayesSettings;
import dev.spamward.bayes.Classification;
import dev.spamward.bayes.model.TokenEvidence;
import dev.spamward.bayes.store.Label;
import dev.spamward.bayes.store.LearnOutcome;
import dev.spamward.bayes.store.StoreException;
import dev.spamward.bayes.store.StoreStats;
import dev.spamward.bayes.store.TokenStore;
import dev.spamward.core.config.Config;
import dev.spamward.mime.MimeSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The classifier over HTTP, so that an MTA hook does not start a JVM per message:
 * <ul>
 *   <li>{@code POST /bayes/check} (body: the raw message) → {@code {"verdict","score","tokens","problems","top":[...]}};</li>
 *   <li>{@code POST /bayes/learn?class=spam|ham} and {@code POST /bayes/unlearn} with
 *       {@code Authorization: Bearer TOKEN} ({@code bayes.api_token}, compared in constant time) →
 *       {@code {"result":"learned|already_learned|moved|unlearned|not_learned"}};</li>
 *   <li>{@code GET /bayes/stats}.</li>
 * </ul>
 * Only the first {@code bayes.max_message_size} bytes of a body are kept (the rest is read and dropped, and the
 * classification lists the truncation among its problems); bodies larger than {@code mime.max_message_size} get 413. At
 * most {@code bayes.max_concurrent} messages are handled at once; the next waits up to 5 s for a slot, then gets 503
 * with {@code Retry-After}. Together these bound the heap the API can take. Errors are JSON {@code {"error": "..."}}.
 */
public final class BayesHttpApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BayesHttpApi.class);
    /** Where routes go: {@code HttpEndpoint::route} in spamward-server. */
    @FunctionalInterface
    public interface Routes {
        void route(String method, String path, HttpHandler handler);
    }

    private final java.util.function.Supplier<TokenStore> opener;
    private final java.util.function.Function<TokenStore, BayesFilter> filters;
    private TokenStore store;
    private BayesFilter filter;
    private boolean closed;
    private final byte[] token;
    private final long maxKept;
    private final long maxBody;
    private final Semaphore slots;
    private final int maxConcurrent;
    private final int explain;
    /** How long a message waits for a slot (tests shorten it). */
    long slotWaitMillis = 5_000;

    /** An API keeping whole bodies up to {@code maxBody} bytes, four messages at a time. */
    public BayesHttpApi(TokenStore store, BayesFilter filter, String apiToken, long maxBody, int explain) {
        this(() -> store, s -> filter, apiToken, maxBody, maxBody, 4, explain);
    }

    /**
     * An API that opens its store on the first request (so that {@code serve} starts, and its other services
     * work, before any mail was learned; a failed open is answered with 503 and tried again next time).
     */
    /**
     * @param maxKept bytes of a body kept and parsed (the tokenizer's own limit should be the same)
     * @param maxBody larger bodies are refused with 413
     * @param maxConcurrent messages handled at once
     */
    public BayesHttpApi(java.util.function.Supplier<TokenStore> opener, java.util.function.Function<TokenStore, BayesFilter> filters,
                        String apiToken, long maxKept, long maxBody, int maxConcurrent, int explain) {
        this.opener = opener;
        this.filters = filters;
        this.token = apiToken == null ? null : apiToken.getBytes(StandardCharsets.UTF_8);
        this.maxKept = Math.min(maxKept, maxBody);
        this.maxBody = maxBody;
        this.maxConcurrent = maxConcurrent;
        this.slots = new Semaphore(maxConcurrent);
        this.explain = explain;
    }

    /** The API over the configured store (opened for reading and learning on first use). */
    public static BayesHttpApi open(Config config) {
        return new BayesHttpApi(() -> Bayes.openStore(config, null, false), s -> Bayes.filter(config, s),
                config.get(BayesSettings.API_TOKEN), Bayes.maxMessageBytes(config), config.get(MimeSettings.MAX_MESSAGE_SIZE),
                config.get(BayesSettings.MAX_CONCURRENT), config.get(BayesSettings.EXPLAIN));
    }

    /** The filter, opening the store on first use. */
    private synchronized BayesFilter filter() {
        if (closed) throw new StoreException("the classifier is shutting down");
        if (filter == null) {
            TokenStore s = opener.get();
            store = s;
            filter = filters.apply(s);
        }
        return filter;
    }

    /** Adds the four routes. */
    public void register(Routes routes) {
        routes.route("POST", "/bayes/check", ex -> bounded(ex, this::check));
        routes.route("POST", "/bayes/learn", ex -> bounded(ex, e -> learn(e, true)));
        routes.route("POST", "/bayes/unlearn", ex -> bounded(ex, e -> learn(e, false)));
        routes.route("GET", "/bayes/stats", this::stats);
    }

    /** Runs {@code handler} in one of the {@code maxConcurrent} slots, or answers 503 when none frees up in 5 s. */
    private void bounded(HttpExchange ex, HttpHandler handler) throws IOException {
        boolean got;
        try {
            got = slots.tryAcquire(slotWaitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            got = false;
        }
        if (!got) {
            LOG.warn("{} 503 busy (bayes.max_concurrent={} reached)", ex.getRequestURI().getPath(), maxConcurrent);
            ex.getResponseHeaders().set("Retry-After", "1");
            send(ex, 503, error("busy: " + maxConcurrent + " messages are being handled; retry"));
            return;
        }
        try {
            handler.handle(ex);
        } finally {
            slots.release();
        }
    }

    private void check(HttpExchange ex) throws IOException {
        byte[] msg = body(ex);
        if (msg == null) return;
        Classification c;
        try {
            c = filter().classify(msg, explain);
        } catch (StoreException e) {
            send(ex, 503, error(e.getMessage()));
            return;
        }
        StringBuilder b = new StringBuilder(256);
        b.append("{\"verdict\":\"").append(c.verdict().id()).append("\",\"score\":")
                .append(String.format(Locale.ROOT, "%.6f", c.score())).append(",\"tokens\":").append(c.tokens())
                .append(",\"used\":").append(c.details().used()).append(",\"problems\":[");
        for (int i = 0; i < c.problems().size(); i++) b.append(i > 0 ? "," : "").append(JsonText.quote(c.problems().get(i)));
        b.append("],\"top\":[");
        for (int i = 0; i < c.details().evidence().size(); i++) {
            TokenEvidence e = c.details().evidence().get(i);
            b.append(i > 0 ? "," : "").append("{\"token\":").append(JsonText.quote(e.token())).append(",\"spam\":").append(e.spam())
                    .append(",\"ham\":").append(e.ham()).append(",\"p\":").append(String.format(Locale.ROOT, "%.4f", e.probability())).append('}');
        }
        b.append("]");
        if (c.details().note() != null) b.append(",\"note\":").append(JsonText.quote(c.details().note()));
        b.append("}\n");
        send(ex, 200, b.toString());
    }

    private void learn(HttpExchange ex, boolean learn) throws IOException {
        if (token == null) {
            drain(ex);
            send(ex, 403, error("learning over HTTP is disabled: set bayes.api_token"));
            return;
        }
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        byte[] given = auth != null && auth.startsWith("Bearer ") ? auth.substring(7).strip().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(given, token)) {
            drain(ex);
            send(ex, 401, error("missing or wrong bearer token"));
            return;
        }
        Label label = null;
        if (learn) {
            String q = ex.getRequestURI().getRawQuery();
            String cls = q == null ? null : q.replaceFirst("^(?:.*&)?class=([^&]*).*$", "$1");
            try {
                label = Label.parse(cls == null || cls.equals(q) ? "" : cls);
            } catch (IllegalArgumentException e) {
                drain(ex);
                send(ex, 400, error("give ?class=spam or ?class=ham"));
                return;
            }
        }
        byte[] msg = body(ex);
        if (msg == null) return;
        try {
            LearnOutcome o = learn ? filter().learn(msg, label) : filter().unlearn(msg);
            send(ex, 200, "{\"result\":\"" + o.name().toLowerCase(Locale.ROOT) + "\"}\n");
        } catch (StoreException e) {
            send(ex, 503, error(e.getMessage()));
        }
    }

    private void stats(HttpExchange ex) throws IOException {
        StoreStats s;
        try {
            s = filter().store().stats();
        } catch (StoreException e) {
            send(ex, 503, error(e.getMessage()));
            return;
        }
        send(ex, 200, "{\"spam_messages\":" + s.spamMessages() + ",\"ham_messages\":" + s.hamMessages() + ",\"tokens\":" + s.tokens()
                + ",\"bytes\":" + s.bytes() + ",\"backend\":" + JsonText.quote(s.backend()) + "}\n");
    }

    /**
     * The first {@code maxKept + 1} bytes of the request body (one more than the tokenizer keeps, so that it reports
     * the truncation), the rest read and dropped; or null after answering 413 when the body is larger than
     * {@code maxBody}.
     */
    private byte[] body(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] b = in.readNBytes((int) Math.min(maxKept + 1, Integer.MAX_VALUE - 8));
            long total = b.length;
            if (total > maxKept) {
                byte[] skip = new byte[8192];
                for (int r; total <= maxBody && (r = in.read(skip)) > 0; ) total += r;
            }
            if (total > maxBody) {
                send(ex, 413, error("message larger than " + maxBody + " bytes"));
                return null;
            }
            return b;
        }
    }

    private static void drain(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            in.skip(1L << 20);
        }
    }

    private static String error(String m) {
        return "{\"error\":" + JsonText.quote(m) + "}\n";
    }

    private static void send(HttpExchange ex, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(b);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (store != null) store.close();
    }
}
