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

class FileErrorsTest {
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
        assertThat(FileErrors.describe("m.eml", readError(dir.resolve("missing")))).isEqualTo("m.eml: no such file or directory");
        assertThat(FileErrors.describe("d", readError(dir))).isEqualTo("d: is a directory");
    }

    @Test
    void aPathOnlyMessageBecomesAReason() {
        // What the JDK throws for an unreadable file such as /proc/1/mem: the message is the path alone.
        assertThat(FileErrors.describe("/proc/1/mem", new AccessDeniedException("/proc/1/mem"))).isEqualTo("/proc/1/mem: permission denied");
        assertThat(FileErrors.reason(new FileSystemException("/x"))).isEqualTo("cannot be accessed");
        assertThat(FileErrors.reason(new FileSystemException("/x", null, "Input/output error"))).isEqualTo("input/output error");
        assertThat(FileErrors.reason(new IOException())).isEqualTo("read error (IOException)");
        assertThat(FileErrors.describe(new AccessDeniedException("/nonexistent"))).isEqualTo("/nonexistent: permission denied");
        assertThat(FileErrors.describe(new IOException("Is a directory"))).isEqualTo("is a directory");
        assertThat(FileErrors.reason(new IOException("EOF in header"))).as("acronyms keep their case").isEqualTo("EOF in header");
    }
}
