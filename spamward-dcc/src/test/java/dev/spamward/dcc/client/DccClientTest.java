package dev.spamward.dcc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spamward.dcc.checksum.CkType;
import dev.spamward.dcc.checksum.DccChecksummer;
import dev.spamward.dcc.checksum.MessageChecksums;
import dev.spamward.dcc.proto.ClientIdentity;
import dev.spamward.dcc.proto.Targets;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The client against the Java port of fake_dcc.py on 127.0.0.1. */
class DccClientTest {
    private static final class VectorBytes {
        static byte[] mbox1() throws java.io.IOException {
            try (InputStream in = DccClientTest.class.getResourceAsStream("/dev/spamward/dcc/vectors/messages/gdcc-mbox1.eml")) {
                return in.readAllBytes();
            }
        }
    }

    private FakeDccServer server;
    private MessageChecksums sums;

    @BeforeEach
    void start() throws Exception {
        server = new FakeDccServer();
        try (InputStream in = getClass().getResourceAsStream("/dev/spamward/dcc/vectors/messages/gdcc-mbox1.eml")) {
            sums = DccChecksummer.compute(in.readAllBytes());
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private DccClient client(ClientIdentity id, Duration timeout, FakeDccServer... servers) {
        List<ServerAddress> list = java.util.Arrays.stream(servers).map(FakeDccServer::address).toList();
        return new DccClient(DccClient.Options.of(list).withIdentity(id).withTimeout(timeout));
    }

    @Test
    void anonymousQueryThenSpamReportThenQuery() throws Exception {
        DccClient c = client(ClientIdentity.anonymous(), Duration.ofSeconds(3), server);
        DccResult q = c.check(sums);
        assertThat(q.counts()).extracting(CheckCount::type).containsExactly(CkType.ENV_FROM, CkType.FROM,
                CkType.MESSAGE_ID, CkType.RECEIVED, CkType.BODY, CkType.FUZ1, CkType.FUZ2);
        assertThat(q.counts()).allSatisfy(cc -> assertThat(cc.current()).isZero());
        assertThat(q.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(q.bulk()).isFalse();

        DccResult r = c.report(sums, 1, true);
        FakeDccServer.Request rep = server.log.getLast();
        assertThat(rep.op()).isEqualTo(2);
        assertThat(rep.tgts()).isEqualTo(0x01000001); // dccproc -t many
        assertThat(rep.sender()).isEqualTo(1);
        assertThat(rep.zeroSig()).isTrue();
        assertThat(r.count(CkType.BODY).orElseThrow().current()).isEqualTo(Targets.TOO_MANY);

        DccResult after = c.check(sums);
        assertThat(after.verdict()).isEqualTo(Verdict.REJECT);
        assertThat(after.bulk()).isTrue();
        assertThat(after.bulkCount()).isEqualTo(Targets.TOO_MANY);
        assertThat(after.count(CkType.FUZ2).orElseThrow().currentText()).isEqualTo("many");
        assertThat(server.log).extracting(FakeDccServer.Request::op).contains(3, 2);
    }

    @Test
    void plainReportCountsTargetsAndThresholdIsConfigurable() throws Exception {
        DccClient c = new DccClient(DccClient.Options.of(List.of(server.address()))
                .withPolicy(new VerdictPolicy(5)).withTimeout(Duration.ofSeconds(3)));
        c.report(sums, 3, false);
        assertThat(server.log.getLast().tgts()).isEqualTo(3);
        assertThat(c.check(sums).verdict()).isEqualTo(Verdict.UNKNOWN);
        DccResult r = c.report(sums, 2, false);
        assertThat(r.count(CkType.BODY).orElseThrow().previous()).isEqualTo(3);
        assertThat(r.count(CkType.BODY).orElseThrow().current()).isEqualTo(5);
        assertThat(c.check(sums).verdict()).isEqualTo(Verdict.REJECT);
    }

    @Test
    void authenticatedPacketsVerifyWithThe32ByteKeyAndAnswersAreChecked() throws Exception {
        DccClient c = client(ClientIdentity.of(12345, "secret"), Duration.ofSeconds(3), server);
        DccResult r = c.report(sums, 1, true);
        assertThat(r.passwordRejected()).isFalse();
        FakeDccServer.Request req = server.log.getLast();
        assertThat(req.sender()).isEqualTo(12345);
        assertThat(req.sig32()).isTrue();
        assertThat(req.sig16()).isFalse();
    }

    @Test
    void wrongPasswordIsAnsweredUnsignedAndFlagged() throws Exception {
        DccClient c = client(ClientIdentity.of(12345, "not-the-password"), Duration.ofSeconds(3), server);
        DccResult r = c.check(sums);
        assertThat(server.log.getLast().sig32()).isFalse();
        assertThat(r.passwordRejected()).isTrue();
        assertThat(r.counts()).hasSize(7);
    }

    @Test
    void reportOfManyTargetsIsOneSpamRecipientAsDccproc() throws Exception {
        DccClient c = client(ClientIdentity.anonymous(), Duration.ofSeconds(3), server);
        c.report(sums, Targets.TOO_MANY, false);
        assertThat(server.log.getLast().tgts()).isEqualTo(0x01000001);
        byte[] raw = VectorBytes.mbox1();
        assertThat(c.checkMessage(raw, null, null).verdict()).isEqualTo(Verdict.REJECT);
        assertThat(c.checkMessage(raw, null, java.net.InetAddress.getByName("192.0.2.7")).counts())
                .extracting(CheckCount::type).startsWith(CkType.IP);
    }

    @Test
    void whitelistedBodyAccepts() throws Exception {
        server.preset(8, Targets.OK);
        DccResult r = client(ClientIdentity.anonymous(), Duration.ofSeconds(3), server).check(sums);
        assertThat(r.verdict()).isEqualTo(Verdict.ACCEPT);
    }

    @Test
    void retransmitsWithTheSameReportIdUntilAnswered() throws Exception {
        server.dropFirst.set(2);
        DccClient c = client(ClientIdentity.anonymous(), Duration.ofSeconds(4), server);
        DccResult r = c.report(sums, 1, false);
        assertThat(server.log).hasSize(3);
        assertThat(server.log).extracting(FakeDccServer.Request::t).containsExactly(1, 2, 3);
        assertThat(server.log).extracting(FakeDccServer.Request::r).containsOnly(server.log.getFirst().r());
        assertThat(r.count(CkType.BODY).orElseThrow().current()).isEqualTo(1); // counted once, as dccd does
    }

    @Test
    void delayedAnswersAreWaitedFor() throws Exception {
        server.delayMs = 300;
        DccResult r = client(ClientIdentity.anonymous(), Duration.ofSeconds(3), server).check(sums);
        assertThat(r.roundTrip().toMillis()).isGreaterThanOrEqualTo(250);
        assertThat(r.counts()).hasSize(7);
    }

    @Test
    void silentServerTimesOutWithinTheDeadline() throws Exception {
        server.mode = FakeDccServer.Mode.SILENT;
        DccClient c = client(ClientIdentity.anonymous(), Duration.ofMillis(800), server);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> c.check(sums)).isInstanceOf(DccException.class).hasMessageContaining("no answer");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(ms).isBetween(700L, 5000L); // never returns early, never hangs (loose upper bound: shared CI machines)
        assertThat(server.log.size()).isBetween(2, 4);
    }

    @Test
    void failsOverToTheNextServerAndThenPrefersIt() throws Exception {
        try (FakeDccServer good = new FakeDccServer()) {
            server.mode = FakeDccServer.Mode.SILENT;
            DccClient c = client(ClientIdentity.anonymous(), Duration.ofSeconds(2), server, good);
            DccResult r = c.check(sums);
            assertThat(r.server()).isEqualTo(good.address());
            int silentBefore = server.log.size();
            assertThat(c.check(sums).server()).isEqualTo(good.address());
            // the silent server is ranked last now (the NOP probe may still have reached it)
            assertThat(server.log.stream().filter(q -> q.op() == 3).count()).isLessThanOrEqualTo(silentBefore);
        }
    }

    @ParameterizedTest
    @EnumSource(value = FakeDccServer.Mode.class, names = {"TRUNCATED", "BAD_LENGTH_FIELD", "WRONG_COUNT", "GARBAGE",
            "WRONG_IDS"})
    void malformedAnswersAreIgnoredAndNeverHang(FakeDccServer.Mode mode) {
        server.mode = mode;
        DccClient c = client(ClientIdentity.anonymous(), Duration.ofMillis(600), server);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> c.check(sums)).isInstanceOf(DccException.class);
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5000L);
    }

    @Test
    void badlySignedAnswerToAnAuthenticatedClientIsDropped() {
        server.mode = FakeDccServer.Mode.BAD_SIGNATURE;
        DccClient c = client(ClientIdentity.of(12345, "secret"), Duration.ofMillis(600), server);
        assertThatThrownBy(() -> c.check(sums)).isInstanceOf(DccException.class);
    }

    @Test
    void serverErrorIsReported() {
        server.mode = FakeDccServer.Mode.ERROR;
        DccClient c = client(ClientIdentity.anonymous(), Duration.ofMillis(600), server);
        assertThatThrownBy(() -> c.check(sums)).isInstanceOf(DccException.class).hasMessageContaining("fake error");
    }

    @Test
    void ipv6ServerLiteral() throws Exception {
        try (FakeDccServer v6 = new FakeDccServer(java.net.InetAddress.getByName("::1"))) {
            DccClient c = new DccClient(DccClient.Options.of(List.of(ServerAddress.parse("[::1]:" + v6.port())))
                    .withTimeout(Duration.ofSeconds(2)));
            assertThat(c.check(sums).server().host()).isEqualTo("::1");
            assertThat(v6.log).hasSize(1);
        }
    }

    @Test
    void probeMeasuresRoundTrips() {
        DccClient c = client(ClientIdentity.anonymous(), Duration.ofSeconds(2), server);
        List<DccClient.ServerInfo> info = c.probe();
        assertThat(info).hasSize(1);
        assertThat(info.getFirst().brand()).isEqualTo("fake-dccd");
        assertThat(info.getFirst().maxPktVersion()).isEqualTo(12);
    }

    @Test
    void concurrentCallsShareOneClient() throws Exception {
        DccClient c = client(ClientIdentity.of(12345, "secret"), Duration.ofSeconds(5), server);
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<DccResult>> fs = new java.util.ArrayList<>();
            for (int i = 0; i < 50; i++) fs.add(ex.submit(() -> c.check(sums)));
            for (Future<DccResult> f : fs) assertThat(f.get().counts()).hasSize(7);
        }
    }
}
