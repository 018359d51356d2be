package dev.spamward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spamward.core.config.Config;
import dev.spamward.core.config.ConfigLoader;
import dev.spamward.core.config.ConfigSchema;
import dev.spamward.dcc.client.Credentials;
import dev.spamward.pyzor.account.PyzorServer;
import dev.spamward.pyzor.client.PyzorClient;
import dev.spamward.razor.client.FakeRazorServer;
import dev.spamward.razor.client.RazorSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gozer's {@code razor-register}, {@code pyzor-register} and {@code dcc-register}: each writes where
 * {@code spamward serve} loads its credentials from (checked by loading the same configuration the way
 * the service does) and prints {@code KEY=value} lines.
 */
class RegisterAliasesTest {
    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.run(args);
    }

    private static Config config(String... settings) {
        return new ConfigLoader(ConfigSchema.discover()).load(null, Map.of(), List.of(settings));
    }

    @Test
    void razorRegisterStoresTheIdentityTheServiceReads() throws Exception {
        try (FakeRazorServer razor = FakeRazorServer.onFreePort()) {
            Path home = dir.resolve("razor");
            String[] set = {"razor.servers=" + razor.address(), "razor.home=" + home};
            CliRun r = run("--set", set[0], "--set", set[1], "razor-register", "--user", "bob", "--pass", "bobpass");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).isEqualTo("RAZOR_USER=bob\nRAZOR_PASS=bobpass\n");
            assertThat(razor.users()).containsEntry("bob", "bobpass");
            assertThat(RazorSettings.credentials(config(set))).hasValueSatisfying(c -> {
                assertThat(c.user()).isEqualTo("bob");
                assertThat(c.pass()).isEqualTo("bobpass");
            });
        }
    }

    @Test
    void razorRegisterFailsClearlyWithoutServer() {
        CliRun r = run("--set", "razor.servers=127.0.0.1:1", "--set", "razor.timeout=1s", "--set",
                "razor.home=" + dir, "razor-register", "--user", "bob", "--pass", "x");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("spamward: no Razor server answered");
    }

    @Test
    void pyzorRegisterAppendsToTheAccountsFileTheServiceReads() throws Exception {
        Path home = Files.createDirectories(dir.resolve("pyzor"));
        Path pass = Files.writeString(dir.resolve("passphrase"), "correct horse\n");
        String[] set = {"pyzor.homedir=" + home, "pyzor.servers=127.0.0.1:24441"};
        CliRun r = run("--set", set[0], "--set", set[1], "pyzor-register", "--user", "carol",
                "--passphrase-file", pass.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("PYZOR_USER=carol\nPYZOR_KEY=").contains("PYZOR_ACCOUNTS_FILE=" + home.resolve("accounts"));
        String key = r.out().lines().filter(l -> l.startsWith("PYZOR_KEY=")).findFirst().orElseThrow().substring(10);
        PyzorClient client = PyzorClient.fromConfig(config(set), w -> { });
        assertThat(client.accountFor(new PyzorServer("127.0.0.1", 24441)).user()).isEqualTo("carol");
        assertThat(client.accountFor(new PyzorServer("127.0.0.1", 24441)).key()).isEqualTo(key);
    }

    @Test
    void dccRegisterWritesTheIdsFileTheServiceReads() throws Exception {
        Path ids = dir.resolve("dcc-ids");
        Path pw = Files.writeString(dir.resolve("pw"), "Tr0ub4dor\n");
        String set = "dcc.ids_file=" + ids;
        // gozer's option names (--client-id); the password from a file, never the command line.
        CliRun r = run("--set", set, "dcc-register", "--client-id", "40001", "--password-file", pw.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("DCC_CLIENT_ID=40001\nDCC_CLIENT_PASSWD=Tr0ub4dor\n");
        assertThat(Credentials.resolve(config(set)).id()).isEqualTo(40001);
        // --out as gozer's name for --ids-file
        Path other = dir.resolve("other-ids");
        assertThat(run("dcc-register", "--client-id", "40002", "--password-file", pw.toString(), "--out", other.toString())
                .code()).isZero();
        assertThat(Credentials.resolve(config("dcc.ids_file=" + other)).id()).isEqualTo(40002);
    }

    @Test
    void helpListsTheAliases() {
        assertThat(run("--help").out()).contains("razor-register", "pyzor-register", "dcc-register");
    }
}
