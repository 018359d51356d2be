package dev.spamward.pyzor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spamward.core.config.Config;
import dev.spamward.core.config.ConfigException;
import dev.spamward.core.config.ConfigLoader;
import dev.spamward.core.config.ConfigSchema;
import dev.spamward.pyzor.account.PyzorServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PyzorClient#fromConfig}: which servers and accounts the configuration keys select. */
class PyzorClientConfigTest {

    private static Config config(Map<String, String> env, String... flags) {
        return new ConfigLoader(ConfigSchema.of(new PyzorSettings())).load(null, env, List.of(flags));
    }

    @Test
    void homeFolderFilesAreRead(@TempDir Path home) throws Exception {
        Files.writeString(home.resolve("servers"), "127.0.0.1:1111\nlocalhost:2222\n");
        Files.writeString(home.resolve("accounts"), "localhost : 2222 : bob : s,k\n");
        List<String> warnings = new ArrayList<>();
        PyzorClient c = PyzorClient.fromConfig(config(Map.of(), "pyzor.homedir=" + home), warnings::add);
        assertThat(c.servers()).containsExactly(new PyzorServer("127.0.0.1", 1111), new PyzorServer("localhost", 2222));
        assertThat(c.accountFor(new PyzorServer("localhost", 2222)).user()).isEqualTo("bob");
        assertThat(c.accountFor(new PyzorServer("127.0.0.1", 1111)).anonymous()).isTrue();
        assertThat(warnings).isEmpty();
    }

    @Test
    void serversAndAccountFromKeysOverrideTheFiles(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("key");
        Files.writeString(keyFile, "cfec9a38fb93085470dcf13e35e242f5d9d4a4a6\n");
        Config cfg = config(Map.of("SPAMWARD_PYZOR_KEY_FILE", keyFile.toString(), "SPAMWARD_PYZOR_USER", "alice"),
                "pyzor.homedir=" + dir, "pyzor.servers=127.0.0.1:3333", "pyzor.timeout=250ms", "pyzor.report_threshold=2");
        PyzorClient c = PyzorClient.fromConfig(cfg, w -> { });
        assertThat(c.servers()).containsExactly(new PyzorServer("127.0.0.1", 3333));
        assertThat(c.accountFor(c.servers().getFirst()).key()).isEqualTo("cfec9a38fb93085470dcf13e35e242f5d9d4a4a6");
        assertThat(c.accountFor(c.servers().getFirst()).toString()).doesNotContain("cfec9a38");
        assertThat(cfg.get(PyzorSettings.TIMEOUT)).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void badValuesStopLoading() {
        assertThatThrownBy(() -> config(Map.of(), "pyzor.servers=no-port")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("pyzor.servers");
        assertThatThrownBy(() -> PyzorClient.fromConfig(config(Map.of(), "pyzor.user=alice", "pyzor.servers=h:1"), w -> { }))
                .hasMessageContaining("pyzor.key");
    }
}
