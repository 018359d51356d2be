package dev.spamward.dcc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spamward.core.cli.CommandContext;
import dev.spamward.core.cli.UserException;
import dev.spamward.core.config.Config;
import dev.spamward.core.config.ConfigLoader;
import dev.spamward.core.config.ConfigSchema;
import dev.spamward.dcc.client.DccSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import dev.spamward.dcc.client.FakeDccServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code spamward dcc sums|check|report|register} under a stand-in root command, against the fake server. */
class DccCliTest {
    @TempDir
    Path tmp;

    @CommandLine.Command(name = "spamward")
    static final class Root implements CommandContext {
        final Map<String, String> env;

        Root(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Config config() {
            return new ConfigLoader(ConfigSchema.of(new DccSettings())).load(null, env, List.of());
        }
    }

    record Run(int code, String out, String err) {
    }

    private Run run(Map<String, String> env, String... args) {
        CommandLine cl = new CommandLine(new Root(env));
        cl.addSubcommand(new DccCommand());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        cl.setExecutionExceptionHandler((ex, c, p) -> {
            if (ex instanceof UserException u) {
                c.getErr().println(u.getMessage());
                return u.exitCode();
            }
            throw ex;
        });
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path message(String name) throws Exception {
        Path p = tmp.resolve(name);
        try (var in = getClass().getResourceAsStream("/dev/spamward/dcc/vectors/messages/" + name)) {
            Files.write(p, in.readAllBytes());
        }
        return p;
    }

    @Test
    void sumsPrintsDccprocLayout() throws Exception {
        Run r = run(Map.of(), "dcc", "sums", message("gdcc-mbox1.eml").toString());
        assertThat(r.code()).isEqualTo(0);
        // lines as the real dccproc printed them (wire/dcc/01-anon-query.txt), without the server column
        assertThat(r.out()).contains(
                "                 env_From: d02c05e5 38581fd8 5e9fd53b 32c3a471\n",
                "                     From: 78a42536 d37ad33c f156cd33 cbc4c545\n",
                "               Message-ID: 0548f1d9 2201e27b bd8f8a85 7b555b0d\n",
                "                 Received: 8e6741ab 9fb8aed4 b350ca69 ad4baa18\n",
                "                     Body: a5de1f45 7cca9a91 2ebb569d e239a1b5\n",
                "                     Fuz1: 066d60fe 388b589f 14426d98 1a87af43\n",
                "                     Fuz2: 85bcead4 ea1981cf d7f20a24 2fcc917d\n");
    }

    @Test
    void aotTrainingRunsOffline() {
        new DccAotTraining().train();
        assertThat(java.util.ServiceLoader.load(dev.spamward.core.cli.AotTraining.class).stream()
                .map(p -> p.type().getName())).contains(DccAotTraining.class.getName());
    }

    @Test
    void sumsWithClientIpAddsTheIpChecksum() throws Exception {
        Run r = run(Map.of(), "dcc", "sums", "--client-ip", "192.0.2.1", message("gdcc-plain1.eml").toString());
        assertThat(r.out()).containsPattern("(?m)^ {23}IP: [0-9a-f]{8} ");
    }

    @Test
    void headerOnlyMessageIsRefusedLikeDccproc() throws Exception {
        Run r = run(Map.of(), "dcc", "sums", message("syn-002.eml").toString());
        assertThat(r.code()).isEqualTo(65);
        assertThat(r.err()).contains("missing message body");
    }

    @Test
    void registerStoresTheIdsFileThenCheckAndReportUseIt() throws Exception {
        Path ids = tmp.resolve("conf/dcc-ids");
        Path pw = tmp.resolve("pw");
        Files.writeString(pw, "secret\n");
        Map<String, String> env = new HashMap<>(Map.of("SPAMWARD_DCC_IDS_FILE", ids.toString()));
        Run reg = run(env, "dcc", "register", "--id", "12345", "--password-file", pw.toString());
        assertThat(reg.code()).isEqualTo(0);
        assertThat(reg.out()).isEqualTo("DCC_CLIENT_ID=12345\nDCC_CLIENT_PASSWD=secret\n");
        assertThat(Files.readString(ids, StandardCharsets.UTF_8)).contains("12345\tsecret");
        assertThat(Files.getPosixFilePermissions(ids).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");

        try (FakeDccServer server = new FakeDccServer()) {
            int port = server.port();
            env.put("SPAMWARD_DCC_SERVERS", "127.0.0.1:" + port);
            env.put("SPAMWARD_DCC_TIMEOUT", "3s");
            String msg = message("gdcc-mbox1.eml").toString();
            Run check = run(env, "dcc", "check", msg);
            assertThat(check.code()).as(check.err()).isEqualTo(0);
            assertThat(check.out()).contains("checksum  server").contains("verdict: unknown");
            Run report = run(env, "dcc", "report", "--spam", msg);
            assertThat(report.code()).as(report.err()).isEqualTo(0);
            // as dccproc -t many prints it: current counts in the metrics line, previous ones in the server column
            assertThat(report.out()).contains("reported: 1 spam").contains("Body=many Fuz1=many Fuz2=many")
                    .containsPattern("Body: [0-9a-f ]{35}       0\n");
            Run again = run(env, "dcc", "check", msg);
            assertThat(again.code()).isEqualTo(1);
            assertThat(again.out()).contains("verdict: reject").contains("; bulk Body=many")
                    .containsPattern("Fuz2: [0-9a-f ]{35}    many\n");
            assertThat(server.log).hasSize(3).allSatisfy(req -> assertThat(req.sig32()).isTrue());
        }
    }

    @Test
    void environmentCredentialsWithFileVariant() throws Exception {
        Path pw = tmp.resolve("pw");
        Files.writeString(pw, "secret");
        Map<String, String> env = Map.of("DCC_CLIENT_ID", "12345", "DCC_CLIENT_PASSWD_FILE", pw.toString());
        Config c = new Root(env).config();
        assertThat(dev.spamward.dcc.client.Credentials.resolve(c).id()).isEqualTo(12345);
        assertThat(c.get(DccSettings.CLIENT_PASSWD)).isEqualTo("secret");
    }

    @Test
    void silentServerGivesExitCode3() throws Exception {
        try (var sock = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            Map<String, String> env = Map.of("SPAMWARD_DCC_SERVERS", "127.0.0.1:" + sock.getLocalPort(),
                    "SPAMWARD_DCC_TIMEOUT", "500ms");
            Run r = run(env, "dcc", "check", message("gdcc-mbox1.eml").toString());
            assertThat(r.code()).isEqualTo(3);
            assertThat(r.err()).contains("no DCC server answered");
        }
    }
}
