package dev.spamward.bench.pyzor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The reference messages (vectors/messages: 245 files, 2.7 MB) the Pyzor benchmarks digest. */
final class Corpus {
    /** Default location, relative to the repository root. */
    static final String DEFAULT_DIR = "spamward-pyzor/src/test/resources/dev/spamward/pyzor/vectors/messages";

    private Corpus() {
    }

    static List<Path> files(String dir) throws IOException {
        Path d = Path.of(dir);
        if (!Files.isDirectory(d)) throw new IOException("no message folder " + d.toAbsolutePath() + " (run from the repository root)");
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        }
    }

    static List<byte[]> load(String dir) throws IOException {
        List<byte[]> out = new ArrayList<>();
        for (Path p : files(dir)) out.add(Files.readAllBytes(p));
        return out;
    }
}
