package dev.spamward.pyzor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spamward.core.cli.CommandContext;
import dev.spamward.core.cli.UserException;
import dev.spamward.core.config.Config;
import dev.spamward.core.config.ConfigLoader;
import dev.spamward.core.config.ConfigSchema;
import dev.spamward.pyzor.client.PyzorSettings;
import dev.spamward.pyzor.testing.Pyzord;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spamward pyzor ...} end to end (in-process picocli, real pyzord), output and exit codes as pyzor's. */
class PyzorCliTest {
    private static final String SA003_DIGEST = "589b3352705d24ec79ffb455950a4fb6dd78f378";

    /** A stand-in for the spamward root command: --set flags and the pyzor keys only. */
    @Command(name = "spamward")
    static final class Root implements CommandContext {
        @Option(names = {"-o", "--set"}, scope = CommandLine.ScopeType.INHERIT)
        List<String> sets = new ArrayList<>();

        @Override
        public Config config() {
            return new ConfigLoader(ConfigSchema.of(new PyzorSettings())).load(null, Map.of(), sets);
        }
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = new CommandLine(new Root());
        cl.addSubcommand(new PyzorCommand());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((ex, c, p) -> {
            if (ex instanceof UserException u) {
                c.getErr().println("spamward: " + u.getMessage());
                return u.exitCode();
            }
            throw ex;
        });
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static Path message(Path dir, String name) throws IOException {
        try (InputStream in = PyzorCliTest.class.getResourceAsStream("/dev/spamward/pyzor/vectors/" + name)) {
            Path p = dir.resolve(Path.of(name).getFileName().toString());
            Files.write(p, in.readAllBytes());
            return p;
        }
    }

    @Test
    void digestAndPredigestNeedNoServer(@TempDir Path dir) throws IOException {
        Path msg = message(dir, "messages/sa-003.eml");
        Run d = run("pyzor", "digest", msg.toString());
        assertThat(d.exit()).isZero();
        assertThat(d.out()).isEqualTo(SA003_DIGEST + "\n");
        Run p = run("pyzor", "predigest", msg.toString());
        assertThat(p.out()).isEqualTo(Files.readString(message(dir, "predigest/sa-003.eml.txt"), StandardCharsets.UTF_8));
        Run big = run("--set", "pyzor.max_message_size=100", "pyzor", "digest", msg.toString());
        assertThat(big.exit()).isEqualTo(65);
        assertThat(big.err()).contains("larger than pyzor.max_message_size");
        assertThat(run("pyzor", "digest", dir.resolve("nope.eml").toString()).exit()).isEqualTo(66);
    }

    @Test
    void checkReportWhitelistInfoPingLikePyzor(@TempDir Path dir) throws Exception {
        Path msg = message(dir, "messages/sa-003.eml");
        try (Pyzord d = Pyzord.start(dir, null, null)) {
            String home = d.clientHome(dir.resolve("cli"), null).toString();
            String server = d.server().toString();

            assertThat(run("pyzor", "ping", "--homedir", home)).isEqualTo(new Run(0, server + "\t(200, 'OK')\n", ""));
            Run check = run("pyzor", "check", "--homedir", home, msg.toString());
            assertThat(check).isEqualTo(new Run(1, server + "\t(200, 'OK')\t0\t0\n", ""));
            assertThat(run("pyzor", "report", "--homedir", home, msg.toString())).isEqualTo(new Run(0, server + "\t(200, 'OK')\n", ""));
            assertThat(run("pyzor", "check", "--homedir", home, msg.toString())).isEqualTo(new Run(0, server + "\t(200, 'OK')\t1\t0\n", ""));
            assertThat(run("pyzor", "check", "--homedir", home, "-r", "1", msg.toString()).exit())
                    .as("count 1 does not exceed a report threshold of 1").isEqualTo(1);

            Path digests = dir.resolve("digests");
            Files.writeString(digests, SA003_DIGEST + "\n");
            assertThat(run("pyzor", "check", "--homedir", home, "-s", "digests", digests.toString()).exit()).isZero();

            Run info = run("pyzor", "info", "--homedir", home, msg.toString());
            assertThat(info.exit()).isZero();
            assertThat(info.out()).startsWith(server + "\t(200, 'OK')\n\tCount: 1\n\tEntered: ").contains("\tWL-Count: 0\n");

            Run wl = run("pyzor", "whitelist", "--homedir", home, msg.toString());
            assertThat(wl.exit()).isEqualTo(1);
            assertThat(wl.out()).isEqualTo(server + "\t(403, 'Forbidden: User is not authorized to request the operation.')\n");
            assertThat(wl.err()).contains("403 forbidden");

            Run empty = run("pyzor", "report", "--homedir", home, message(dir, "messages/syn-001.eml").toString());
            assertThat(empty.err()).contains("digest of no text; not sent");
        }
    }

    @Test
    void registerWritesTheAccountAndAWrongKeyIs401(@TempDir Path dir) throws Exception {
        Path msg = message(dir, "messages/sa-003.eml");
        Path pass = dir.resolve("pass");
        Files.writeString(pass, "correct horse\n");
        Path home = dir.resolve("cli");
        int port = Pyzord.freeUdpPort();

        Run gen = run("pyzor", "genkey", "--passphrase-file", pass.toString());
        assertThat(gen.out()).matches("PYZOR_SALT=[0-9a-f]{40}\nPYZOR_KEY=[0-9a-f]{40}\nPYZOR_SALT_KEY=[0-9a-f]{40},[0-9a-f]{40}\n");

        Run reg = run("pyzor", "register", "--homedir", home.toString(), "-u", "alice", "--server", "127.0.0.1:" + port,
                "--passphrase-file", pass.toString());
        assertThat(reg.exit()).isZero();
        String key = reg.out().lines().filter(l -> l.startsWith("PYZOR_KEY=")).findFirst().orElseThrow().substring(10);
        assertThat(Files.readString(home.resolve("accounts"))).matches("127\\.0\\.0\\.1 : " + port + " : alice : [0-9a-f]{40}," + key + "\n");
        assertThat(reg.err()).contains("alice : " + key);
        Files.writeString(home.resolve("servers"), "127.0.0.1:" + port + "\n");

        // The operator adds the printed key; pyzord then accepts alice's whitelist.
        try (Pyzord d = startOn(dir, port, "alice : " + key + "\n")) {
            assertThat(run("pyzor", "whitelist", "--homedir", home.toString(), msg.toString()).exit()).isZero();
            assertThat(d.usageLog()).contains("alice,127.0.0.1,whitelist,['" + SA003_DIGEST + "'],200");
            assertThat(run("pyzor", "check", "--homedir", home.toString(), msg.toString()).out()).endsWith("\t0\t1\n");

            Files.writeString(home.resolve("accounts"), Files.readString(home.resolve("accounts")).replace(key, "0".repeat(40)));
            Run bad = run("pyzor", "check", "--homedir", home.toString(), msg.toString());
            assertThat(bad.exit()).isEqualTo(1);
            assertThat(bad.out()).isEqualTo("127.0.0.1:" + port + "\t(401, 'Unauthorized: Signature Error: Invalid signature.')\t\n");
            assertThat(bad.err()).contains("401 unauthorized: unknown user, wrong key");
        }
    }

    /** pyzord on a given port (the accounts line names it before the server exists). */
    private static Pyzord startOn(Path dir, int port, String passwd) throws Exception {
        return Pyzord.start(dir, passwd, "check report ping pong info : anonymous : allow\nall : alice : allow\n", port);
    }
}
