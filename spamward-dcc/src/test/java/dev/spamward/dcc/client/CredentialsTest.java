package dev.spamward.dcc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spamward.core.config.Config;
import dev.spamward.core.config.ConfigLoader;
import dev.spamward.core.config.ConfigSchema;
import dev.spamward.dcc.checksum.DccChecksummer;
import dev.spamward.dcc.proto.ClientIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ids file format, the credential lookup order and configuration of the client (DNS bypass). */
class CredentialsTest {
    @TempDir
    Path tmp;

    private static Config config(Map<String, String> env) {
        return new ConfigLoader(ConfigSchema.of(new DccSettings())).load(null, env, List.of());
    }

    @Test
    void idsFileFormat() {
        List<IdsFile.Entry> e = IdsFile.parse("""
                # comment
                1000\tsrv-1000-pass
                32769,delay=0  wire-test-passwd-19 older-passwd   # trailing comment

                """, "ids");
        assertThat(e).containsExactly(new IdsFile.Entry(1000, "srv-1000-pass"),
                new IdsFile.Entry(32769, "wire-test-passwd-19"));
        assertThat(IdsFile.find(e, null, 32768)).contains(new IdsFile.Entry(32769, "wire-test-passwd-19"));
        assertThat(IdsFile.find(e, 1000, 2)).contains(new IdsFile.Entry(1000, "srv-1000-pass"));
        assertThatThrownBy(() -> IdsFile.parse("x pw\n", "f")).hasMessageContaining("f:1");
        assertThatThrownBy(() -> IdsFile.parse("\n40000\n", "f")).hasMessageContaining("f:2").hasMessageContaining("without password");
    }

    @Test
    void storeReplacesTheSameIdAndKeepsOthers() throws Exception {
        Path f = tmp.resolve("d/ids");
        IdsFile.store(f, 40000, "a");
        IdsFile.store(f, 40001, "b");
        IdsFile.store(f, 40000, "c");
        assertThat(IdsFile.read(f)).containsExactly(new IdsFile.Entry(40001, "b"), new IdsFile.Entry(40000, "c"));
    }

    @Test
    void lookupOrder() throws Exception {
        Path f = tmp.resolve("ids");
        Files.writeString(f, "40000 from-file\n40001 other\n");
        assertThat(Credentials.resolve(config(Map.of("SPAMWARD_DCC_IDS_FILE", f.toString()))).id()).isEqualTo(40000);
        assertThat(Credentials.resolve(config(Map.of("DCC_IDS", f.toString(), "DCC_CLIENT_ID", "40001"))).id())
                .isEqualTo(40001);
        ClientIdentity env = Credentials.resolve(config(Map.of("DCC_IDS", f.toString(), "DCC_CLIENT_ID", "50000",
                "DCC_CLIENT_PASSWD", "pw")));
        assertThat(env.id()).isEqualTo(50000);
        assertThat(Credentials.resolve(config(Map.of("DCC_CLIENT_ID", "1"))).isAnonymous()).isTrue();
        assertThatThrownBy(() -> Credentials.resolve(config(Map.of("DCC_IDS", f.toString(), "DCC_CLIENT_ID", "50001"))))
                .hasMessageContaining("no password");
    }

    @Test
    void passwordsAreLimitedTo32Bytes() {
        assertThat(ClientIdentity.of(40000, "x".repeat(32)).id()).isEqualTo(40000);
        assertThatThrownBy(() -> ClientIdentity.of(40000, "x".repeat(33))).hasMessageContaining("32");
        assertThatThrownBy(() -> ClientIdentity.of(40000, "")).hasMessageContaining("password");
    }

    @Test
    void serverAddresses() {
        assertThat(ServerAddress.parse("dcc1.dcc-servers.net")).isEqualTo(new ServerAddress("dcc1.dcc-servers.net", 6277));
        assertThat(ServerAddress.parse("127.0.0.1:7000")).isEqualTo(new ServerAddress("127.0.0.1", 7000));
        assertThat(ServerAddress.parse("127.0.0.1,7000")).isEqualTo(new ServerAddress("127.0.0.1", 7000));
        assertThat(ServerAddress.parse("[::1]:7000")).isEqualTo(new ServerAddress("::1", 7000));
        assertThat(ServerAddress.parse("::1")).isEqualTo(new ServerAddress("::1", 6277));
        assertThat(ServerAddress.parse("[::1]").toString()).isEqualTo("[::1]:6277");
        assertThatThrownBy(() -> ServerAddress.parse("host:99999")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dnsBypassOverrideReachesTheServer() throws Exception {
        try (FakeDccServer server = new FakeDccServer()) {
            DccClient c = DccClient.fromConfig(config(Map.of(
                    "SPAMWARD_DCC_SERVERS", "dcc.example.invalid:" + server.port(),
                    "SPAMWARD_DCC_RESOLVE", "dcc.example.invalid=127.0.0.1",
                    "SPAMWARD_DCC_TIMEOUT", "2s")));
            byte[] msg = "From: a@b.example\nMessage-ID: <1@b>\n\nhello world this is a test message body text\n"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            DccResult r = c.check(DccChecksummer.compute(msg));
            assertThat(r.server().host()).isEqualTo("dcc.example.invalid");
            assertThat(server.log).hasSize(1);
        }
    }
}
