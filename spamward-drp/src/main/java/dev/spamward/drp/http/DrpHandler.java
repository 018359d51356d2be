package dev.spamward.drp.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.spamward.drp.DrpEngine;
import dev.spamward.drp.DrpMetrics;
import dev.spamward.drp.DrpOptions;
import dev.spamward.drp.dispatch.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of {@code POST /check}, {@code /report} and {@code /revoke}, in gozer's order: token
 * configured (503), token right (401), count the request, length (411/400/413, before any byte of the
 * body is read), concurrency slot (bounded wait, then 503 with {@code Retry-After}), read exactly
 * Content-Length bytes (400), dispatch (always 200). Every response has {@code Content-Type} and
 * {@code Content-Length}. The message bytes are never logged.
 */
public final class DrpHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DrpHandler.class);
    private static final String JSON = "application/json";
    private static final long LENGTH_REQUIRED = -1;
    private static final long BAD_LENGTH = -2;

    private final DrpEngine engine;
    private final DrpMetrics metrics;
    private final TokenCheck token;
    private final long maxBody;
    private final Semaphore slots;
    private final int maxConcurrent;
    private final long slotWaitNanos;
    private final String retryAfter;
    private final boolean verbose;

    public DrpHandler(DrpEngine engine, DrpMetrics metrics, DrpOptions options) {
        this.engine = engine;
        this.metrics = metrics;
        this.token = new TokenCheck(options.token());
        this.maxBody = options.maxBody();
        this.maxConcurrent = options.maxConcurrent();
        this.slots = new Semaphore(options.maxConcurrent());
        this.slotWaitNanos = options.backendTimeout().toNanos();
        this.retryAfter = Long.toString(Math.max(1, options.backendTimeout().toSeconds()));
        this.verbose = options.verbose();
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        switch (token.check(ex.getRequestHeaders())) {
            case NOT_CONFIGURED -> {
                sendError(ex, 503, "gozer token not configured");
                return;
            }
            case DENIED -> {
                sendError(ex, 401, "unauthorized");
                return;
            }
            case OK -> { }
        }
        metrics.request(path);

        long length = declaredLength(ex.getRequestHeaders());
        if (length < 0) {
            metrics.error();
            if (length == LENGTH_REQUIRED) {
                sendError(ex, 411, "length required");
            } else {
                sendError(ex, 400, "bad length");
            }
            return;
        }
        if (length > maxBody) {
            metrics.error();
            sendError(ex, 413, "too large");
            return;
        }

        if (!acquire()) {
            metrics.busy();
            LOG.warn("{} 503 busy (drp.max_concurrent={} reached)", path, maxConcurrent);
            ex.getResponseHeaders().set("Retry-After", retryAfter);
            sendError(ex, 503, "busy");
            return;
        }
        try {
            byte[] msg = readBody(ex.getRequestBody(), (int) length);
            if (msg == null) {
                metrics.error();
                sendError(ex, 400, "read error");
                return;
            }
            long t0 = System.nanoTime();
            DrpEngine.Answer answer;
            try {
                answer = engine.handle(path, msg);
            } catch (RuntimeException e) {
                // The engine already fails open; this is the last guard so that a client never sees a 500.
                metrics.error();
                LOG.error("{} failed; answering the defaults", path, e);
                answer = new DrpEngine.Answer(DrpEngine.defaultJson(path), DrpEngine.CacheStatus.MISS);
            }
            String cacheHeader = answer.cache().header();
            if (cacheHeader != null) ex.getResponseHeaders().set("X-DRP-Cache", cacheHeader);
            send(ex, 200, JSON, answer.json());
            long nanos = System.nanoTime() - t0;
            metrics.latency(nanos);
            log(path, msg.length, cacheHeader, nanos, answer.json());
        } finally {
            slots.release();
        }
    }

    /**
     * The declared body length; {@link #LENGTH_REQUIRED} for a chunked body or no Content-Length (411),
     * {@link #BAD_LENGTH} for a malformed, zero or contradictory one (400).
     */
    static long declaredLength(Headers h) {
        if (h.containsKey("Transfer-Encoding")) return LENGTH_REQUIRED;
        List<String> values = h.get("Content-Length");
        if (values == null || values.isEmpty()) return LENGTH_REQUIRED;
        long length = BAD_LENGTH;
        for (String v : values) {
            for (String part : v.split(",", -1)) {
                long n = parseLength(part.strip());
                if (n <= 0 || length > 0 && n != length) return BAD_LENGTH;
                length = n;
            }
        }
        return length;
    }

    private static long parseLength(String s) {
        if (s.isEmpty() || s.length() > 18) return BAD_LENGTH;
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return BAD_LENGTH;
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private boolean acquire() {
        if (slots.tryAcquire()) return true;
        try {
            return slots.tryAcquire(slotWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Exactly {@code length} bytes, or null when the stream ends early or fails. */
    private static byte[] readBody(InputStream in, int length) {
        byte[] buf = new byte[length];
        try {
            if (in.readNBytes(buf, 0, length) != length) return null;
            // One more read sees the end of the body (returns at once): only then does the JDK server
            // know the body was consumed and keep the connection alive.
            return in.read() < 0 ? buf : null;
        } catch (IOException e) {
            return null;
        }
    }

    private void log(String path, int size, String cache, long nanos, byte[] json) {
        boolean check = path.equals("/check");
        if (check && !verbose) return;
        String ms = String.format("%.1fms", nanos / 1e6);
        String result = new String(json, StandardCharsets.UTF_8);
        if (check) {
            LOG.info("/check {}B cache={} {} -> {}", size, cache == null ? "miss" : cache, ms, result);
        } else {
            LOG.info("{} {}B {} -> {}", path, size, ms, result); // feedback is rare: always logged (audit trail)
        }
    }

    /**
     * Sends a JSON error. The request body was not (fully) read, so the server closes the connection
     * after the answer (see {@link ServerTuning}); {@code Connection: close} tells the client so that it
     * does not send its next request on a connection that is going away.
     */
    private static void sendError(HttpExchange ex, int status, String text) throws IOException {
        ex.getResponseHeaders().set("Connection", "close");
        send(ex, status, JSON, Json.error(text).getBytes(StandardCharsets.UTF_8));
    }

    static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
        }
    }
}
