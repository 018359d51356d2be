package dev.spamward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Standard output on a full disk ({@code /dev/full}): Java's System.out swallows the write error, so without a
 * check the real process would exit 0 with the output lost; {@code pass} would lose the message in a pipeline.
 */
class StdoutErrorProcessTest {
    @TempDir
    Path dir;

    private record Run(int exit, String err) {
    }

    private Run toDevFull(Path stdin, String... args) throws Exception {
        return run(stdin, "/dev/full", args);
    }

    private Run run(Path stdin, String stdout, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        StringBuilder cmd = new StringBuilder("exec '" + java + "' -cp \"$CP\" " + Main.class.getName());
        for (String a : args) cmd.append(" '").append(a).append("'");
        cmd.append(" < '").append(stdin).append("' > '").append(stdout).append("'");
        ProcessBuilder pb = new ProcessBuilder(List.of("sh", "-c", cmd.toString())).redirectError(dir.resolve("err").toFile());
        pb.environment().put("CP", System.getProperty("java.class.path"));
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(dir.resolve("err")));
    }

    @Test
    void outputLostToAFullDiskIsAnErrorAndPassAsksTheMtaToRetry() throws Exception {
        Assumptions.assumeTrue(Files.isWritable(Path.of("/dev/full")), "/dev/full is needed");
        Path msg = dir.resolve("m.eml");
        Files.writeString(msg, "From: a@example.org\nSubject: hello\n\nhello world\n", StandardCharsets.US_ASCII);
        Path db = dir.resolve("db");

        Run pass = toDevFull(msg, "pass", "-db", db.toString());
        assertThat(pass.exit()).as(pass.err()).isEqualTo(75);
        assertThat(pass.err()).contains("could not be passed on: write error on standard output");

        // the same commands with a working stdout succeed (stdin and stdout are not closed by a command)
        Path out = dir.resolve("out.eml");
        Run ok = run(msg, out.toString(), "pass", "-db", db.toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(Files.readString(out)).contains("X-Spamward-Error: ").endsWith("\n\nhello world\n");

        // a command that streams its output (bayes export) flushes stdout instead of closing it
        assertThat(Main.run(new String[] {"learn", "--spam", "-db", db.toString(), msg.toString()},
                new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(new java.io.StringWriter()))).isZero();
        Run export = run(msg, dir.resolve("export.txt").toString(), "bayes", "export", "-db", db.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(Files.readString(dir.resolve("export.txt"))).contains("hello");
        assertThat(toDevFull(msg, "bayes", "export", "-db", db.toString()).exit()).isEqualTo(1);

        Run tokens = toDevFull(msg, "tokens", msg.toString());
        assertThat(tokens.exit()).as(tokens.err()).isEqualTo(1);
        assertThat(tokens.err()).contains("cannot write to standard output");
    }
}
