package dev.spamward.drp;

import static dev.spamward.drp.DrpCacheTest.msg;
import static dev.spamward.drp.DrpHttpTest.GOZER_CHECK;
import static dev.spamward.drp.DrpHttpTest.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * The Redis level against a real redis-server started here: shared verdicts between two scanners,
 * promotion with the remaining TTL, then the server killed mid-test (fall back to the local cache,
 * errors and breaker counted) and restarted (used again without any action).
 */
class RedisFailoverTest {
    static final byte[] PREFIX = "drp:check:".getBytes(StandardCharsets.US_ASCII);

    static byte[] key(byte[] message) throws Exception {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(message);
        byte[] k = Arrays.copyOf(PREFIX, PREFIX.length + d.length);
        System.arraycopy(d, 0, k, PREFIX.length, d.length);
        return k;
    }

    @Test
    void sharedCachePromotionFailoverAndReconnection(@TempDir Path dir) throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.start(dir)) {
            String url = redis.url(3);
            TestNetworks na = new TestNetworks();
            TestNetworks nb = new TestNetworks();
            // gozer's variable names configure the Redis level.
            Map<String, String> env = Map.of("GOZER_TOKEN", DrpTestServer.TOKEN, "GOZER_REDIS_URL", url,
                    "GOZER_CACHE_TTL", "30");
            try (DrpTestServer a = DrpTestServer.startWith(na, env, "drp.redis_retry=3s");
                 DrpTestServer b = DrpTestServer.startWith(nb, env, "drp.redis_retry=1s");
                 RedisClient direct = RedisClient.create(URI.create(url))) {

                // 1. A computes and stores gozer's JSON under prefix + raw digest with EX 30.
                a.send("/check", msg("shared"));
                assertThat(direct.get(key(msg("shared")))).asString(StandardCharsets.UTF_8).isEqualTo(GOZER_CHECK);
                assertThat(direct.pttl(key(msg("shared")))).isBetween(25_000L, 30_000L);

                // 2. B (empty local cache) is served from Redis without calling a network.
                HttpResponse<String> fromRedis = b.send("/check", msg("shared"));
                assertThat(fromRedis.headers().firstValue("X-DRP-Cache")).hasValue("hit");
                assertThat(fromRedis.body()).isEqualTo(GOZER_CHECK);
                assertThat(nb.checks()).isZero();

                // 3. Promotion keeps the remaining TTL: an entry with 1.2 s left leaves B's L1 after 1.2 s.
                byte[] written = "{\"dcc\":{\"action\":\"accept\",\"bulk\":null},\"razor\":{\"hit\":false},\"pyzor\":{\"count\":0,\"wl\":0}}"
                        .getBytes(StandardCharsets.UTF_8);
                direct.set(key(msg("short")), written, SetParams.setParams().px(1200));
                assertThat(b.send("/check", msg("short")).body()).isEqualTo(new String(written, StandardCharsets.UTF_8));
                assertThat(b.service.engine().cache().l1().size()).isEqualTo(2);
                Thread.sleep(1500);
                HttpResponse<String> expired = b.send("/check", msg("short"));
                assertThat(expired.headers().firstValue("X-DRP-Cache")).isEmpty();
                assertThat(nb.dccChecks).hasValue(1);

                // 4. Redis dies mid-test: requests still answer, the local cache carries on.
                redis.kill();
                HttpResponse<String> during = a.send("/check", msg("while-down"));
                assertThat(during.statusCode()).isEqualTo(200);
                assertThat(during.headers().firstValue("X-DRP-Cache")).isEmpty();
                assertThat(a.counter("redis_error")).isGreaterThanOrEqualTo(1);
                assertThat(a.counter("redis_circuit_open")).isEqualTo(1);
                double errorsWhileOpen = a.counter("redis_error");
                HttpResponse<String> local = a.send("/check", msg("while-down"));
                assertThat(local.headers().firstValue("X-DRP-Cache")).hasValue("hit"); // from L1
                assertThat(a.send("/check", msg("shared")).headers().firstValue("X-DRP-Cache")).hasValue("hit");
                assertThat(a.counter("redis_error")).isEqualTo(errorsWhileOpen); // breaker open: Redis skipped
                // ...except deletes, which are attempted even while the breaker is open.
                assertThat(a.send("/report", msg("while-down")).statusCode()).isEqualTo(200);
                assertThat(a.counter("redis_error")).isEqualTo(errorsWhileOpen + 2); // before and after dispatch
                assertThat(a.counter("redis_circuit_open")).isEqualTo(1);

                // 5. Redis comes back on the same port: after the breaker interval it is used again, by itself.
                redis.restart();
                java.util.concurrent.atomic.AtomicInteger probe = new java.util.concurrent.atomic.AtomicInteger();
                waitUntil(() -> {
                    byte[] m = msg("probe-" + probe.incrementAndGet());
                    try {
                        a.send("/check", m);
                        return direct.get(key(m)) != null;
                    } catch (Exception e) {
                        return false; // the test's own connection to the old server is broken once
                    }
                });
                assertThat(a.service.engine().cache().shared()).isTrue();
                a.send("/check", msg("back"));
                assertThat(direct.get(key(msg("back")))).asString(StandardCharsets.UTF_8).isEqualTo(GOZER_CHECK);
                assertThat(a.counter("redis_circuit_open")).isGreaterThanOrEqualTo(1);
                // Feedback deletes in Redis too.
                a.send("/report", msg("back"));
                assertThat(direct.get(key(msg("back")))).isNull();
            }
        }
    }

    @Test
    void unusableRedisUrlFallsBackToTheLocalCache() throws Exception {
        try (DrpTestServer s = DrpTestServer.start(new TestNetworks(), "drp.redis_url=http://nope")) {
            s.send("/check", msg("x"));
            assertThat(s.send("/check", msg("x")).headers().firstValue("X-DRP-Cache")).hasValue("hit");
            assertThat(s.service.engine().cache().shared()).isFalse();
            assertThat(s.counter("redis_error")).isEqualTo(1);
        }
    }
}
