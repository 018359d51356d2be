package dev.spamward.greylist.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spamward.greylist.GreylistService;
import dev.spamward.greylist.TestConfig;
import dev.spamward.core.config.Config;
import dev.spamward.greylist.state.BloomRing;
import dev.spamward.greylist.state.DelayQueue;
import dev.spamward.greylist.state.GreyStore;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The plain greylisting flow (no checks) with a fake clock: grossd's verified timeline (greylisting.md §6). */
class GreylisterTest {
    final AtomicLong now = new AtomicLong(1_700_000_000_000L);

    Greylister engine(String... settings) {
        Config c = TestConfig.of(settings);
        BloomRing ring = new BloomRing(20, 8, now.get() / 1000);
        return new Greylister(GreylistService.options(c), GreyStore.of(ring, 3600), new DelayQueue(1000), List.of(),
                GreylistService.whitelist(c), new Stats(), now::get);
    }

    Result ask(Greylister g, String ip, String from, String to) {
        g.maintain();
        return g.decide(Query.of(ip, from, to)).result();
    }

    @Test
    void greyThenGreyUntilTheDelayThenMatch() {
        Greylister g = engine("greylist.grey_delay=5s");
        assertThat(ask(g, "192.0.2.10", "alice@example.net", "bob@example.org")).isEqualTo(Result.GREY);
        now.addAndGet(1000);
        assertThat(ask(g, "192.0.2.10", "alice@example.net", "bob@example.org")).isEqualTo(Result.GREY);
        now.addAndGet(7000);
        assertThat(ask(g, "192.0.2.10", "alice@example.net", "bob@example.org")).isEqualTo(Result.MATCH);
        // Another host in the same /24 passes; another /24 does not.
        assertThat(ask(g, "192.0.2.99", "alice@example.net", "bob@example.org")).isEqualTo(Result.MATCH);
        assertThat(ask(g, "192.0.3.10", "alice@example.net", "bob@example.org")).isEqualTo(Result.GREY);
        assertThat(g.stats().answers(Result.GREY)).isEqualTo(3);
        assertThat(g.stats().answers(Result.MATCH)).isEqualTo(2);
    }

    @Test
    void reconfigureAppliesNewRulesAndKeepsTheStateAndTheMask() {
        Greylister g = engine("greylist.grey_delay=5s");
        assertThat(ask(g, "192.0.2.10", "alice@example.net", "bob@example.org")).isEqualTo(Result.GREY);
        Config next = TestConfig.of("greylist.grey_delay=8s", "greylist.whitelist_client=198.51.100.0/24", "greylist.grey_mask=32");
        List<String> kept = g.reconfigure(GreylistService.options(next), List.of(), GreylistService.whitelist(next));
        assertThat(kept).containsExactly("grey_mask");
        assertThat(ask(g, "198.51.100.7", "a@x.example", "b@example.org")).isEqualTo(Result.TRUST); // new whitelist
        assertThat(ask(g, "192.0.2.11", "carol@example.net", "bob@example.org")).isEqualTo(Result.GREY);
        now.addAndGet(6000); // past the old delay, not the new one
        assertThat(ask(g, "192.0.2.10", "alice@example.net", "bob@example.org")).isEqualTo(Result.MATCH); // state kept
        assertThat(ask(g, "192.0.2.11", "carol@example.net", "bob@example.org")).isEqualTo(Result.GREY);
        now.addAndGet(3000);
        assertThat(ask(g, "192.0.2.11", "carol@example.net", "bob@example.org")).isEqualTo(Result.MATCH);
        // The old /24 mask still applies: another host of the network matches.
        assertThat(ask(g, "192.0.2.99", "carol@example.net", "bob@example.org")).isEqualTo(Result.MATCH);
        assertThat(g.options().greyDelayMillis()).isEqualTo(8000);
    }

    @Test
    void caseAndAngleBracketsDoNotMakeANewTriplet() {
        Greylister g = engine("greylist.grey_delay=1s");
        ask(g, "192.0.2.10", "alice@example.net", "bob@example.org");
        now.addAndGet(2000);
        g.maintain();
        assertThat(ask(g, "192.0.2.10", "<Alice@Example.NET>", "<Bob@Example.ORG>")).isEqualTo(Result.MATCH);
    }

    @Test
    void maskZeroIgnoresTheClient() {
        Greylister g = engine("greylist.grey_delay=1s", "greylist.grey_mask=0");
        ask(g, "192.0.2.10", "a@example.net", "b@example.org");
        now.addAndGet(2000);
        g.maintain();
        assertThat(ask(g, "203.0.113.9", "a@example.net", "b@example.org")).isEqualTo(Result.MATCH);
    }

    @Test
    void ipv6IsGreylistedPerSlash64() {
        Greylister g = engine("greylist.grey_delay=1s");
        assertThat(ask(g, "2001:db8:1:2::1", "a@example.net", "b@example.org")).isEqualTo(Result.GREY);
        now.addAndGet(2000);
        g.maintain();
        assertThat(ask(g, "2001:db8:1:2::ffff", "a@example.net", "b@example.org")).isEqualTo(Result.MATCH);
        assertThat(ask(g, "2001:db8:1:3::1", "a@example.net", "b@example.org")).isEqualTo(Result.GREY);
    }

    @Test
    void nullSenderIsItsOwnTriplet() {
        Greylister g = engine("greylist.grey_delay=1s");
        assertThat(ask(g, "192.0.2.10", "", "b@example.org")).isEqualTo(Result.GREY);
        assertThat(ask(g, "192.0.2.10", "<>", "b@example.org")).isEqualTo(Result.GREY);
        now.addAndGet(2000);
        g.maintain();
        assertThat(ask(g, "192.0.2.10", "<>", "b@example.org")).isEqualTo(Result.MATCH);
    }

    @Test
    void missingClientOrRecipientIsAnErrorNotAnException() {
        Greylister g = engine();
        assertThat(g.decide(Query.of("", "a@b", "c@d")).result()).isEqualTo(Result.ERROR);
        assertThat(g.decide(Query.of("not-an-ip", "a@b", "c@d")).result()).isEqualTo(Result.ERROR);
        assertThat(g.decide(Query.of("192.0.2.1", "a@b", "")).result()).isEqualTo(Result.ERROR);
        assertThat(g.stats().errors()).containsEntry("input", 3L);
    }

    @Test
    void whitelistsAndAuthenticatedClientsAreTrusted() {
        Greylister g = engine("greylist.whitelist_client=198.51.100.0/24", "greylist.whitelist_recipient=postmaster@",
                "greylist.whitelist_sender=@trusted.example", "greylist.whitelist_client_name=/^mx[0-9]+\\.partner\\.example$/");
        assertThat(ask(g, "198.51.100.7", "a@x.example", "b@example.org")).isEqualTo(Result.TRUST);
        assertThat(ask(g, "192.0.2.1", "a@x.example", "postmaster@example.org")).isEqualTo(Result.TRUST);
        assertThat(ask(g, "192.0.2.1", "a@mail.trusted.example", "b@example.org")).isEqualTo(Result.TRUST);
        assertThat(g.decide(new Query("192.0.2.1", "mx12.partner.example", "", "a@x.example", "b@example.org", "")).result())
                .isEqualTo(Result.TRUST);
        assertThat(g.decide(new Query("192.0.2.1", "", "", "a@x.example", "b@example.org", "alice")).result())
                .isEqualTo(Result.TRUST);
        // Big pools by verified client name (shipped list).
        assertThat(g.decide(new Query("192.0.2.1", "mail-ej1-f44.google.com", "", "a@gmail.com", "b@example.org", "")).result())
                .isEqualTo(Result.TRUST);
        assertThat(g.decide(new Query("192.0.2.1", "notgoogle.com", "", "a@gmail.com", "b@example.org", "")).result())
                .isEqualTo(Result.GREY);
        assertThat(g.stats().whitelistedCount()).isEqualTo(6);
    }

    @Test
    void autoWhitelistAfterNPasses() {
        Greylister g = engine("greylist.grey_delay=1s", "greylist.auto_whitelist=2");
        for (int i = 0; i < 2; i++) {
            ask(g, "192.0.2.10", "s" + i + "@example.net", "b@example.org");
            now.addAndGet(2000);
            g.maintain();
            assertThat(ask(g, "192.0.2.10", "s" + i + "@example.net", "b@example.org")).isEqualTo(Result.MATCH);
        }
        assertThat(ask(g, "192.0.2.10", "new@example.net", "b@example.org")).isEqualTo(Result.TRUST);
    }

    @Test
    void retryWindowPassesOnlyRetriesInTheWindowAndKeepsSpamOutOfTheFilter() {
        Greylister g = engine("greylist.grey_delay=60s", "greylist.retry_window=1h");
        assertThat(ask(g, "192.0.2.10", "a@example.net", "b@example.org")).isEqualTo(Result.GREY);
        now.addAndGet(30_000);
        assertThat(ask(g, "192.0.2.10", "a@example.net", "b@example.org")).as("early retry").isEqualTo(Result.GREY);
        now.addAndGet(31_000);
        assertThat(ask(g, "192.0.2.10", "a@example.net", "b@example.org")).as("retry after the delay").isEqualTo(Result.MATCH);
        assertThat(ask(g, "192.0.2.77", "a@example.net", "b@example.org")).as("now in the filter").isEqualTo(Result.MATCH);
        // A triplet that never retries in time never enters the filter; its late retry starts over.
        assertThat(ask(g, "198.51.100.1", "spam@example.com", "b@example.org")).isEqualTo(Result.GREY);
        now.addAndGet(2 * 3_600_000);
        g.maintain();
        assertThat(ask(g, "198.51.100.1", "spam@example.com", "b@example.org")).as("outside the window").isEqualTo(Result.GREY);
        now.addAndGet(61_000);
        assertThat(ask(g, "198.51.100.1", "spam@example.com", "b@example.org")).isEqualTo(Result.MATCH);
    }

    @Test
    void retryWindowModeInsertsNothingForUnretriedTriplets() {
        Config c = TestConfig.of("greylist.grey_delay=1s", "greylist.retry_window=1h");
        BloomRing ring = new BloomRing(20, 8, now.get() / 1000);
        Greylister g = new Greylister(GreylistService.options(c), GreyStore.of(ring, 3600), new DelayQueue(1000), List.of(),
                GreylistService.whitelist(c), new Stats(), now::get);
        for (int i = 0; i < 100; i++) g.decide(Query.of("198.51.100." + i, "s" + i + "@example.com", "b@example.org"));
        now.addAndGet(5000);
        g.maintain();
        assertThat(ring.fillRatio()).isZero();
        assertThat(g.delayQueue().size()).isZero();
    }

    @Test
    void greyThresholdZeroWithoutChecksGreylistsEverything() {
        Greylister g = engine("greylist.grey_threshold=0");
        assertThat(ask(g, "192.0.2.10", "a@example.net", "b@example.org")).isEqualTo(Result.GREY);
    }
}
