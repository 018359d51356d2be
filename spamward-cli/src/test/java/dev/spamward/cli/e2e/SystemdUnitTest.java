package dev.spamward.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spamward.cli.Main;
import dev.spamward.greylist.peers.Peers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code contrib/systemd/spamward.service}: systemd accepts it ({@code systemd-analyze verify}, no warning), and
 * {@code serve} runs the way the unit starts it (no systemd runs in a test machine, so its settings are applied by
 * hand): as an unprivileged user ({@code nobody} stands in for {@code spamward}) with only {@code HOME} set to the
 * state directory, which is also the working directory. The state is written there, {@code ExecReload}'s SIGHUP
 * reloads, and the exit status after SIGTERM is one the unit declares a success. Run as root, {@code serve} warns.
 */
class SystemdUnitTest {
    private static final Path UNIT = Path.of("..", "contrib", "systemd", "spamward.service");

    @TempDir
    Path dir;

    /** The values of {@code key=} lines in the unit, in order. */
    private static List<String> values(List<String> unit, String key) {
        return unit.stream().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1)).toList();
    }

    @Test
    void systemdAcceptsTheUnitWithoutAWarning() throws Exception {
        String analyze = Peers.require("systemd-analyze", "systemd");
        Path launcher = Path.of("..", "spamward").toAbsolutePath().normalize();
        Path copy = dir.resolve("spamward.service");
        Files.writeString(copy, Files.readString(UNIT).replace("/opt/spamward/spamward", launcher.toString()));
        Process p = new ProcessBuilder(analyze, "verify", copy.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).as("systemd-analyze warnings").isBlank();
    }

    @Test
    void serveRunsAsTheUnitStartsItUnprivilegedWithStateUnderHome() throws Exception {
        assertThat(System.getProperty("user.name")).as("switching to user nobody needs root; run the tests as root, as scripts/test does")
                .isEqualTo("root");
        String setpriv = Peers.require("setpriv", "util-linux");
        List<String> unit = Files.readAllLines(UNIT);
        assertThat(values(unit, "ExecStart")).containsExactly("/opt/spamward/spamward serve");
        assertThat(values(unit, "ExecReload")).containsExactly("/bin/kill -HUP $MAINPID");
        assertThat(values(unit, "Environment")).containsExactly("HOME=/var/lib/spamward");
        assertThat(values(unit, "StateDirectory")).containsExactly("spamward");
        assertThat(values(unit, "WorkingDirectory")).containsExactly("/var/lib/spamward");
        List<Integer> success = new ArrayList<>(List.of(0));
        for (String v : values(unit, "SuccessExitStatus")) Arrays.stream(v.split("\\s+")).map(Integer::valueOf).forEach(success::add);

        // StateDirectory=spamward: systemd creates it, owned by the service user, with StateDirectoryMode
        Path state = Files.createDirectories(dir.resolve("var-lib-spamward"));
        Peers.traversable(dir);
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwxr-x---"));
        Files.setOwner(state, state.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        String cp = PublicClassPath.copy(dir.resolve("cp"));
        String java = ProcessHandle.current().info().command().orElse("java");

        // systemd starts a service with default signal dispositions, whatever this JVM inherited (a build under
        // nohup ignores SIGHUP, and children inherit that): reset SIGHUP before the exec, as systemd does
        List<String> cmd = new ArrayList<>(List.of("python3", "-c", "import os, signal, sys; signal.signal(signal.SIGHUP, "
                + "signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])", setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                "env", "-i", "HOME=" + state, java, "-XX:+UseSerialGC", "-Xmx128m", "-cp", cp, Main.class.getName(), "serve"));
        for (String key : List.of("http.listen", "greylist.policy.listen", "greylist.milter.listen")) {
            cmd.addAll(List.of("--set", key + "=127.0.0.1:" + Peers.freePort()));
        }
        cmd.addAll(List.of("--set", "greylist.sjsms.enabled=false"));
        Path log = dir.resolve("serve.log");
        Process p = new ProcessBuilder(cmd).directory(state.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            awaitLog(log, "spamward serving");
            assertThat(Files.readString(log)).doesNotContain("runs as root").doesNotContain("ERROR");
            new ProcessBuilder("kill", "-HUP", String.valueOf(p.pid())).start().waitFor(); // ExecReload
            awaitLog(log, "configuration reloaded");
        } finally {
            p.destroy(); // systemctl stop: SIGTERM
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue(); // TimeoutStopSec
        }
        assertThat(success).as("the exit status after SIGTERM is a success for the unit:\n" + Files.readString(log)).contains(p.exitValue());
        Path saved = state.resolve(".local/state/spamward/greylist.state");
        assertThat(saved).as("greylisting state under HOME").exists();
        assertThat(Files.getOwner(saved).getName()).isEqualTo("nobody");
    }

    @Test
    void serveWarnsWhenItRunsAsRoot() throws Exception {
        assertThat(System.getProperty("user.name")).as("run the tests as root, as scripts/test does").isEqualTo("root");
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = dir.resolve("root.log");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve",
                "--set", "http.listen=127.0.0.1:" + Peers.freePort(), "--set", "greylist.policy.enabled=false",
                "--set", "greylist.milter.enabled=false", "--set", "greylist.sjsms.enabled=false",
                "--set", "greylist.statefile=" + dir.resolve("grey.state"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            awaitLog(log, "spamward serving");
            awaitLog(log, "contrib/systemd/spamward.service");
            assertThat(Files.readString(log)).contains("WARN ServeCommand - serve runs as root");
        } finally {
            p.destroy();
            p.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static void awaitLog(Path log, String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(log).contains(text)) {
            assertThat(System.nanoTime()).as("'" + text + "' in the log:\n" + Files.readString(log)).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
