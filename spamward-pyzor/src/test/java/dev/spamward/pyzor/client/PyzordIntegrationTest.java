package dev.spamward.pyzor.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spamward.pyzor.account.PyzorAccount;
import dev.spamward.pyzor.account.PyzorFiles;
import dev.spamward.pyzor.account.PyzorKeys;
import dev.spamward.pyzor.digest.PyzorDigester;
import dev.spamward.pyzor.testing.FakeUdpServer;
import dev.spamward.pyzor.testing.Pyzord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our client against the real pyzord 1.0.0 (Debian), started per test on 127.0.0.1 and a free port, and
 * cross-checked with the real pyzor client on the same server.
 */
class PyzordIntegrationTest {
    static final String SA003_DIGEST = "589b3352705d24ec79ffb455950a4fb6dd78f378";
    static final String ACCESS = "check report ping pong info : anonymous : allow\nall : alice : allow\n";

    static byte[] message(String name) throws IOException {
        try (InputStream in = PyzordIntegrationTest.class.getResourceAsStream("/dev/spamward/pyzor/vectors/messages/" + name)) {
            return in.readAllBytes();
        }
    }

    private static PyzorClient client(Pyzord d, PyzorAccount account) {
        return PyzorClient.builder().servers(List.of(d.server())).accounts(Map.of(d.server(), account))
                .timeout(Duration.ofSeconds(3)).build();
    }

    /** Runs the real pyzor CLI against the server; returns exit status and stdout. */
    private static String[] realPyzor(Path home, String op, byte[] stdin) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Pyzord.PYZOR.toString(), "--homedir", home.toString(), op).redirectErrorStream(false).start();
        try (var in = p.getOutputStream()) {
            in.write(stdin);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.getErrorStream().readAllBytes();
        return new String[] {Integer.toString(p.waitFor()), out};
    }

    @Test
    void anonymousCheckReportInfoPingAndDeniedWhitelist(@TempDir Path dir) throws Exception {
        try (Pyzord d = Pyzord.start(dir, null, null)) {
            PyzorClient client = client(d, PyzorAccount.ANONYMOUS);
            byte[] msg = message("sa-003.eml");

            assertThat(client.ping().allOk()).isTrue();
            CheckResult before = client.check(msg);
            assertThat(before.digest()).isEqualTo(SA003_DIGEST);
            assertThat(before.complete()).isTrue();
            assertThat(before.spam()).isFalse();
            assertThat(before.count()).isZero();

            OpResult report = client.report(msg);
            assertThat(report.allOk()).as(report.firstProblem()).isTrue();

            CheckResult after = client.check(msg);
            assertThat(after.spam()).isTrue();
            assertThat(after.count()).isEqualTo(1);
            assertThat(after.wlCount()).isZero();

            OpResult info = client.info(msg);
            assertThat(info.allOk()).isTrue();
            var response = ((ServerOutcome.Answered) info.outcomes().getFirst()).response();
            assertThat(response.count()).hasValue(1);
            assertThat(response.number("Entered").orElseThrow()).isGreaterThan(1_700_000_000L);

            OpResult wl = client.whitelist(msg);
            assertThat(wl.allOk()).isFalse();
            ServerOutcome denied = wl.outcomes().getFirst();
            assertThat(denied.headTuple()).isEqualTo("(403, 'Forbidden: User is not authorized to request the operation.')");
            assertThat(denied.describe()).contains("403 forbidden");

            // The real pyzor client sees our report on the same server, with the same digest.
            Path cli = d.clientHome(dir.resolve("cli"), null);
            String[] real = realPyzor(cli, "check", msg);
            assertThat(real[1]).isEqualTo(d.server() + "\t(200, 'OK')\t1\t0\n");
            assertThat(real[0]).isEqualTo("0");
            assertThat(d.usageLog()).contains("anonymous,127.0.0.1,report,['" + SA003_DIGEST + "'],200");
        }
    }

    @Test
    void authenticatedWhitelistAndWrongKeyIs401(@TempDir Path dir) throws Exception {
        PyzorKeys.SaltKey sk = PyzorKeys.generate("alicepass");
        try (Pyzord d = Pyzord.start(dir, "alice : " + sk.key() + "\n", ACCESS)) {
            PyzorAccount alice = new PyzorAccount("alice", sk.salt(), sk.key());
            PyzorClient client = client(d, alice);
            byte[] msg = message("sa-003.eml");

            assertThat(client.ping().allOk()).isTrue();
            assertThat(client.report(msg).allOk()).isTrue();
            OpResult wl = client.whitelist(msg);
            assertThat(wl.allOk()).as(wl.firstProblem()).isTrue();
            CheckResult check = client.check(msg);
            assertThat(check.count()).isEqualTo(1);
            assertThat(check.wlCount()).isEqualTo(1);
            assertThat(check.spam()).as("whitelisted digests are never spam").isFalse();
            assertThat(d.usageLog()).contains("alice,127.0.0.1,whitelist,['" + SA003_DIGEST + "'],200");

            // The real pyzor client with the same account line sees the whitelist count.
            Path cli = d.clientHome(dir.resolve("cli"), PyzorFiles.accountLine(d.server(), alice));
            assertThat(realPyzor(cli, "check", msg)[1]).isEqualTo(d.server() + "\t(200, 'OK')\t1\t1\n");

            PyzorClient wrongKey = client(d, new PyzorAccount("alice", sk.salt(), "0".repeat(40)));
            CheckResult denied = wrongKey.check(msg);
            assertThat(denied.spam()).isFalse();
            assertThat(denied.complete()).isFalse();
            assertThat(denied.count()).isZero();
            ServerOutcome o = denied.outcomes().getFirst();
            assertThat(o.headTuple()).isEqualTo("(401, 'Unauthorized: Signature Error: Invalid signature.')");
            assertThat(o.describe()).contains("401 unauthorized").contains("wrong key");

            PyzorClient unknown = client(d, new PyzorAccount("mallory", "", sk.key()));
            assertThat(((ServerOutcome.Answered) unknown.ping().outcomes().getFirst()).response().code()).isEqualTo(401);
        }
    }

    @Test
    void oneSilentServerMeansNoEvidence(@TempDir Path dir) throws Exception {
        try (Pyzord d = Pyzord.start(dir, null, null);
             FakeUdpServer silent = new FakeUdpServer(req -> null)) {
            byte[] msg = message("sa-003.eml");
            assertThat(client(d, PyzorAccount.ANONYMOUS).report(msg).allOk()).isTrue();
            PyzorClient both = PyzorClient.builder().servers(List.of(d.server(), silent.server()))
                    .timeout(Duration.ofMillis(300)).retries(1).build();
            long start = System.nanoTime();
            CheckResult r = both.check(msg);
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(ms).as("hang guard").isLessThan(10000);
            assertThat(r.outcomes()).hasSize(2);
            assertThat(r.outcomes().get(0).ok()).isTrue();
            assertThat(r.outcomes().get(1)).isInstanceOf(ServerOutcome.Failed.class);
            assertThat(((ServerOutcome.Failed) r.outcomes().get(1)).kind()).isEqualTo(ServerOutcome.Failure.TIMEOUT);
            assertThat(r.spam()).isFalse();
            assertThat(r.count()).as("a failed server means no evidence, not a partial maximum").isZero();
            assertThat(silent.requests()).as("check is retried once").isEqualTo(2);
            assertThat(both.report(msg).allOk()).isFalse();
            assertThat(silent.requests()).as("report is never resent").isEqualTo(3);
        }
    }

    @Test
    void oneClientServesManyConcurrentCallers(@TempDir Path dir) throws Exception {
        try (Pyzord d = Pyzord.start(dir, null, null)) {
            PyzorClient client = PyzorClient.builder().servers(List.of(d.server())).timeout(Duration.ofSeconds(5))
                    .retries(2).maxInFlight(8).build();
            byte[] msg = message("sa-003.eml");
            assertThat(client.report(msg).allOk()).isTrue();
            List<String> names = List.of("sa-003.eml", "sa-010.eml", "sa-100.eml", "syn-017.eml");
            try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                List<java.util.concurrent.Future<CheckResult>> futures = new java.util.ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    byte[] m = message(names.get(i % names.size()));
                    futures.add(pool.submit(() -> client.check(m)));
                }
                for (int i = 0; i < futures.size(); i++) {
                    CheckResult r = futures.get(i).get();
                    assertThat(r.complete()).as("call %d: %s", i, r.outcomes()).isTrue();
                    assertThat(r.spam()).isEqualTo(i % names.size() == 0);
                }
            }
        }
    }

    @Test
    void emptyDigestIsNeverSent(@TempDir Path dir) throws Exception {
        try (Pyzord d = Pyzord.start(dir, null, null)) {
            PyzorClient client = client(d, PyzorAccount.ANONYMOUS);
            byte[] empty = message("syn-001.eml");
            assertThat(PyzorDigester.digest(empty)).isEqualTo(PyzorDigester.EMPTY_DIGEST);
            assertThat(client.check(empty).skipped()).isTrue();
            assertThat(client.report(empty).skipped()).isTrue();
            assertThat(client.whitelist(empty).allOk()).isFalse();
            assertThat(d.usageLog()).doesNotContain(PyzorDigester.EMPTY_DIGEST);
            assertThat(Files.exists(d.home().resolve("usage.log")) ? d.usageLog() : "").doesNotContain("report");
        }
    }
}
