package dev.spamward.drp.cli;

import dev.spamward.core.cli.Subcommand;
import dev.spamward.core.cli.UserException;
import dev.spamward.core.io.IoErrors;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code spamward stats}: prints the local {@code /metrics} (Prometheus text format). */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Print the metrics of the local 'spamward serve' (GET /metrics on http.listen).")
public final class StatsCommand extends LocalEndpoint implements Callable<Integer>, Subcommand {

    @Override
    public Integer call() {
        URI base = base();
        try {
            HttpResponse<String> r = get(base, "/metrics");
            if (r.statusCode() != 200) {
                throw new UserException(base + "/metrics answered " + r.statusCode(), 1);
            }
            spec.commandLine().getOut().print(r.body());
            spec.commandLine().getOut().flush();
            return 0;
        } catch (IOException e) {
            throw new UserException("cannot reach " + base + "/metrics (is 'spamward serve' running?): " + IoErrors.reason(e), 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserException("interrupted", 1);
        }
    }
}
