package dev.spamward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spamward.greylist.peers.Peers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gozer's {@code GOZER_LOG_STDOUT}: the real {@code spamward serve} writes its log to stdout, and without
 * it to stderr (slf4j-simple is configured once per process, hence a process per case).
 */
class ServeLogStdoutProcessTest {
    @TempDir
    Path dir;

    /** Starts serve, waits for its start-up line on either stream, stops it; returns {stdout, stderr}. */
    private String[] serve(String envName, String envValue) throws Exception {
        Path out = dir.resolve("out-" + envValue);
        Path err = dir.resolve("err-" + envValue);
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--set", "http.listen=127.0.0.1:" + Peers.freePort(), "--set", "greylist.policy.enabled=false",
                "--set", "greylist.milter.enabled=false", "--set", "greylist.sjsms.enabled=false",
                "--set", "greylist.statefile=" + dir.resolve("grey-" + envValue + ".state")))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().remove("GOZER_LOG_STDOUT");
        pb.environment().remove("SPAMWARD_LOG_STDOUT");
        if (envName != null) pb.environment().put(envName, envValue);
        Process p = pb.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!(Files.readString(out) + Files.readString(err)).contains("spamward serving")) {
                assertThat(System.nanoTime()).as("serve started: " + Files.readString(err)).isLessThan(deadline);
                Thread.sleep(50);
            }
        } finally {
            p.destroy();
            p.waitFor(20, TimeUnit.SECONDS);
            p.destroyForcibly();
        }
        return new String[] {Files.readString(out), Files.readString(err)};
    }

    @Test
    void gozerLogStdoutSendsTheLogToStdout() throws Exception {
        String[] on = serve("GOZER_LOG_STDOUT", "1");
        assertThat(on[0]).contains("spamward serving").contains(" INFO ");
        assertThat(on[1]).doesNotContain("spamward serving");

        String[] off = serve(null, "default");
        assertThat(off[1]).contains("spamward serving");
        assertThat(off[0]).doesNotContain("spamward serving");
    }
}
