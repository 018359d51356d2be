package dev.spamward.drp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spamward.core.config.Config;
import dev.spamward.core.config.ConfigException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration: defaults, gozer's environment names, *_FILE secrets, clamping, durations. */
class DrpOptionsTest {
    private final List<String> warnings = new ArrayList<>();

    private DrpOptions options(Map<String, String> env, String... flags) {
        return DrpOptions.from(DrpTestServer.config(env, List.of(flags)), warnings::add);
    }

    @Test
    void defaults() {
        DrpOptions o = options(Map.of());
        assertThat(o.token()).isNull();
        assertThat(o.tokenConfigured()).isFalse();
        assertThat(o.maxBody()).isEqualTo(8L << 20);
        assertThat(o.maxConcurrent()).isEqualTo(8);
        assertThat(o.backendTimeout()).isEqualTo(Duration.ofSeconds(6));
        assertThat(o.cacheTtl()).isEqualTo(Duration.ofSeconds(300));
        assertThat(o.cacheSize()).isEqualTo(4096);
        assertThat(o.redisUrl()).isEmpty();
        assertThat(o.redisPrefix()).isEqualTo("drp:check:");
        assertThat(o.redisTimeout()).isEqualTo(Duration.ofMillis(100));
        assertThat(o.redisRetry()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.verbose()).isFalse();
        assertThat(warnings).isEmpty();
    }

    @Test
    void gozerEnvironmentNames(@TempDir Path dir) throws Exception {
        Path tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, "from-file\n");
        DrpOptions o = options(Map.of("GOZER_TOKEN", "plain", "GOZER_TOKEN_FILE", tokenFile.toString(),
                "GOZER_BACKEND_TIMEOUT", "2.5", "GOZER_MAX_CONCURRENT", "32", "GOZER_CACHE_TTL", "5m0s",
                "GOZER_CACHE_SIZE", "100", "GOZER_REDIS_URL", "redis://127.0.0.1:6379/5",
                "GOZER_REDIS_PREFIX", "x:", "GOZER_VERBOSE", "yes"));
        assertThat(o.token()).isEqualTo("from-file"); // *_FILE wins over the plain variable, trimmed
        assertThat(o.backendTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(o.maxConcurrent()).isEqualTo(32);
        assertThat(o.cacheTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(o.cacheSize()).isEqualTo(100);
        assertThat(o.redisUrl()).isEqualTo("redis://127.0.0.1:6379/5");
        assertThat(o.redisPrefix()).isEqualTo("x:");
        assertThat(o.verbose()).isTrue();
    }

    @Test
    void spamwardNamesAndFlagsWinOverGozerNames() {
        DrpOptions o = options(Map.of("GOZER_TOKEN", "gozer", "SPAMWARD_DRP_TOKEN", "spamward", "GOZER_CACHE_SIZE", "7"),
                "drp.cache_size=9");
        assertThat(o.token()).isEqualTo("spamward");
        assertThat(o.cacheSize()).isEqualTo(9);
    }

    @Test
    void outOfRangeValuesAreClampedAsGozerDoes() {
        DrpOptions o = options(Map.of("GOZER_MAX_CONCURRENT", "-3", "GOZER_BACKEND_TIMEOUT", "0",
                "GOZER_CACHE_TTL", "-1", "GOZER_CACHE_SIZE", "0"));
        assertThat(o.maxConcurrent()).isEqualTo(8);
        assertThat(o.backendTimeout()).isEqualTo(Duration.ofSeconds(6));
        assertThat(o.cacheTtl()).isZero();
        assertThat(o.cacheEnabled()).isFalse();
        assertThat(o.cacheSize()).isEqualTo(4096);
        assertThat(warnings).hasSize(4);
    }

    @Test
    void negativeConcurrencyDoesNotCrashTheService() throws Exception {
        try (DrpTestServer s = DrpTestServer.startWith(new TestNetworks(),
                Map.of("GOZER_TOKEN", DrpTestServer.TOKEN, "GOZER_MAX_CONCURRENT", "-1"))) {
            assertThat(s.send("/check", DrpHttpTest.MSG).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void listenAddressFromGozerHostAndPort() {
        Config c = DrpTestServer.config(Map.of("GOZER_HOST", "0.0.0.0", "GOZER_PORT", "9000"), List.of());
        InetSocketAddress a = DrpOptions.listen(c, warnings::add);
        assertThat(a.getHostString()).isEqualTo("0.0.0.0");
        assertThat(a.getPort()).isEqualTo(9000);
        assertThat(DrpOptions.localClientAddress(c).getHostString()).isEqualTo("127.0.0.1");
        Config bad = DrpTestServer.config(Map.of("GOZER_PORT", "70000"), List.of("http.listen=10.1.2.3:1234"));
        assertThat(DrpOptions.listen(bad, warnings::add)).satisfies(x -> {
            assertThat(x.getHostString()).isEqualTo("10.1.2.3");
            assertThat(x.getPort()).isEqualTo(8077);
        });
        assertThat(warnings).hasSize(1);
        Config plain = DrpTestServer.config(Map.of(), List.of());
        assertThat(DrpOptions.listen(plain, warnings::add).getPort()).isEqualTo(8077);
    }

    @Test
    void badValuesStopStartUpNamingTheVariable() {
        assertThatThrownBy(() -> options(Map.of("GOZER_CACHE_TTL", "soon")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("GOZER_CACHE_TTL");
        assertThatThrownBy(() -> options(Map.of(), "drp.max_body=lots"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("drp.max_body");
    }

    @Test
    void goDurations() {
        assertThat(GoDurations.parse("6")).isEqualTo(Duration.ofSeconds(6));
        assertThat(GoDurations.parse("0.25")).isEqualTo(Duration.ofMillis(250));
        assertThat(GoDurations.parse("-1")).isEqualTo(Duration.ofSeconds(-1));
        assertThat(GoDurations.parse("6s")).isEqualTo(Duration.ofSeconds(6));
        assertThat(GoDurations.parse("5m0s")).isEqualTo(Duration.ofMinutes(5));
        assertThat(GoDurations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(GoDurations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(GoDurations.parse("100ms")).isEqualTo(Duration.ofMillis(100));
        assertThat(GoDurations.parse("250us")).isEqualTo(Duration.ofNanos(250_000));
        assertThat(GoDurations.parse("2µs")).isEqualTo(Duration.ofNanos(2_000));
        assertThat(GoDurations.parse("-2s")).isEqualTo(Duration.ofSeconds(-2));
        assertThat(GoDurations.parse("1d")).isEqualTo(Duration.ofDays(1));
        // near the long range: integral forms in long arithmetic, overflow falls back to the exact path
        assertThat(GoDurations.parse("9223372036s")).isEqualTo(Duration.ofSeconds(9_223_372_036L));
        assertThat(GoDurations.parse("+1h1.5s")).isEqualTo(Duration.ofMillis(3_601_500));
        assertThat(GoDurations.parse("-9223372036854775807ns")).isEqualTo(Duration.ofNanos(-Long.MAX_VALUE));
        for (String bad : new String[] {"9223372037s", "9223372036854775808ns", "106752d", "5000000h1s"}) {
            assertThatThrownBy(() -> GoDurations.parse(bad)).as(bad).hasMessageContaining("too large");
        }
        for (String bad : new String[] {"", "s", "6x", "6 s", "1h-5m", "ms5", "1e3", "NaN", "99999999999999999999h"}) {
            assertThatThrownBy(() -> GoDurations.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
