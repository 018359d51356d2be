package dev.spamward.pyzor.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs one of the oracle scripts (test resources next to the calling test) with Debian's python3 and the
 * installed pyzor: writes {@code input} to its stdin, returns its stdout lines.
 */
public final class PythonOracle {
    private PythonOracle() {
    }

    public static List<String> run(Class<?> owner, String script, Path tempDir, String input) throws IOException, InterruptedException {
        Pyzord.requireInstalled();
        Path file = tempDir.resolve(script);
        try (InputStream in = owner.getResourceAsStream(script)) {
            if (in == null) throw new IOException("missing oracle script " + script);
            Files.write(file, in.readAllBytes());
        }
        Process p = new ProcessBuilder("/usr/bin/python3", file.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var out = p.getOutputStream()) {
            out.write(input.getBytes(StandardCharsets.UTF_8));
        }
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(p.waitFor()).as(script + " exit status").isZero();
        return lines;
    }
}
