package dev.spamward.pyzor.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spamward.pyzor.testing.PythonOracle;
import dev.spamward.pyzor.testing.Pyzord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against the installed pyzor 1.0 (its own {@code DataDigester} on Python's
 * {@code email} package, driven by pyzor_oracle.py in one process): generated awkward messages and
 * byte-level mutations of the reference messages must get the same digest. The count can be raised with
 * {@code -Dpyzor.diff.count=N}; the seed with {@code -Dpyzor.diff.seed=S}.
 */
class DigestDifferentialTest {

    @Test
    void sameDigestAsPyzorOnGeneratedAndMutatedMessages(@TempDir Path dir) throws Exception {
        Pyzord.requireInstalled();
        int count = Integer.getInteger("pyzor.diff.count", 300);
        long seed = Long.getLong("pyzor.diff.seed", 20261121L);
        MessageGenerator gen = new MessageGenerator(seed);
        List<String> bases = PyzorVectorsTest.vectors().map(a -> (String) a.get()[0]).toList();
        Map<String, byte[]> messages = new HashMap<>();
        for (int i = 0; i < count; i++) {
            byte[] m = i % 2 == 0 ? gen.message()
                    : gen.mutate(PyzorVectorsTest.bytes("messages/" + bases.get(i % bases.size())));
            Path f = dir.resolve("m" + i + ".eml");
            Files.write(f, m);
            messages.put(f.toString(), m);
        }
        Map<String, String> expected = oracle(dir, new ArrayList<>(messages.keySet()));
        List<String> mismatches = new ArrayList<>();
        int pyzorErrors = 0;
        for (var e : expected.entrySet()) {
            if (e.getValue().startsWith("ERROR")) {
                pyzorErrors++;
                continue;
            }
            String ours = PyzorDigester.digest(messages.get(e.getKey()));
            if (!ours.equals(e.getValue())) mismatches.add(e.getKey());
        }
        if (Boolean.getBoolean("pyzor.diff.keep") && !mismatches.isEmpty()) {
            Path keep = Files.createDirectories(Path.of("target", "pyzor-diff"));
            for (String m : mismatches) Files.write(keep.resolve(Path.of(m).getFileName()), messages.get(m));
        }
        assertThat(expected).hasSize(count);
        assertThat(pyzorErrors).as("messages pyzor itself fails on").isLessThan(count / 10);
        assertThat(mismatches).as("digests that differ from pyzor's (seed %d)", seed).isEmpty();
    }

    private static Map<String, String> oracle(Path dir, List<String> files) throws IOException, InterruptedException {
        Map<String, String> result = new HashMap<>();
        for (String line : PythonOracle.run(DigestDifferentialTest.class, "pyzor_oracle.py", dir, String.join("\n", files))) {
            int tab = line.indexOf('\t');
            if (tab > 0) result.put(line.substring(0, tab), line.substring(tab + 1));
        }
        return result;
    }
}
