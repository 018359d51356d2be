package dev.spamward.pyzor.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.spamward.pyzor.testing.PythonOracle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every message of the SpamAssassin public corpus (6,046, fetched by scripts/fetch-corpus.sh into
 * .cache/spamassassin, as scripts/test does before the build) gets the same digest as pyzor 1.0 computes
 * in one Python process.
 */
class SpamAssassinCorpusDifferentialTest {

    @Test
    void sameDigestAsPyzorOnTheWholeCorpus(@TempDir Path dir) throws Exception {
        Path corpus = Path.of("..", ".cache", "spamassassin").toAbsolutePath().normalize();
        if (!Files.exists(corpus.resolve(".complete"))) {
            fail("SpamAssassin corpus missing at " + corpus + ": run scripts/fetch-corpus.sh (scripts/test does)");
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(corpus)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(files.size()).isGreaterThan(6000);
        StringBuilder names = new StringBuilder();
        for (Path f : files) names.append(f).append('\n');
        List<String> lines = PythonOracle.run(getClass(), "pyzor_oracle.py", dir, names.toString());
        assertThat(lines).hasSize(files.size());
        List<String> mismatches = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split("\t");
            String ours = PyzorDigester.digest(Files.readAllBytes(Path.of(f[0])));
            if (!ours.equals(f[1])) mismatches.add(f[0] + " pyzor " + f[1] + " ours " + ours);
        }
        assertThat(mismatches).isEmpty();
    }
}
