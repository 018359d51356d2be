package dev.spamward.drp.cli;

import dev.spamward.core.cli.Subcommand;
import dev.spamward.core.io.IoErrors;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code spamward health}: probes the local {@code /health}; exit code 0 when healthy, 1 otherwise. */
@Command(name = "health", mixinStandardHelpOptions = true,
        description = {"Probe /health of the local 'spamward serve' (http.listen; 127.0.0.1 for a wildcard host).",
                "Exit code 0 when it answers 200, 1 otherwise: usable as a container health check."})
public final class HealthCommand extends LocalEndpoint implements Callable<Integer>, Subcommand {

    @Override
    public Integer call() {
        URI base = base();
        try {
            HttpResponse<String> r = get(base, "/health");
            if (r.statusCode() == 200) {
                spec.commandLine().getOut().println("healthy: " + base + "/health answered 200");
                return 0;
            }
            spec.commandLine().getErr().println("unhealthy: " + base + "/health answered " + r.statusCode());
        } catch (IOException e) {
            spec.commandLine().getErr().println("unhealthy: cannot reach " + base + "/health: " + IoErrors.reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            spec.commandLine().getErr().println("unhealthy: interrupted");
        }
        return 1;
    }
}
