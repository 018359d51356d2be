package dev.spamward.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.spamward.core.metrics.Metrics;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP endpoint of {@code spamward serve}: {@code GET /health}, {@code GET /metrics} and the routes
 * other services add with {@link #route}. One virtual thread per request. Unknown paths get 404 and
 * wrong methods 404 too (as gozer does), never an exception.
 */
public final class HttpEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoint.class);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private volatile boolean healthy = true;

    /** A handler bound to one method and exact path. */
    private record Route(String method, HttpHandler handler) {
    }

    /** Binds (does not start) the endpoint; port 0 picks a free port. */
    public HttpEndpoint(InetSocketAddress listen) throws IOException {
        InetSocketAddress bind = listen.isUnresolved()
                ? new InetSocketAddress(listen.getHostString(), listen.getPort()) : listen;
        this.server = HttpServer.create(bind, 128);
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        route("GET", "/health", ex -> send(ex, healthy ? 200 : 503, "text/plain; charset=utf-8", healthy ? "ok\n" : "unhealthy\n"));
        route("GET", "/metrics", HttpEndpoint::metrics);
    }

    /** Adds a route; exact path match. */
    public void route(String method, String path, HttpHandler handler) {
        routes.put(path, new Route(method, handler));
    }

    /** Marks the process unhealthy (e.g. a required listener died), so container health checks fail. */
    public void setHealthy(boolean healthy) {
        this.healthy = healthy;
    }

    public void start() {
        server.start();
        LOG.info("HTTP endpoint listening on {}", address());
    }

    /** The bound address (with the real port when 0 was asked). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void dispatch(HttpExchange ex) throws IOException {
        try (ex) {
            Route r = routes.get(ex.getRequestURI().getPath());
            if (r == null || !r.method().equals(ex.getRequestMethod())) {
                if (hasBody(ex)) {
                    // The body is not read, so the server closes the connection; say so to the client.
                    ex.getResponseHeaders().set("Connection", "close");
                }
                send(ex, 404, "text/plain; charset=utf-8", "not found\n");
                return;
            }
            r.handler().handle(ex);
        } catch (IOException e) {
            LOG.debug("HTTP client went away: {}", e.toString());
        } catch (RuntimeException e) {
            LOG.error("HTTP handler for {} failed", ex.getRequestURI().getPath(), e);
            try {
                send(ex, 500, "text/plain; charset=utf-8", "internal error\n");
            } catch (IOException | RuntimeException ignored) {
                // The response may already have been started; nothing more to do.
            }
        }
    }

    private static boolean hasBody(HttpExchange ex) {
        String len = ex.getRequestHeaders().getFirst("Content-Length");
        return ex.getRequestHeaders().containsKey("Transfer-Encoding") || len != null && !len.strip().equals("0");
    }

    private static void metrics(HttpExchange ex) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(8192);
        PrometheusTextFormatWriter.create().write(buf, Metrics.registry().scrape());
        ex.getResponseHeaders().set("Content-Type", PrometheusTextFormatWriter.CONTENT_TYPE);
        byte[] body = buf.toByteArray();
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
        }
    }

    /** Sends a complete small response. */
    public static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(1);
        executor.shutdown();
    }
}
