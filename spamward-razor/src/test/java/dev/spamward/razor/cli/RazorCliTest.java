package dev.spamward.razor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spamward.core.cli.CommandContext;
import dev.spamward.core.cli.UserException;
import dev.spamward.core.config.Config;
import dev.spamward.core.config.ConfigLoader;
import dev.spamward.core.config.ConfigSchema;
import dev.spamward.core.config.CoreSettings;
import dev.spamward.razor.client.FakeRazorServer;
import dev.spamward.razor.client.RazorSettings;
import dev.spamward.razor.sig.VectorFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code spamward razor ...} end to end against the Java test server, with configuration from env and flags. */
class RazorCliTest {
    @TempDir
    Path dir;
    private FakeRazorServer server;
    private final Map<String, String> env = new HashMap<>();
    private String out;
    private String err;

    /** A stand-in for the CLI root: loads the configuration like spamward does. */
    @Command(name = "spamward")
    static final class Root implements CommandContext, Runnable {
        final Map<String, String> env;
        final List<String> flags;

        Root(Map<String, String> env, List<String> flags) {
            this.env = env;
            this.flags = flags;
        }

        @Override
        public Config config() {
            return new ConfigLoader(ConfigSchema.of(new CoreSettings(), new RazorSettings())).load(null, env, flags);
        }

        @Override
        public void run() {
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = FakeRazorServer.onFreePort();
        env.put("RAZOR_HOME", dir.resolve("home").toString());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private int run(String... args) {
        List<String> flags = new ArrayList<>(List.of("razor.servers=" + server.address(), "razor.timeout=5s"));
        CommandLine cl = new CommandLine(new Root(env, flags));
        cl.addSubcommand(new RazorCommand());
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(e, true));
        cl.setExecutionExceptionHandler((ex, c, p) -> {
            if (ex instanceof UserException u) {
                c.getErr().println("spamward: " + u.getMessage());
                return u.exitCode();
            }
            throw ex;
        });
        int code = cl.execute(args);
        out = o.toString();
        err = e.toString();
        return code;
    }

    private Path message(String name) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, VectorFiles.message(name));
        return p;
    }

    @Test
    void sigsPrintsRazorCheckHLines() throws Exception {
        assertThat(run("razor", "sigs", message("syn-016.eml").toString())).isZero();
        List<String> expected = new ArrayList<>();
        for (String[] row : VectorFiles.tsv("razor-check-H.tsv")) {
            if (row[0].equals("syn-016.eml")) {
                expected.add("1." + row[2] + " e" + row[1] + ": " + row[3] + (row[1].equals("4") ? ", ep4: " + row[4] : ""));
            }
        }
        assertThat(out.lines().toList()).isEqualTo(expected).hasSize(5);
    }

    @Test
    void checkExitCodesAreRazorChecks() throws Exception {
        Path msg = message("syn-016.eml");
        assertThat(run("razor", "check", msg.toString())).isEqualTo(1);
        server.spam("c77HlQ3ODtXYkHIoPHDsfi5xlWEA");
        assertThat(run("razor", "check", "-v", msg.toString())).isZero();
        assertThat(out).contains("spam (min_cf 50)");
        server.close();
        assertThat(run("razor", "check", msg.toString())).isEqualTo(2);
        assertThat(err).contains("no Razor server answered");
        assertThat(run("razor", "check", dir.resolve("missing.eml").toString())).isEqualTo(2);
    }

    @Test
    void registerSavesAnAgentsIdentityAndReportUsesIt() throws Exception {
        assertThat(run("razor", "register", "--user", "dave", "--pass", "davepass")).isZero();
        assertThat(out).isEqualTo("RAZOR_USER=dave" + System.lineSeparator() + "RAZOR_PASS=davepass" + System.lineSeparator());
        Path home = dir.resolve("home");
        Path ident = home.resolve("identity-dave");
        assertThat(Files.readString(ident)).isEqualTo("pass                   = davepass\nuser                   = dave\n");
        assertThat(Files.getPosixFilePermissions(ident)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
        assertThat(Files.readSymbolicLink(home.resolve("identity"))).isEqualTo(Path.of("identity-dave"));
        assertThat(Files.isSymbolicLink(home.resolve("identity"))).isTrue();
        assertThat(run("razor", "report", message("syn-016.eml").toString())).isZero();
        assertThat(out).contains("1 upload(s)");
        assertThat(server.connections().getLast().awaitDone().bytes()).contains("user=dave");
        assertThat(Files.exists(home.resolve("identity"), LinkOption.NOFOLLOW_LINKS)).isTrue();
    }

    @Test
    void credentialsFromEnvironmentAndFiles() throws Exception {
        Path msg = message("syn-016.eml");
        assertThat(run("razor", "revoke", msg.toString())).isEqualTo(2);
        assertThat(err).contains("no Razor identity");
        env.put("RAZOR_USER", "alice");
        Path pw = dir.resolve("pw");
        Files.writeString(pw, "secretpass\n");
        env.put("RAZOR_PASS_FILE", pw.toString());
        assertThat(run("razor", "revoke", msg.toString())).isZero();
        assertThat(out).contains("5 accepted");
        env.put("RAZOR_PASS", "wrong");
        env.remove("RAZOR_PASS_FILE");
        assertThat(run("razor", "report", msg.toString())).isEqualTo(2);
        assertThat(err).contains("authentication failed").doesNotContain("wrong");
    }
}
