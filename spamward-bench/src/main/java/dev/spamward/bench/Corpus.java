package dev.spamward.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The SpamAssassin corpus for benchmarks: {@code -Dspamward.corpus=DIR}, else .cache/spamassassin
 * under the working directory or one of its parents (fetch it with scripts/fetch-corpus.sh).
 */
public final class Corpus {
    private Corpus() {
    }

    public static Path dir() {
        String prop = System.getProperty("spamward.corpus");
        if (prop != null) return Path.of(prop);
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path c = p.resolve(".cache/spamassassin");
            if (Files.isDirectory(c)) return c;
        }
        throw new IllegalStateException("corpus not found: run scripts/fetch-corpus.sh or pass -Dspamward.corpus=DIR");
    }

    /** Every message file, sorted. */
    public static List<Path> files() {
        try (Stream<Path> s = Files.walk(dir())) {
            return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every message, in memory. */
    public static List<byte[]> messages() {
        return read(files());
    }

    /** The contents of {@code files}, in order. */
    public static List<byte[]> read(List<Path> files) {
        List<byte[]> out = new ArrayList<>(files.size());
        for (Path p : files) {
            try {
                out.add(Files.readAllBytes(p));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
