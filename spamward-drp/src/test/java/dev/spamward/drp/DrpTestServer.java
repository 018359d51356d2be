package dev.spamward.drp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.spamward.core.config.Config;
import dev.spamward.core.config.ConfigLoader;
import dev.spamward.core.config.ConfigSchema;
import dev.spamward.core.config.CoreSettings;
import dev.spamward.drp.http.ServerTuning;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The DRP service on a real JDK HTTP server on 127.0.0.1 and a free port, routed as the server
 * module's HttpEndpoint routes (exact path and method, anything else 404), with its own metrics.
 */
final class DrpTestServer implements AutoCloseable {
    static final String TOKEN = "s3cret-token";

    final TestNetworks networks;
    final PrometheusRegistry registry = new PrometheusRegistry();
    final DrpMetrics metrics = new DrpMetrics(registry);
    final DrpService service;
    final DrpOptions options;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DrpTestServer(TestNetworks networks, Map<String, String> env, List<String> settings) throws IOException {
        this.networks = networks;
        this.options = DrpOptions.from(config(env, settings), w -> { });
        this.service = new DrpService(options, networks.backends(), metrics);
        ServerTuning.apply(options.backendTimeout());
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        Map<String, HttpHandler> routes = service.routes();
        server.setExecutor(executor);
        server.createContext("/", ex -> {
            try (ex) {
                HttpHandler h = routes.get(ex.getRequestURI().getPath());
                if (h == null || !ex.getRequestMethod().equals("POST")) {
                    notFound(ex);
                } else {
                    h.handle(ex);
                }
            }
        });
        server.start();
    }

    static Config config(Map<String, String> env, List<String> settings) {
        return new ConfigLoader(ConfigSchema.of(new CoreSettings(), new DrpSettings())).load(null, env, settings);
    }

    /** A server with the token set and these extra {@code key=value} settings. */
    static DrpTestServer start(TestNetworks networks, String... settings) throws IOException {
        List<String> all = new ArrayList<>(List.of("drp.token=" + TOKEN));
        all.addAll(List.of(settings));
        return new DrpTestServer(networks, Map.of(), all);
    }

    /** A server configured by the environment and settings only (no token unless given). */
    static DrpTestServer startWith(TestNetworks networks, Map<String, String> env, String... settings) throws IOException {
        return new DrpTestServer(networks, env, List.of(settings));
    }

    private static void notFound(HttpExchange ex) throws IOException {
        byte[] b = "not found\n".getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        ex.getResponseHeaders().set("Connection", "close"); // as HttpEndpoint: a request body was not read
        ex.sendResponseHeaders(404, b.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(b);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    HttpRequest.Builder post(String path, byte[] body) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    /** POST with the right bearer token. */
    HttpResponse<String> send(String path, byte[] body) throws IOException, InterruptedException {
        return client.send(post(path, body).header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    double counter(String name) {
        return metrics.value(name);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        service.close();
        client.close();
    }
}
