package dev.spamward.razor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spamward.core.config.Config;
import dev.spamward.core.config.ConfigException;
import dev.spamward.core.config.ConfigLoader;
import dev.spamward.core.config.ConfigSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path dir;

    private static Config load(Map<String, String> env, String... flags) {
        return new ConfigLoader(ConfigSchema.of(new RazorSettings())).load(null, env, List.of(flags));
    }

    @Test
    void defaultsAreTheAgents() {
        RazorOptions o = RazorSettings.options(load(Map.of()));
        assertThat(o.discovery()).containsExactly(new ServerAddress("discovery.razor.cloudmark.com", 2703));
        assertThat(o.catalogue()).isEmpty();
        assertThat(o.timeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(o.engines()).isEqualTo(Set.of(4, 8));
        assertThat(o.minConfidence().resolve(50)).isEqualTo(50);
    }

    @Test
    void overridesBypassDiscovery() {
        RazorOptions o = RazorSettings.options(load(Map.of(), "razor.servers=127.0.0.5", "razor.nomination=[::1]:2704",
                "razor.min_confidence=ac - 5", "razor.engines=4", "razor.timeout=500ms"));
        assertThat(o.catalogue()).containsExactly(new ServerAddress("127.0.0.5", 2703));
        assertThat(o.nomination()).containsExactly(new ServerAddress("::1", 2704));
        assertThat(o.minConfidence().resolve(50)).isEqualTo(45);
        assertThat(o.engines()).containsExactly(4);
        assertThat(o.timeout()).isEqualTo(Duration.ofMillis(500));
        assertThatThrownBy(() -> load(Map.of(), "razor.engines=5")).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> load(Map.of(), "razor.min_confidence=high")).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> load(Map.of(), "razor.servers=host:notaport")).isInstanceOf(ConfigException.class);
    }

    @Test
    void credentialsFromEnvironmentWinOverTheIdentityFile() throws Exception {
        Path home = dir.resolve("h");
        new dev.spamward.razor.identity.IdentityStore(home).save(new Credentials("file", "filepass"), false);
        assertThat(RazorSettings.credentials(load(Map.of("RAZOR_HOME", home.toString()))))
                .contains(new Credentials("file", "filepass"));
        Path pw = Files.writeString(dir.resolve("pw"), "envpass\n");
        assertThat(RazorSettings.credentials(load(Map.of("RAZOR_HOME", home.toString(), "RAZOR_USER", "env",
                "RAZOR_PASS_FILE", pw.toString())))).contains(new Credentials("env", "envpass"));
        assertThat(RazorSettings.credentials(load(Map.of("RAZOR_HOME", dir.resolve("none").toString())))).isEmpty();
        assertThat(new Credentials("u", "secret").toString()).doesNotContain("secret");
    }

    @Test
    void serverAddresses() {
        assertThat(ServerAddress.parse("c301.cloudmark.com")).isEqualTo(new ServerAddress("c301.cloudmark.com", 2703));
        assertThat(ServerAddress.parse("127.0.0.1:2704")).isEqualTo(new ServerAddress("127.0.0.1", 2704));
        assertThat(ServerAddress.parse("[::1]")).isEqualTo(new ServerAddress("::1", 2703));
        assertThatThrownBy(() -> ServerAddress.parse(":2703")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServerAddress.parse("h:0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void identityFilesAsTheAgentsWriteThem() throws Exception {
        Path home = dir.resolve("agents");
        Files.createDirectories(home);
        Files.writeString(home.resolve("identity-x"), "# razor identity\npass                   = p w\nuser                   = x\n");
        Files.createSymbolicLink(home.resolve("identity"), Path.of("identity-x"));
        assertThat(new dev.spamward.razor.identity.IdentityStore(home).read()).contains(new Credentials("x", "p w"));
        Files.writeString(home.resolve("identity-x"), "user = x\n");
        assertThatThrownBy(() -> new dev.spamward.razor.identity.IdentityStore(home).read())
                .hasMessageContaining("no user and pass");
    }
}
