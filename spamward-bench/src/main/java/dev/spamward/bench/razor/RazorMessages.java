package dev.spamward.bench.razor;

import dev.spamward.bench.Corpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The benchmark corpus: the 245 reference messages kept in spamward-razor's test resources. */
final class RazorMessages {
    static final String DEFAULT_DIR = "spamward-razor/src/test/resources/dev/spamward/razor/vectors/messages";

    private RazorMessages() {
    }

    static Path dir() {
        return Path.of(System.getProperty("razor.messages", DEFAULT_DIR));
    }

    static List<Path> files() {
        try (Stream<Path> s = Files.list(dir())) {
            List<Path> files = new ArrayList<>(s.filter(p -> p.toString().endsWith(".eml")).sorted().toList());
            if (files.isEmpty()) throw new IllegalStateException("no .eml files in " + dir().toAbsolutePath());
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir().toAbsolutePath() + " (set -Drazor.messages=DIR)", e);
        }
    }

    static List<byte[]> load() {
        return Corpus.read(files());
    }
}
