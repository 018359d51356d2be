package dev.spamward.drp.cli;

import dev.spamward.core.cli.CommandContext;
import dev.spamward.drp.DrpOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Base of the commands that GET a path of the local {@code spamward serve} HTTP endpoint: the address
 * comes from the configuration ({@code http.listen}, {@code drp.host}/{@code drp.port}), with
 * 127.0.0.1 for a wildcard host.
 */
abstract class LocalEndpoint {

    @Spec
    CommandSpec spec;

    @Option(names = "--timeout", paramLabel = "MILLIS", defaultValue = "5000",
            description = "Give up after this many milliseconds (default ${DEFAULT-VALUE}).")
    long timeoutMillis;

    /** The base URI of the endpoint the configuration describes. */
    URI base() {
        InetSocketAddress a = DrpOptions.localClientAddress(CommandContext.config(spec));
        String host = a.getHostString();
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) host = "[" + host + "]";
        return URI.create("http://" + host + ":" + a.getPort());
    }

    HttpResponse<String> get(URI base, String path) throws IOException, InterruptedException {
        Duration timeout = Duration.ofMillis(Math.max(1, timeoutMillis));
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build()) {
            return client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
