package dev.spamward.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    static final ConfigKey<Integer> PORT = ConfigKey.of("test.port", ValueType.integer(1, 65535), "5525", "port");
    static final ConfigKey<Duration> DELAY = ConfigKey.of("test.grey_delay", ValueType.duration(), "5m", "delay");
    static final ConfigKey<List<String>> DNSBL = ConfigKey.listOf("test.dnsbl", ValueType.nonEmpty(), List.of("a.example"), "lists");
    static final ConfigKey<String> TOKEN = ConfigKey.of("test.token", ValueType.string(), null, "token").secret()
            .withEnvAliases("GOZER_TOKEN");
    static final ConfigKey<InetSocketAddress> LISTEN = ConfigKey.of("test.listen", ValueType.socketAddress("127.0.0.1"),
            "127.0.0.1:8077", "listen");
    static final ConfigKey<Long> SIZE = ConfigKey.of("test.max_size", ValueType.byteSize(), "8MiB", "size");

    private final ConfigLoader loader = new ConfigLoader(ConfigSchema.of(() -> List.of(PORT, DELAY, DNSBL, TOKEN, LISTEN, SIZE)));

    @TempDir
    Path dir;

    private Path file(String text) throws Exception {
        Path f = dir.resolve("spamward.conf");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void defaultsWithNoSource() {
        Config c = loader.load(null, Map.of(), List.of());
        assertThat(c.get(PORT)).isEqualTo(5525);
        assertThat(c.get(DELAY)).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.get(DNSBL)).containsExactly("a.example");
        assertThat(c.get(TOKEN)).isNull();
        assertThat(c.get(SIZE)).isEqualTo(8L << 20);
        assertThat(c.origin(PORT)).isEqualTo(Origin.DEFAULT);
    }

    @Test
    void precedenceIsFlagOverEnvOverFileOverDefault() throws Exception {
        Path f = file("# comment\ntest.port = 1000\ntest.grey_delay = 30s\ntest.dnsbl = x.example\ntest.dnsbl = y.example\n");
        Config c = loader.load(f, Map.of("SPAMWARD_TEST_PORT", "2000", "SPAMWARD_TEST_GREY_DELAY", "45"), List.of("test.port=3000"));
        assertThat(c.get(PORT)).isEqualTo(3000);
        assertThat(c.origin(PORT).toString()).isEqualTo("flag --set test.port");
        assertThat(c.get(DELAY)).isEqualTo(Duration.ofSeconds(45));
        assertThat(c.origin(DELAY).toString()).isEqualTo("env SPAMWARD_TEST_GREY_DELAY");
        assertThat(c.get(DNSBL)).containsExactly("x.example", "y.example");
        assertThat(c.origin(DNSBL).toString()).isEqualTo(f + ":4");
    }

    @Test
    void listsFromEnvAreCommaSeparatedAndFlagsAccumulate() {
        Config env = loader.load(null, Map.of("SPAMWARD_TEST_DNSBL", "p.example, q.example"), List.of());
        assertThat(env.get(DNSBL)).containsExactly("p.example", "q.example");
        Config flags = loader.load(null, Map.of(), List.of("test.dnsbl=r.example", "test.dnsbl=s.example"));
        assertThat(flags.get(DNSBL)).containsExactly("r.example", "s.example");
    }

    @Test
    void unknownKeysStopWithTheOriginAndASuggestion() throws Exception {
        Path f = file("test.port = 1\ntest.prot = 2\n");
        assertThatThrownBy(() -> loader.load(f, Map.of(), List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("unknown configuration key 'test.prot' (" + f + ":2); did you mean 'test.port'?");
        assertThatThrownBy(() -> loader.load(null, Map.of("SPAMWARD_TEST_PROT", "1"), List.of()))
                .hasMessageContaining("unknown configuration variable SPAMWARD_TEST_PROT (environment)");
        assertThatThrownBy(() -> loader.load(null, Map.of(), List.of("nope.key=1")))
                .hasMessageContaining("unknown configuration key 'nope.key' (flag --set nope.key)");
    }

    @Test
    void badValuesNameKeyValueAndOrigin() throws Exception {
        Path f = file("test.port = 70000\n");
        assertThatThrownBy(() -> loader.load(f, Map.of(), List.of()))
                .hasMessage("bad value for test.port = '70000' (" + f + ":1): must be between 1 and 65535 (integer 1..65535)");
        assertThatThrownBy(() -> loader.load(null, Map.of("SPAMWARD_TEST_GREY_DELAY", "soon"), List.of()))
                .hasMessageContaining("test.grey_delay = 'soon' (env SPAMWARD_TEST_GREY_DELAY)");
        assertThatThrownBy(() -> loader.load(null, Map.of(), List.of("test.listen=[::1")))
                .hasMessageContaining("test.listen");
        assertThatThrownBy(() -> loader.load(file("just words\n"), Map.of(), List.of()))
                .hasMessageContaining("expected 'key = value' at");
        assertThatThrownBy(() -> loader.load(file("test.port = 1\ntest.port = 2\n"), Map.of(), List.of()))
                .hasMessageContaining("test.port is given twice");
    }

    @Test
    void secretsFromFilesAreReadAndMaskedAndNeverShownInErrors() throws Exception {
        Path secret = dir.resolve("token");
        Files.writeString(secret, "s3cr3t\n");
        Config fromEnv = loader.load(null, Map.of("SPAMWARD_TEST_TOKEN_FILE", secret.toString()), List.of());
        assertThat(fromEnv.get(TOKEN)).isEqualTo("s3cr3t");
        Config fromFile = loader.load(file("test.token_file = " + secret + "\n"), Map.of(), List.of());
        assertThat(fromFile.get(TOKEN)).isEqualTo("s3cr3t");
        Config alias = loader.load(null, Map.of("GOZER_TOKEN", "g"), List.of());
        assertThat(alias.get(TOKEN)).isEqualTo("g");
        Config both = loader.load(null, Map.of("GOZER_TOKEN", "g", "SPAMWARD_TEST_TOKEN", "s"), List.of());
        assertThat(both.get(TOKEN)).isEqualTo("s");
        assertThat(ConfigPrinter.render(fromEnv)).contains("test.token = ********  # env SPAMWARD_TEST_TOKEN_FILE")
                .doesNotContain("s3cr3t");
        assertThatThrownBy(() -> loader.load(null, Map.of("SPAMWARD_TEST_TOKEN_FILE", dir.resolve("missing").toString()), List.of()))
                .hasMessageContaining("cannot read the secret for test.token from file");
    }

    @Test
    void printerShowsEveryKeyWithOrigin() {
        String out = ConfigPrinter.render(loader.load(null, Map.of("SPAMWARD_TEST_PORT", "25"), List.of()));
        assertThat(out).contains("test.port = 25  # env SPAMWARD_TEST_PORT", "test.dnsbl = a.example  # default",
                "# test.token =  # not set (default)");
        assertThat(ConfigPrinter.reference(ConfigSchema.of(() -> List.of(TOKEN))))
                .contains("SPAMWARD_TEST_TOKEN_FILE", "GOZER_TOKEN");
    }

    @Test
    void launcherVariablesAreNotConfigurationKeys() {
        assertThat(loader.load(null, Map.of("SPAMWARD_JAVA_OPTS", "-Xmx1g", "PATH", "/bin"), List.of()).get(PORT)).isEqualTo(5525);
    }

    @Test
    void lenientLoadReadsKnownKeysAndIgnoresTheRest() throws Exception {
        Path f = file("test.port = 1000\nother.module_key = x\n");
        Config c = loader.loadLenient(f, Map.of("SPAMWARD_OTHER_THING", "1", "SPAMWARD_TEST_GREY_DELAY", "7"),
                List.of("unknown.key=1", "test.dnsbl=z.example"));
        assertThat(c.get(PORT)).isEqualTo(1000);
        assertThat(c.get(DELAY)).isEqualTo(Duration.ofSeconds(7));
        assertThat(c.get(DNSBL)).containsExactly("z.example");
    }
}
