package dev.spamward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-user default files follow {@code $HOME} (and the XDG variables) of the real process, not the account's
 * home directory from the password database that Java's {@code user.home} reports: a service user started with
 * {@code HOME=/var/lib/spamward} keeps its token database, greylisting state and identities there.
 */
class HomeDirectoryProcessTest {
    @TempDir
    Path dir;

    private String run(Path home, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("XDG_") || k.startsWith("SPAMWARD_"));
        pb.environment().put("HOME", home.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void defaultFilesLiveUnderHome() throws Exception {
        Path home = Files.createDirectories(dir.resolve("service home"));
        assertThat(run(home, "config")).contains("greylist.statefile = " + home.resolve(".local/state/spamward/greylist.state"));

        Path msg = dir.resolve("m.eml");
        Files.writeString(msg, "From: a@example.org\nSubject: cheap pills\n\nbuy cheap pills now\n", StandardCharsets.US_ASCII);
        run(home, "learn", "--spam", msg.toString());
        assertThat(home.resolve(".local/share/spamward/bayes/data.mdb")).as("the default token database").exists();
        assertThat(run(home, "bayes", "stats")).contains("1");
    }
}
