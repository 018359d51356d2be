package dev.spamward.razor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spamward.razor.sig.MessageSignatures;
import dev.spamward.razor.sig.VectorFiles;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every operation against the Java port of fake_razor.py, compared with the real agents' captured bytes. */
class ClientProtocolTest {
    private static final byte[] SYN16 = VectorFiles.message("syn-016.eml");
    private static final String SYN16_E4 = "c77HlQ3ODtXYkHIoPHDsfi5xlWEA";
    private static final Credentials ALICE = new Credentials("alice", "secretpass");

    private FakeRazorServer server;
    private RazorClient client;

    @BeforeEach
    void start() throws Exception {
        server = FakeRazorServer.onFreePort();
        client = new RazorClient(RazorOptions.defaults().withServers(List.of(server.address()))
                .withTimeout(Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private String lastConnectionBytes() throws InterruptedException {
        List<FakeRazorServer.Connection> c = server.connections();
        return c.getLast().awaitDone().bytes();
    }

    @Test
    void checkNotSpamSendsTheAgentsBytes() throws Exception {
        CheckResult cold = client.check(SYN16);
        assertThat(cold.spam()).isFalse();
        assertThat(server.connections().getFirst().requests()).contains("a=g&pm=state\r\n");
        server.clearConnections();
        CheckResult warm = client.check(SYN16);
        assertThat(warm.spam()).isFalse();
        assertThat(warm.minConfidence()).isEqualTo(50);
        assertThat(warm.parts()).hasSize(1);
        assertThat(warm.parts().getFirst().answers()).hasSize(5);
        // razor-check 2.85, warm cache, connection 2 of capture 01: identical bytes
        assertThat(lastConnectionBytes()).isEqualTo(WireCapture.clientBytes("01-check-not-spam.txt", 2));
    }

    @Test
    void checkSpam() throws Exception {
        server.spam(SYN16_E4);
        client.check(SYN16);
        server.clearConnections();
        CheckResult r = client.check(SYN16);
        assertThat(r.spam()).isTrue();
        assertThat(r.parts().getFirst().answers().getFirst().fields()).containsEntry("cf", "90");
        assertThat(lastConnectionBytes()).isEqualTo(WireCapture.clientBytes("02-check-spam.txt", 1));
    }

    @Test
    void minimumConfidenceForms() throws Exception {
        server.spam(SYN16_E4).spamAnswer("p=1&cf=60");
        ServerAddress a = server.address();
        assertThat(withMinCf(a, "ac").check(SYN16).spam()).isTrue();          // 60 >= 50
        assertThat(withMinCf(a, "ac+10").check(SYN16).spam()).isTrue();       // 60 >= 60
        assertThat(withMinCf(a, "ac + 11").check(SYN16).spam()).isFalse();    // 60 < 61
        assertThat(withMinCf(a, "ac-60").check(SYN16).minConfidence()).isZero();
        assertThat(withMinCf(a, "61").check(SYN16).spam()).isFalse();
        assertThat(withMinCf(a, "500").check(SYN16).minConfidence()).isEqualTo(100);
        server.spamAnswer("p=1");
        assertThat(withMinCf(a, "100").check(SYN16).spam()).isTrue();         // no cf: spam
        server.spamAnswer("p=1&cf=99&ct=1");
        assertThat(withMinCf(a, "ac").check(SYN16).spam()).isTrue(); // the part's last response (p=0) sets ct=0
        byte[] onlyE4 = VectorFiles.message("gdcc-allcaps.eml");
        server.spam(client.signatures(onlyE4).parts().getFirst().e4());
        assertThat(withMinCf(a, "ac").check(onlyE4).spam()).isFalse();        // contention part ignored
        server.spamAnswer("err=500");
        assertThat(withMinCf(a, "0").check(SYN16).spam()).isFalse();
        assertThatThrownBy(() -> MinConfidence.parse("lots")).isInstanceOf(IllegalArgumentException.class);
    }

    private RazorClient withMinCf(ServerAddress a, String minCf) {
        return new RazorClient(RazorOptions.defaults().withServers(List.of(a)).withTimeout(Duration.ofSeconds(5))
                .withMinConfidence(MinConfidence.parse(minCf)));
    }

    @Test
    void reportLogsInAndUploadsWhatTheServerWants() throws Exception {
        client.check(SYN16);
        server.clearConnections();
        ReportResult r = client.report(SYN16, ALICE);
        assertThat(r.partsWanted()).isEqualTo(1);
        assertThat(r.uploads()).isEqualTo(1);
        assertThat(r.accepted()).isEqualTo(1);
        // razor-report 2.85 -f, connection 1 of capture 03: login, rcheck, upload, quit
        assertThat(lastConnectionBytes()).isEqualTo(WireCapture.clientBytes("03-report.txt", 1));
    }

    @Test
    void revokeLogsInAndRevokesEverySignature() throws Exception {
        ReportResult r = client.revoke(SYN16, ALICE);
        assertThat(r.signatures()).isEqualTo(5);
        assertThat(r.accepted()).isEqualTo(5);
        String sent = lastConnectionBytes();
        assertThat(sent).contains("a=auth&aresp=Mgf4tIPCd1GAe3umtAsU-Sv3_8YA\r\n")
                .contains("-a=revoke&e=4&s=" + SYN16_E4 + "\r\na=revoke&e=8&s=VpO94lbNWEkA\r\n")
                .doesNotContain("message=");
    }

    @Test
    void wrongPasswordIsRefused() {
        double before = RazorMetrics.OPERATIONS.labelValues("report", "refused").get();
        assertThatThrownBy(() -> client.report(SYN16, new Credentials("alice", "wrong")))
                .isInstanceOf(RazorException.class).hasMessageContaining("authentication failed")
                .matches(e -> !((RazorException) e).serverUnavailable());
        assertThat(RazorMetrics.OPERATIONS.labelValues("report", "refused").get()).isEqualTo(before + 1);
    }

    @Test
    void unknownUserIsRegisteredThenLoggedIn() throws Exception {
        ReportResult r = client.report(SYN16, new Credentials("carol", "carolpass"));
        assertThat(r.accepted()).isEqualTo(1);
        assertThat(server.users()).containsEntry("carol", "carolpass");
        assertThat(lastConnectionBytes()).contains("a=reg&pass=carolpass&registrar=Razor-Agents%20v2.84&user=carol\r\n");
    }

    @Test
    void registerWithAndWithoutNames() throws Exception {
        Credentials bob = client.register("bob", "bobpass");
        assertThat(bob).isEqualTo(new Credentials("bob", "bobpass"));
        assertThat(lastConnectionBytes()).contains("a=reg&pass=bobpass&registrar=Razor-Agents%20v2.84&user=bob\r\n");
        Credentials any = client.register(null, null);
        assertThat(server.users()).containsEntry(any.user(), any.pass());
        assertThat(client.register("bob", "bobpass")).isEqualTo(bob); // taken, but the password works
        assertThatThrownBy(() -> client.register("bob", "other")).isInstanceOf(RazorException.class)
                .hasMessageContaining("210");
    }

    @Test
    void discoveryAsksForCatalogueAndNominationLists() throws Exception {
        RazorClient viaDiscovery = new RazorClient(RazorOptions.defaults().withDiscovery(List.of(server.address()))
                .withTimeout(Duration.ofSeconds(5)));
        assertThat(viaDiscovery.check(SYN16).spam()).isFalse();
        FakeRazorServer.Connection first = server.connections().getFirst().awaitDone();
        assertThat(first.requests()).containsExactly("a=g&pm=csl\r\n", "a=g&pm=nsl\r\n", "a=q\r\n");
        assertThat(viaDiscovery.revoke(SYN16, ALICE).accepted()).isEqualTo(5);
    }

    @Test
    void newerServerStateIsFetchedAndTriggersRediscovery() throws Exception {
        RazorClient viaDiscovery = new RazorClient(RazorOptions.defaults().withDiscovery(List.of(server.address()))
                .withTimeout(Duration.ofSeconds(5)));
        viaDiscovery.check(SYN16);
        server.clearConnections();
        viaDiscovery.check(SYN16);
        assertThat(server.connections()).hasSize(1); // lists and state cached
        server.greeting("sn=C&srl=2&ep4=1234-10&a=cg").state("se=80&ac=70&bql=2&bqs=128&dre=4");
        server.clearConnections();
        CheckResult r = viaDiscovery.check(SYN16);
        String sent = server.connections().getLast().awaitDone().bytes();
        assertThat(sent).startsWith("cn=razor-agents&cv=2.84\r\na=g&pm=state\r\n");
        assertThat(r.minConfidence()).isEqualTo(70);
        // se=80 (hex bit 7): engine 8 only, in batches of two
        assertThat(sent).doesNotContain("e=4").contains("-a=c&e=8&s=VpO94lbNWEkA\r\na=c&e=8&s=uu9n0mnvWEkA\r\n.\r\n");
        server.clearConnections();
        viaDiscovery.check(SYN16);
        assertThat(server.connections().getFirst().awaitDone().requests()).contains("a=g&pm=csl\r\n");
        server.state("se=88&ac=70");
        server.greeting("sn=C&srl=3&ep4=1234-10&a=cg");
        viaDiscovery.check(SYN16);
        String withEp4 = server.connections().getLast().awaitDone().bytes();
        assertThat(withEp4).contains("a=c&e=4&ep4=1234-10&s=").doesNotContain(SYN16_E4);
    }

    @Test
    void misbehavingServersAreSkipped() throws Exception {
        for (FakeRazorServer.Mode mode : List.of(FakeRazorServer.Mode.SILENT, FakeRazorServer.Mode.NO_SN,
                FakeRazorServer.Mode.CLOSE_AFTER_GREETING, FakeRazorServer.Mode.TRICKLE,
                FakeRazorServer.Mode.ENDLESS_LINE, FakeRazorServer.Mode.WRONG_COUNT, FakeRazorServer.Mode.GARBAGE)) {
            try (FakeRazorServer bad = FakeRazorServer.onFreePort()) {
                bad.mode(mode);
                RazorClient c = new RazorClient(RazorOptions.defaults()
                        .withServers(List.of(bad.address(), server.address())).withTimeout(Duration.ofSeconds(1)));
                long start = System.nanoTime();
                assertThat(c.check(SYN16).server()).as(mode.name()).isEqualTo(server.address());
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as(mode.name()).isLessThan(Duration.ofSeconds(5));
                RazorClient only = new RazorClient(RazorOptions.defaults().withServers(List.of(bad.address()))
                        .withTimeout(Duration.ofSeconds(1)));
                assertThatThrownBy(() -> only.check(SYN16)).as(mode.name()).isInstanceOf(RazorException.class)
                        .matches(e -> ((RazorException) e).serverUnavailable());
            }
        }
    }

    @Test
    void oneClientServesManyThreads() throws Exception {
        server.spam(SYN16_E4);
        List<byte[]> messages = List.of(SYN16, VectorFiles.message("sa-022.eml"), VectorFiles.message("gdcc-url1.eml"));
        List<Boolean> expected = new java.util.ArrayList<>();
        for (byte[] m : messages) expected.add(client.check(m).spam());
        assertThat(expected).containsExactly(true, false, false);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            List<java.util.concurrent.Future<Boolean>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 48; i++) {
                byte[] m = messages.get(i % 3);
                futures.add(pool.submit(() -> client.check(m).spam()));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(expected.get(i % 3));
            }
        }
    }

    @Test
    void serverThatStopsReadingAfterTheGreetingTimesOut() throws Exception {
        try (FakeRazorServer stuck = FakeRazorServer.onFreePort()) {
            stuck.mode(FakeRazorServer.Mode.NOT_READING);
            RazorClient c = new RazorClient(RazorOptions.defaults().withServers(List.of(stuck.address()))
                    .withTimeout(Duration.ofSeconds(1)));
            byte[] big = ("Subject: big\n\n" + "spam spam spam http://big.example.com/\n".repeat(200_000)).getBytes();
            long start = System.nanoTime();
            assertThatThrownBy(() -> c.check(big)).isInstanceOf(RazorException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void unreachableServerIsSkipped() throws Exception {
        ServerAddress dead;
        try (FakeRazorServer gone = FakeRazorServer.onFreePort()) {
            dead = gone.address();
        }
        RazorClient c = new RazorClient(RazorOptions.defaults().withServers(List.of(dead, server.address()))
                .withTimeout(Duration.ofSeconds(2)));
        assertThat(c.check(SYN16).server()).isEqualTo(server.address());
    }

    @Test
    void messageWithoutSignaturesAsksNothing() throws Exception {
        CheckResult r = client.check(VectorFiles.message("syn-030.eml"));
        assertThat(r.spam()).isFalse();
        assertThat(r.parts()).allMatch(CheckResult.Part::skipped);
        MessageSignatures sigs = client.signatures(VectorFiles.message("syn-030.eml"));
        assertThat(sigs.hasSignatures()).isFalse();
    }
}
