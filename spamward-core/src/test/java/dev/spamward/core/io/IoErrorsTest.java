package dev.spamward.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoErrorsTest {
    @TempDir
    Path dir;

    private static IOException readError(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            in.read();
            throw new AssertionError("expected an error reading " + p);
        } catch (IOException e) {
            return e;
        }
    }

    @Test
    void realErrorsOfTheJdkReadAsOneShortReason() {
        assertThat(IoErrors.describe("m.eml", readError(dir.resolve("missing")))).isEqualTo("m.eml: no such file or directory");
        assertThat(IoErrors.describe("d", readError(dir))).isEqualTo("d: is a directory");
    }

    @Test
    void aPathOnlyMessageBecomesAReason() {
        // What the JDK throws for an unreadable file such as /proc/1/mem: the message is the path alone.
        assertThat(IoErrors.describe("/proc/1/mem", new AccessDeniedException("/proc/1/mem"))).isEqualTo("/proc/1/mem: permission denied");
        assertThat(IoErrors.reason(new FileSystemException("/x"))).isEqualTo("cannot be accessed");
        assertThat(IoErrors.reason(new FileSystemException("/x", null, "Input/output error"))).isEqualTo("input/output error");
        assertThat(IoErrors.reason(new IOException())).isEqualTo("read error (IOException)");
        assertThat(IoErrors.describe(new AccessDeniedException("/nonexistent"))).isEqualTo("/nonexistent: permission denied");
        assertThat(IoErrors.describe(new IOException("Is a directory"))).isEqualTo("is a directory");
        assertThat(IoErrors.reason(new java.net.ConnectException())).isEqualTo("connection refused");
        assertThat(IoErrors.reason(new java.net.http.HttpConnectTimeoutException("HTTP connect timed out"))).isEqualTo("connection timed out");
        assertThat(IoErrors.reason(new IOException("EOF in header"))).as("acronyms keep their case").isEqualTo("EOF in header");
    }
}
