package dev.spamward.dcc.checksum;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The checksummer never throws on mail: Jazzer target plus seeded mutations of the vector messages. */
class ChecksummerFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void compute(byte[] message) {
        MessageChecksums m = DccChecksummer.compute(message, "a@b.example", null, Fuz1Rules.DCC_2_3);
        assertThat(m.checksums().size() + (m.problem() == null ? 0 : 1)).isPositive();
    }

    @Test
    void mutatedVectorMessagesNeverThrow() {
        Random rnd = new Random(20261121);
        List<String> files = VectorData.messageFiles();
        byte[] alphabet = "\r\n\n =-<>&#;:/.\"'hHtTp@\u00c3\u00a9-boundary".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        for (int round = 0; round < 400; round++) {
            byte[] m = VectorData.message(files.get(rnd.nextInt(files.size()))).clone();
            if (m.length == 0) continue;
            int edits = 1 + rnd.nextInt(40);
            for (int e = 0; e < edits; e++) {
                int at = rnd.nextInt(m.length);
                m[at] = rnd.nextBoolean() ? alphabet[rnd.nextInt(alphabet.length)] : (byte) rnd.nextInt(256);
            }
            if (rnd.nextInt(4) == 0) m = java.util.Arrays.copyOf(m, rnd.nextInt(m.length));
            for (Fuz1Rules rules : Fuz1Rules.values()) {
                MessageChecksums sums = DccChecksummer.compute(m, null, null, rules);
                assertThat(sums).isNotNull();
            }
        }
    }
}
