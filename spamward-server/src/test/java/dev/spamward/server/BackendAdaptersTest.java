package dev.spamward.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spamward.core.config.Config;
import dev.spamward.core.config.ConfigLoader;
import dev.spamward.core.config.ConfigSchema;
import dev.spamward.dcc.checksum.CkType;
import dev.spamward.dcc.client.FakeDccServer;
import dev.spamward.dcc.proto.Targets;
import dev.spamward.drp.backend.BackendException;
import dev.spamward.drp.backend.Backends;
import dev.spamward.drp.backend.DccVerdict;
import dev.spamward.drp.backend.PyzorCounts;
import dev.spamward.pyzor.testing.Pyzord;
import dev.spamward.razor.client.FakeRazorServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three adapters of {@link Backends#fromConfig} against the client modules' test servers and a real
 * pyzord, configured with gozer's environment names: gozer's result mapping (spec sections 3-4) case by
 * case, including the ones the end-to-end test does not reach.
 */
class BackendAdaptersTest {
    private static final Duration BUDGET = Duration.ofSeconds(6);
    private static final byte[] MSG = DrpEndToEndTest.message("Adapter", "adapters");

    private static Backends backends(Map<String, String> env, String... settings) {
        Config config = new ConfigLoader(ConfigSchema.discover()).load(null, env, List.of(settings));
        return Backends.fromConfig(config, w -> { });
    }

    @Test
    void dccRejectAcceptUnknownErrorWithGozerCredentials(@TempDir Path dir) throws Exception {
        try (FakeDccServer dcc = new FakeDccServer()) {
            Path pw = Files.writeString(dir.resolve("dcc-pw"), "secret\n");
            Backends b = backends(Map.of("DCC_SERVERS", "127.0.0.1:" + dcc.port(), "DCC_CLIENT_ID", "12345",
                    "DCC_CLIENT_PASSWD_FILE", pw.toString()), "dcc.timeout=2s");

            assertThat(b.dcc().check(MSG, BUDGET)).as("low counts").isEqualTo(DccVerdict.UNKNOWN);
            FakeDccServer.Request q = dcc.log.getLast();
            assertThat(q.sender()).as("DCC_CLIENT_ID").isEqualTo(12345);
            assertThat(q.sig32()).as("signed with DCC_CLIENT_PASSWD_FILE's password").isTrue();

            assertThat(b.dcc().report(MSG, BUDGET)).isTrue();
            assertThat(dcc.log.getLast().tgts()).as("weight many").isEqualTo(Targets.SPAM | 1);
            assertThat(b.dcc().check(MSG, BUDGET)).isEqualTo(DccVerdict.reject(16_777_200));

            dcc.preset(CkType.FUZ1.number(), Targets.OK); // a whitelisted body checksum
            assertThat(b.dcc().check(MSG, BUDGET)).isEqualTo(DccVerdict.accept());

            dcc.spoil(FakeDccServer.Mode.ERROR);
            assertThatThrownBy(() -> b.dcc().check(MSG, BUDGET)).as("an error answer is no verdict").isInstanceOf(Exception.class);
        }
    }

    @Test
    void razorReadsGozerIdentityFileAndMinCf(@TempDir Path dir) throws Exception {
        try (FakeRazorServer razor = FakeRazorServer.onFreePort().rememberReports()) {
            Path home = Files.createDirectories(dir.resolve("razor"));
            Files.writeString(home.resolve("gazor-identity"), "user=alice\npass=secretpass\n");
            Map<String, String> env = Map.of("GAZOR_DISCOVERY", razor.address().toString(), "RAZORHOME", home.toString());
            Backends b = backends(env, "razor.timeout=3s");
            assertThat(b.razor().check(MSG, BUDGET)).isFalse();
            assertThat(b.razor().report(MSG, BUDGET)).as("identity from gazor-identity").isTrue();
            assertThat(b.razor().check(MSG, BUDGET)).as("the server answers cf=90").isTrue();

            Backends strict = backends(Map.of("GAZOR_DISCOVERY", razor.address().toString(), "RAZORHOME", home.toString(),
                    "RAZOR_MIN_CF", "95"), "razor.timeout=3s");
            assertThat(strict.razor().check(MSG, BUDGET)).as("cf 90 below RAZOR_MIN_CF 95").isFalse();

            assertThat(b.razor().revoke(MSG, BUDGET)).isTrue();
            assertThat(b.razor().check(MSG, BUDGET)).isFalse();
        }
    }

    @Test
    void pyzorCountsOnlyWhenEveryServerAnswered(@TempDir Path dir) throws Exception {
        try (Pyzord pyzord = Pyzord.start(dir, null, null)) {
            Path home = Files.createDirectories(dir.resolve("pyzor-home"));
            Backends one = backends(Map.of("GYZOR_SERVERS", pyzord.server().toString(), "PYZOR_HOME", home.toString()),
                    "pyzor.timeout=2s");
            assertThat(one.pyzor().check(MSG, BUDGET)).isEqualTo(PyzorCounts.ZERO);
            assertThat(one.pyzor().report(MSG, BUDGET)).isTrue();
            assertThat(one.pyzor().check(MSG, BUDGET)).isEqualTo(new PyzorCounts(1, 0));
            assertThatThrownBy(() -> one.pyzor().whitelist(MSG, BUDGET)).as("anonymous may not whitelist (403)")
                    .isInstanceOf(BackendException.class);

            int dead = Pyzord.freeUdpPort();
            Backends two = backends(Map.of("GYZOR_SERVERS", pyzord.server() + ",127.0.0.1:" + dead,
                    "PYZOR_HOME", home.toString()), "pyzor.timeout=300ms", "pyzor.retries=0");
            assertThatThrownBy(() -> two.pyzor().check(MSG, BUDGET)).as("one of two servers silent: no counts")
                    .isInstanceOf(BackendException.class).hasMessageContaining("not every Pyzor server answered");
            assertThatThrownBy(() -> two.pyzor().report(MSG, BUDGET)).isInstanceOf(BackendException.class);
        }
    }
}
