package dev.spamward.drp;

import static dev.spamward.drp.DrpHttpTest.GOZER_CHECK;
import static dev.spamward.drp.DrpHttpTest.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spamward.drp.backend.BackendException;
import dev.spamward.drp.backend.DccVerdict;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The /check cache over real HTTP: hit, miss, coalescing, invalidation by feedback, degraded verdicts. */
class DrpCacheTest {
    static byte[] msg(String s) {
        return ("Subject: " + s + "\r\n\r\nbody " + s + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void missThenHitWithHeaderAndCounters() throws Exception {
        try (DrpTestServer s = DrpTestServer.start(new TestNetworks())) {
            HttpResponse<String> miss = s.send("/check", msg("a"));
            assertThat(miss.headers().firstValue("X-DRP-Cache")).isEmpty();
            HttpResponse<String> hit = s.send("/check", msg("a"));
            assertThat(hit.headers().firstValue("X-DRP-Cache")).hasValue("hit");
            assertThat(hit.body()).isEqualTo(GOZER_CHECK);
            HttpResponse<String> other = s.send("/check", msg("b"));
            assertThat(other.headers().firstValue("X-DRP-Cache")).isEmpty();
            assertThat(s.networks.dccChecks).hasValue(2);
            assertThat(s.networks.razorChecks).hasValue(2);
            assertThat(s.networks.pyzorChecks).hasValue(2);
            assertThat(s.counter("cache_miss")).isEqualTo(2);
            assertThat(s.counter("cache_hit")).isEqualTo(1);
            assertThat(s.service.engine().cache().l1().size()).isEqualTo(2);
        }
    }

    @Test
    void twelveConcurrentIdenticalChecksMakeOneBackendCall() throws Exception {
        TestNetworks n = new TestNetworks();
        CountDownLatch release = new CountDownLatch(1);
        n.dccCheck = (m, b) -> {
            release.await(10, TimeUnit.SECONDS);
            return DccVerdict.reject(16_777_200);
        };
        try (DrpTestServer s = DrpTestServer.start(n, "drp.max_concurrent=16");
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 12; i++) answers.add(pool.submit(() -> s.send("/check", msg("same"))));
            waitUntil(() -> s.service.engine().coalescedWaiting() == 11); // one leader, eleven followers
            release.countDown();
            int coalesced = 0;
            int plain = 0;
            for (Future<HttpResponse<String>> f : answers) {
                HttpResponse<String> r = f.get(20, TimeUnit.SECONDS);
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).contains("\"action\":\"reject\",\"bulk\":16777200");
                if (r.headers().firstValue("X-DRP-Cache").isPresent()) {
                    assertThat(r.headers().firstValue("X-DRP-Cache")).hasValue("coalesced");
                    coalesced++;
                } else {
                    plain++;
                }
            }
            assertThat(plain).isEqualTo(1);
            assertThat(coalesced).isEqualTo(11);
            assertThat(n.dccChecks).hasValue(1);
            assertThat(n.razorChecks).hasValue(1);
            assertThat(n.pyzorChecks).hasValue(1);
            assertThat(s.counter("cache_miss")).isEqualTo(1);
            assertThat(s.counter("cache_coalesced")).isEqualTo(11);
        }
    }

    @Test
    void aLeaderWhoseClientDisconnectsStillServesFollowersAndTheCache() throws Exception {
        TestNetworks n = new TestNetworks();
        CountDownLatch release = new CountDownLatch(1);
        n.dccCheck = (m, b) -> {
            release.await(10, TimeUnit.SECONDS);
            return DccVerdict.reject(16_777_200);
        };
        byte[] m = msg("gone");
        try (DrpTestServer s = DrpTestServer.start(n, "drp.max_concurrent=4");
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            RawHttp leader = new RawHttp(s.port());
            leader.write("POST /check HTTP/1.1\r\nHost: x\r\nX-DRP-Token: " + DrpTestServer.TOKEN
                    + "\r\nContent-Length: " + m.length + "\r\n\r\n");
            leader.write(m);
            waitUntil(() -> n.dccChecks.get() == 1);
            Future<HttpResponse<String>> follower = pool.submit(() -> s.send("/check", m));
            waitUntil(() -> s.service.engine().coalescedWaiting() == 1);
            leader.close(); // the first caller goes away while the networks are still working
            release.countDown();
            HttpResponse<String> r = follower.get(10, TimeUnit.SECONDS);
            assertThat(r.headers().firstValue("X-DRP-Cache")).hasValue("coalesced");
            assertThat(r.body()).contains("\"bulk\":16777200");
            assertThat(s.send("/check", m).headers().firstValue("X-DRP-Cache")).hasValue("hit");
            assertThat(n.dccChecks).hasValue(1);
        }
    }

    @Test
    void degradedVerdictIsNotCached() throws Exception {
        TestNetworks n = new TestNetworks();
        n.pyzorCheck = (m, b) -> {
            throw new BackendException("one of two Pyzor servers did not answer");
        };
        try (DrpTestServer s = DrpTestServer.start(n)) {
            assertThat(s.send("/check", msg("d")).body()).contains("\"pyzor\":{\"count\":0,\"wl\":0,");
            HttpResponse<String> again = s.send("/check", msg("d"));
            assertThat(again.headers().firstValue("X-DRP-Cache")).isEmpty();
            assertThat(n.dccChecks).hasValue(2);
            n.pyzorCheck = (m, b) -> new dev.spamward.drp.backend.PyzorCounts(1, 2);
            s.send("/check", msg("d"));
            HttpResponse<String> cached = s.send("/check", msg("d"));
            assertThat(cached.headers().firstValue("X-DRP-Cache")).hasValue("hit");
            assertThat(cached.body()).endsWith("\"pyzor\":{\"count\":1,\"wl\":2}}");
        }
    }

    @Test
    void reportAndRevokeInvalidateTheCachedVerdict() throws Exception {
        TestNetworks n = new TestNetworks();
        try (DrpTestServer s = DrpTestServer.start(n)) {
            s.send("/check", msg("r"));
            assertThat(s.send("/check", msg("r")).headers().firstValue("X-DRP-Cache")).hasValue("hit");
            assertThat(s.send("/report", msg("r")).statusCode()).isEqualTo(200);
            assertThat(s.send("/check", msg("r")).headers().firstValue("X-DRP-Cache")).isEmpty();
            assertThat(s.send("/check", msg("r")).headers().firstValue("X-DRP-Cache")).hasValue("hit");
            assertThat(s.send("/revoke", msg("r")).statusCode()).isEqualTo(200);
            assertThat(s.send("/check", msg("r")).headers().firstValue("X-DRP-Cache")).isEmpty();
            assertThat(n.dccChecks).hasValue(3);
        }
    }

    @Test
    void feedbackOverlappingACheckDoesNotRepopulateTheCache() throws Exception {
        TestNetworks n = new TestNetworks();
        CountDownLatch checkStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        n.razorCheck = (m, b) -> {
            checkStarted.countDown();
            release.await(10, TimeUnit.SECONDS);
            return true;
        };
        try (DrpTestServer s = DrpTestServer.start(n, "drp.max_concurrent=4");
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<HttpResponse<String>> check = pool.submit(() -> s.send("/check", msg("o")));
            assertThat(checkStarted.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(s.send("/report", msg("o")).statusCode()).isEqualTo(200); // completes while the check runs
            release.countDown();
            assertThat(check.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            n.razorCheck = (m, b) -> false;
            HttpResponse<String> after = s.send("/check", msg("o"));
            assertThat(after.headers().firstValue("X-DRP-Cache")).isEmpty(); // the older verdict was not stored
            assertThat(after.body()).contains("\"razor\":{\"hit\":false,");
            assertThat(n.razorChecks).hasValue(2);
        }
    }

    @Test
    void zeroTtlDisablesCacheAndCoalescing() throws Exception {
        TestNetworks n = new TestNetworks();
        try (DrpTestServer s = DrpTestServer.start(n, "drp.cache_ttl=0")) {
            for (int i = 0; i < 3; i++) assertThat(s.send("/check", msg("z")).headers().firstValue("X-DRP-Cache")).isEmpty();
            assertThat(n.dccChecks).hasValue(3);
            assertThat(s.service.engine().cache()).isNull();
        }
    }

    @Test
    void entriesExpireAfterTheTtl() throws Exception {
        TestNetworks n = new TestNetworks();
        try (DrpTestServer s = DrpTestServer.start(n, "drp.cache_ttl=1500ms")) {
            s.send("/check", msg("t"));
            assertThat(s.send("/check", msg("t")).headers().firstValue("X-DRP-Cache")).hasValue("hit");
            Thread.sleep(1800);
            assertThat(s.send("/check", msg("t")).headers().firstValue("X-DRP-Cache")).isEmpty();
            assertThat(n.dccChecks).hasValue(2);
        }
    }

    @Test
    void cacheSizeBoundsTheLocalCache() throws Exception {
        try (DrpTestServer s = DrpTestServer.start(new TestNetworks(), "drp.cache_size=5")) {
            for (int i = 0; i < 50; i++) s.send("/check", msg("n" + i));
            assertThat(s.service.engine().cache().l1().size()).isLessThanOrEqualTo(5);
        }
    }
}
