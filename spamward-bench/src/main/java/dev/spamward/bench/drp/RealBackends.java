package dev.spamward.bench.drp;

import dev.spamward.core.config.Config;
import dev.spamward.core.config.ConfigLoader;
import dev.spamward.core.config.ConfigSchema;
import dev.spamward.dcc.client.FakeDccServer;
import dev.spamward.drp.backend.Backends;
import dev.spamward.pyzor.testing.Pyzord;
import dev.spamward.razor.client.FakeRazorServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The real client adapters ({@link Backends#fromConfig}) against the DCC and Razor test servers of the
 * client modules (their test-jars) and a real Debian pyzord on 127.0.0.1, for the benchmark's
 * {@code real} mode: what the service adds over real network round trips.
 */
final class RealBackends implements AutoCloseable {
    private final FakeDccServer dcc;
    private final FakeRazorServer razor;
    private final Pyzord pyzord;
    private final Path dir;
    final Backends backends;

    RealBackends() throws Exception {
        dir = Files.createTempDirectory("drp-bench-");
        dcc = new FakeDccServer();
        razor = FakeRazorServer.onFreePort();
        pyzord = Pyzord.start(dir, null, null);
        Config config = new ConfigLoader(ConfigSchema.discover()).load(null, Map.of(), List.of(
                "dcc.servers=127.0.0.1:" + dcc.port(), "razor.servers=" + razor.address(), "razor.home=" + dir,
                "pyzor.servers=" + pyzord.server(), "pyzor.homedir=" + dir));
        backends = Backends.fromConfig(config, System.err::println);
    }

    @Override
    public void close() throws Exception {
        pyzord.close();
        razor.close();
        dcc.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
