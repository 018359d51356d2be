package dev.spamward.greylist.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spamward.core.config.Config;
import dev.spamward.greylist.GreylistService;
import dev.spamward.greylist.TestConfig;
import dev.spamward.greylist.engine.Greylister;
import dev.spamward.greylist.engine.Query;
import dev.spamward.greylist.engine.Result;
import dev.spamward.greylist.engine.Stats;
import dev.spamward.greylist.engine.Verdict;
import dev.spamward.greylist.peers.Unbound;
import dev.spamward.greylist.state.BloomRing;
import dev.spamward.greylist.state.DelayQueue;
import dev.spamward.greylist.state.GreyStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every DNS check against a real unbound started by the test with the test zones of peers.md §3. */
class DnsChecksTest {
    @TempDir
    static Path dir;
    static Unbound dns;

    @BeforeAll
    static void startDns() throws Exception {
        dns = Unbound.start(dir);
    }

    @AfterAll
    static void stopDns() {
        if (dns != null) dns.close();
    }

    static Greylister engine(String... settings) {
        String[] all = new String[settings.length + 1];
        all[0] = "greylist.dns_servers=" + dns.server();
        System.arraycopy(settings, 0, all, 1, settings.length);
        Config c = TestConfig.of(all);
        return new Greylister(GreylistService.options(c), GreyStore.of(new BloomRing(16, 4, 0), 3600), new DelayQueue(100),
                GreylistService.checks(c), GreylistService.whitelist(c), new Stats(), System::currentTimeMillis);
    }

    /** grossd's verified example (greylisting.md §2): dnsbl weight 1, rhsbl 2, grey 1, block 2. */
    static Greylister grossdExample() {
        return engine("greylist.check=dnsbl", "greylist.check=dnswl", "greylist.check=rhsbl",
                "greylist.dnsbl=dnsbl.test", "greylist.dnswl=dnswl.test", "greylist.rhsbl=rhsbl.test;2",
                "greylist.grey_threshold=1", "greylist.block_threshold=2");
    }

    static Verdict ask(Greylister g, String ip, String sender) {
        return g.decide(new Query(ip, "", "mail.example.net", sender, "bob@example.org", ""));
    }

    @Test
    void grossdVerifiedDecisions() {
        Greylister g = grossdExample();
        assertThat(ask(g, "192.0.2.10", "alice@example.net").result()).isEqualTo(Result.TRUST);
        Verdict listed = ask(g, "198.51.100.66", "alice@example.net");
        assertThat(listed.result()).isEqualTo(Result.GREY);
        assertThat(listed.fired()).containsExactly("dnsbl.test+1");
        assertThat(ask(g, "198.51.100.10", "alice@example.net").result()).isEqualTo(Result.TRUST);
        assertThat(ask(g, "127.0.0.2", "alice@example.net").result()).as("DNSWL beats DNSBL").isEqualTo(Result.TRUST);
        Verdict rhs = ask(g, "192.0.2.10", "x@bad.example");
        assertThat(rhs.result()).isEqualTo(Result.BLOCK);
        assertThat(rhs.reason()).isEqualTo("Bad reputation");
        assertThat(g.stats().checksFired().get("dnsbl.test+1")).as("198.51.100.66, maybe 127.0.0.2 before its DNSWL PASS").isBetween(1L, 2L);
        assertThat(g.stats().checksFired()).containsEntry("rhsbl.test+2", 1L)
                .containsEntry("dnswl.test", 2L);
    }

    @Test
    void refusedStyleCodesAreNotCountedButConfiguredCodesAre() {
        Greylister g = grossdExample();
        assertThat(ask(g, "203.0.113.254", "alice@example.net").result()).as("127.255.255.254 is not a listing")
                .isEqualTo(Result.TRUST);
        Greylister any = engine("greylist.check=dnsbl", "greylist.dnsbl=dnsbl.test;1;any");
        assertThat(ask(any, "203.0.113.254", "alice@example.net").result()).isEqualTo(Result.GREY);
        Greylister only3 = engine("greylist.check=dnsbl", "greylist.dnsbl=dnsbl.test;1;127.0.0.3-127.0.0.9");
        assertThat(ask(only3, "198.51.100.66", "alice@example.net").result()).isEqualTo(Result.TRUST);
    }

    @Test
    void updateAlwaysInsertsTrustedAnswersTooButGreyOnlyByDefault() throws Exception {
        for (String update : new String[] {"grey", "always"}) {
            Config c = TestConfig.of("greylist.dns_servers=" + dns.server(), "greylist.check=dnsbl", "greylist.dnsbl=dnsbl.test",
                    "greylist.update=" + update, "greylist.grey_delay=0s");
            BloomRing ring = new BloomRing(16, 4, System.currentTimeMillis() / 1000);
            Greylister g = new Greylister(GreylistService.options(c), GreyStore.of(ring, 3600), new DelayQueue(100),
                    GreylistService.checks(c), GreylistService.whitelist(c), new Stats(), System::currentTimeMillis);
            assertThat(ask(g, "192.0.2.10", "alice@example.net").result()).isEqualTo(Result.TRUST);
            Thread.sleep(5);
            g.maintain();
            assertThat(ring.fillRatio() > 0).as("update=%s", update).isEqualTo(update.equals("always"));
        }
    }

    @Test
    void ipv6DnsblUsesNibbles() {
        Greylister g = engine("greylist.check=dnsbl", "greylist.dnsbl=dnsbl.test");
        assertThat(ask(g, "2001:db8::bad", "alice@example.net").result()).isEqualTo(Result.GREY);
        assertThat(ask(g, "2001:db8::bae", "alice@example.net").result()).isEqualTo(Result.TRUST);
    }

    @Test
    void reverseDns() {
        Greylister g = engine("greylist.check=reverse");
        assertThat(ask(g, "192.0.2.10", "a@example.net").result()).as("forward-confirmed").isEqualTo(Result.TRUST);
        Verdict unconfirmed = ask(g, "192.0.2.20", "a@example.net");
        assertThat(unconfirmed.result()).isEqualTo(Result.GREY);
        assertThat(unconfirmed.fired()).containsExactly("reverse:unconfirmed");
        assertThat(ask(g, "192.0.2.99", "a@example.net").fired()).containsExactly("reverse:none");
        Verdict generic = ask(g, "192.0.2.30", "a@example.net");
        assertThat(generic.fired()).containsExactly("reverse:unconfirmed,reverse:generic");
        assertThat(generic.weight()).isEqualTo(2);
    }

    @Test
    void helo() {
        Greylister g = engine("greylist.check=helo");
        assertThat(g.decide(new Query("192.0.2.10", "", "mail.example.net", "a@x", "b@example.org", "")).result())
                .isEqualTo(Result.TRUST);
        assertThat(g.decide(new Query("192.0.2.11", "", "mail.example.net", "a@x", "b@example.org", "")).fired())
                .containsExactly("helo:mismatch");
        assertThat(g.decide(new Query("192.0.2.10", "", "nothing.example.net", "a@x", "b@example.org", "")).fired())
                .containsExactly("helo:unresolvable");
        Verdict literal = g.decide(new Query("192.0.2.10", "", "[192.0.2.10]", "a@x", "b@example.org", ""));
        assertThat(literal.fired()).containsExactly("helo:literal");
        assertThat(literal.weight()).isEqualTo(2);
        assertThat(g.decide(new Query("192.0.2.10", "", "localhost", "a@x", "b@example.org", "")).fired())
                .containsExactly("helo:syntax");
        assertThat(g.decide(new Query("192.0.2.10", "", "", "a@x", "b@example.org", "")).fired())
                .containsExactly("helo:missing");
    }

    @Test
    void spf() {
        Greylister g = engine("greylist.check=spf");
        assertThat(ask(g, "192.0.2.10", "alice@example.net").result()).as("pass").isEqualTo(Result.TRUST);
        Verdict fail = ask(g, "198.51.100.1", "alice@example.net");
        assertThat(fail.result()).isEqualTo(Result.BLOCK);
        assertThat(fail.reason()).startsWith("SPF fail");
        Verdict soft = ask(g, "192.0.2.11", "x@softfail.example.net");
        assertThat(soft.result()).isEqualTo(Result.GREY);
        assertThat(soft.fired()).containsExactly("spf:softfail");
        assertThat(ask(g, "192.0.2.11", "x@nospf.example.org").result()).as("none").isEqualTo(Result.TRUST);
        Greylister weighted = engine("greylist.check=spf", "greylist.spf_fail_weight=3", "greylist.block_threshold=5");
        assertThat(ask(weighted, "198.51.100.1", "alice@example.net").result()).isEqualTo(Result.GREY);
    }

    @Test
    void timeLimitAnswersWithWhatIsKnown() throws Exception {
        // A DNS server that never answers: the query is answered after the time limit, checks count as errors.
        try (java.net.DatagramSocket blackhole = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            Config c = TestConfig.of("greylist.dns_servers=127.0.0.1:" + blackhole.getLocalPort(), "greylist.check=dnsbl",
                    "greylist.dnsbl=dnsbl.test", "greylist.query_timelimit=300ms");
            Greylister g = new Greylister(GreylistService.options(c), GreyStore.of(new BloomRing(16, 4, 0), 3600),
                    new DelayQueue(100), GreylistService.checks(c), GreylistService.whitelist(c), new Stats(),
                    System::currentTimeMillis);
            long t0 = System.nanoTime();
            Verdict v = ask(g, "198.51.100.66", "alice@example.net");
            long ms = Duration.ofNanos(System.nanoTime() - t0).toMillis();
            assertThat(v.result()).isEqualTo(Result.TRUST);
            assertThat(ms).isBetween(250L, 3000L);
            assertThat(g.stats().answers(Result.ERROR)).as("a check without result is not an error answer").isZero();
        }
    }

    @Test
    void unknownChecksAndBadZonesAreRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestConfig.of("greylist.check=blocker"))
                .hasMessageContaining("unknown check");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine("greylist.check=dnsbl"))
                .hasMessageContaining("needs at least one");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine("greylist.check=dnsbl", "greylist.dnsbl=bad zone;1"))
                .hasMessageContaining("bad DNS list zone");
        assertThat(List.of(ReverseCheck.isGeneric("30-2-0-192.dyn.example.net", dev.spamward.greylist.state.IpMask.parse("192.0.2.30")),
                ReverseCheck.isGeneric("mail.example.net", dev.spamward.greylist.state.IpMask.parse("192.0.2.10")),
                ReverseCheck.isGeneric("dsl-1-2.isp.example", dev.spamward.greylist.state.IpMask.parse("192.0.2.10"))))
                .containsExactly(true, false, true);
    }
}
