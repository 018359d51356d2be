package dev.spamward.greylist.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spamward.greylist.GreylistService;
import dev.spamward.greylist.TestConfig;
import dev.spamward.greylist.engine.Query;
import dev.spamward.greylist.engine.Result;
import dev.spamward.greylist.peers.Peers;
import java.io.IOException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Two Spamward nodes replicating each other on 127.0.0.1: live updates, full transfer on (re)connect. */
class ReplicationTest {

    static GreylistService node(int listen, int peer, String secret, String... more) throws IOException {
        java.util.List<String> cfg = new java.util.ArrayList<>(java.util.List.of("greylist.grey_delay=1s",
                "greylist.policy.enabled=false", "greylist.milter.enabled=false", "greylist.sjsms.enabled=false",
                "greylist.sync_listen=127.0.0.1:" + listen, "greylist.sync_peer=127.0.0.1:" + peer,
                "greylist.sync_secret=" + secret));
        cfg.addAll(java.util.List.of(more));
        return GreylistService.start(TestConfig.of(cfg.toArray(String[]::new)));
    }

    static Result ask(GreylistService n, String ip, String from) {
        return n.engine().decide(Query.of(ip, from, "bob@example.org")).result();
    }

    /** Whether the node's filter holds the triplet, without asking (asking would insert it locally). */
    public static boolean known(GreylistService n, String ip, String from) {
        var o = n.engine().options();
        int[] d = dev.spamward.greylist.state.Triplet.of(dev.spamward.greylist.state.IpMask.parse(ip), from, "bob@example.org",
                o.mask(), o.normalizer()).digest();
        n.engine().maintain();
        return n.engine().store().contains(d);
    }

    public static void await(BooleanSupplier cond, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(50);
        }
    }

    @Test
    void liveUpdatesFullDumpOnConnectAndReconnect() throws Exception {
        int pa = Peers.freePort();
        int pb = Peers.freePort();
        try (GreylistService a = node(pa, pb, "s3cret")) {
            // A works alone first: B is down, answers are not slowed.
            long t0 = System.nanoTime();
            assertThat(ask(a, "192.0.2.10", "early@example.net")).isEqualTo(Result.GREY);
            assertThat(Duration.ofNanos(System.nanoTime() - t0).toMillis()).isLessThan(1000);
            Thread.sleep(1800);
            assertThat(ask(a, "192.0.2.10", "early@example.net")).isEqualTo(Result.MATCH);

            GreylistService b = node(pb, pa, "s3cret");
            try {
                // B receives A's state in the dump when A connects.
                await(() -> b.replicator().peerConnected() && known(b, "192.0.2.10", "early@example.net"),
                        "dump from A to B");
                // Live update B -> A: greylisted on B, passes on A after A's own delay.
                await(() -> a.replicator().peerConnected(), "B connected to A");
                assertThat(ask(b, "192.0.2.20", "live@example.net")).isEqualTo(Result.GREY);
                await(() -> known(a, "192.0.2.20", "live@example.net"), "live update from B to A");
            } finally {
                b.close();
            }
            // B is down: A keeps answering; inserts made meanwhile reach B after it restarts.
            assertThat(ask(a, "192.0.2.30", "while-down@example.net")).isEqualTo(Result.GREY);
            Thread.sleep(1800);
            try (GreylistService b2 = node(pb, pa, "s3cret")) {
                await(() -> known(b2, "192.0.2.30", "while-down@example.net"), "reconnect dump to B");
                assertThat(ask(b2, "192.0.2.30", "while-down@example.net")).isEqualTo(Result.MATCH);
                assertThat(b2.status().json()).contains("\"replication\":").contains("\"receiving\":true")
                        .doesNotContain("\"dumps_received\":0");
            }
        }
    }

    /**
     * Retry-window mode: a first attempt greylisted on one node is known to the other, live and through the
     * dump of a reconnection, so the retry passes on whichever node it lands on.
     */
    @Test
    void retryWindowFirstAttemptsReachThePeer() throws Exception {
        int pa = Peers.freePort();
        int pb = Peers.freePort();
        String window = "greylist.retry_window=1h";
        try (GreylistService a = node(pa, pb, "s3cret", window)) {
            // Seen on A while B is down: it reaches B in the dump when A connects.
            assertThat(ask(a, "192.0.2.40", "before@example.net")).isEqualTo(Result.GREY);
            try (GreylistService b = node(pb, pa, "s3cret", window)) {
                await(() -> a.replicator().streaming() && b.replicator().peerConnected(), "A streaming to B");
                // Seen on B while connected: a live message to A.
                long sentBefore = statusNumber(b, "updates_sent");
                assertThat(ask(b, "192.0.2.50", "live@example.net")).isEqualTo(Result.GREY);
                await(() -> statusNumber(b, "updates_sent") > sentBefore && statusNumber(a, "updates_received") > 0,
                        "B's first attempt sent to A");
                Thread.sleep(1200); // the grey delay (1 s) has passed since both first attempts
                // Each retry lands on the other node and passes there.
                assertThat(ask(b, "192.0.2.40", "before@example.net")).isEqualTo(Result.MATCH);
                assertThat(ask(a, "192.0.2.50", "live@example.net")).isEqualTo(Result.MATCH);
                // A triplet neither node has seen is still greylisted, on both.
                assertThat(ask(a, "192.0.2.60", "new@example.net")).isEqualTo(Result.GREY);
                assertThat(ask(b, "192.0.2.61", "other@example.net")).isEqualTo(Result.GREY);
            }
        }
    }

    private static long statusNumber(GreylistService n, String field) {
        var m = java.util.regex.Pattern.compile("\"" + field + "\":(\\d+)").matcher(n.status().json());
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    @Test
    void wrongSecretIsRefused() throws Exception {
        int pa = Peers.freePort();
        int pb = Peers.freePort();
        try (GreylistService a = node(pa, pb, "one"); GreylistService b = node(pb, pa, "two")) {
            assertThat(ask(a, "192.0.2.10", "x@example.net")).isEqualTo(Result.GREY);
            Thread.sleep(2500);
            assertThat(b.replicator().peerConnected()).isFalse();
            assertThat(a.replicator().streaming()).isFalse();
            assertThat(known(b, "192.0.2.10", "x@example.net")).isFalse();
        }
    }
}
