package dev.spamward.drp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.spamward.core.cli.CommandContext;
import dev.spamward.core.cli.UserException;
import dev.spamward.core.config.Config;
import dev.spamward.core.config.ConfigLoader;
import dev.spamward.core.config.ConfigSchema;
import dev.spamward.core.config.CoreSettings;
import dev.spamward.drp.DrpSettings;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code spamward stats} and {@code spamward health} against an HTTP endpoint on 127.0.0.1. */
class StatsHealthCommandTest {

    @Command(name = "spamward", subcommands = {StatsCommand.class, HealthCommand.class})
    static final class Root implements CommandContext {
        final Map<String, String> env;

        Root(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Config config() {
            return new ConfigLoader(ConfigSchema.of(new CoreSettings(), new DrpSettings())).load(null, env, List.of());
        }
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Root(env));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((e, c, p) -> {
            if (e instanceof UserException u) {
                c.getErr().println(u.getMessage());
                return u.exitCode();
            }
            throw e;
        });
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void healthAndStatsAgainstARunningEndpoint() throws Exception {
        AtomicInteger healthStatus = new AtomicInteger(200);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/health", ex -> {
            byte[] b = "ok\n".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(healthStatus.get(), b.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(b);
            }
        });
        server.createContext("/metrics", ex -> {
            byte[] b = "gozer_check_total 5.0\n".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(b);
            }
        });
        server.start();
        try {
            // gozer's GOZER_HOST=0.0.0.0 is dialled as 127.0.0.1.
            Map<String, String> env = Map.of("GOZER_HOST", "0.0.0.0", "GOZER_PORT", Integer.toString(server.getAddress().getPort()));
            Run health = run(env, "health");
            assertThat(health.exit()).isZero();
            assertThat(health.out()).contains("healthy");
            Run stats = run(env, "stats");
            assertThat(stats.exit()).isZero();
            assertThat(stats.out()).isEqualTo("gozer_check_total 5.0\n");
            healthStatus.set(503);
            Run sick = run(env, "health");
            assertThat(sick.exit()).isEqualTo(1);
            assertThat(sick.err()).contains("answered 503");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void nothingListeningIsExitCode1() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Map<String, String> env = Map.of("SPAMWARD_HTTP_LISTEN", "127.0.0.1:" + port);
        Run health = run(env, "health", "--timeout", "2000");
        assertThat(health.exit()).isEqualTo(1);
        assertThat(health.err()).contains("cannot reach http://127.0.0.1:" + port + "/health");
        Run stats = run(env, "stats");
        assertThat(stats.exit()).isEqualTo(1);
        assertThat(stats.err()).contains("cannot reach").contains("/metrics");
    }
}
