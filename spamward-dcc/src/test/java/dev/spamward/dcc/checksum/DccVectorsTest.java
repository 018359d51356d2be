package dev.spamward.dcc.checksum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Checksum equality with the real {@code dccproc} on every row of shared/vectors/dcc.tsv: all 2.3.169 rows,
 * all 1.3.158 rows except the Fuz1 rows flagged in dcc-fuz1-port-differs.tsv (counted and reported, not
 * asserted), and no checksum that {@code dccproc} did not print.
 */
class DccVectorsTest {

    private static final Map<String, MessageChecksums> CACHE = new HashMap<>();

    private static MessageChecksums sums(String file) {
        return CACHE.computeIfAbsent(file, f -> DccChecksummer.compute(VectorData.message(f)));
    }

    private static String hex(String file, CkType type) {
        return sums(file).get(type).map(Checksum::hex).orElse("-");
    }

    @Test
    void every2_3_169RowMatches() {
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (VectorData.Row r : VectorData.rows()) {
            if (!r.version().equals("2.3.169")) continue;
            n++;
            String got = hex(r.file(), r.type());
            if (!got.equals(r.hex())) failures.add(r.file() + " " + r.type().label() + " want " + r.hex() + " got " + got);
        }
        assertThat(n).isEqualTo(79);
        assertThat(failures).isEmpty();
    }

    @Test
    void every1_3_158RowMatchesExceptFlaggedFuz1() {
        Set<String> differs = VectorData.fuz1Differs();
        List<String> failures = new ArrayList<>();
        int n = 0, fuz1Flagged = 0, fuz1FlaggedMatch = 0;
        for (VectorData.Row r : VectorData.rows()) {
            if (!r.version().equals("1.3.158")) continue;
            String got = hex(r.file(), r.type());
            if (r.type() == CkType.FUZ1 && differs.contains(r.file())) {
                fuz1Flagged++;
                if (got.equals(r.hex())) fuz1FlaggedMatch++;
                continue;
            }
            n++;
            if (!got.equals(r.hex())) failures.add(r.file() + " " + r.type().label() + " want " + r.hex() + " got " + got);
        }
        int legacyMatch = 0, allFuz1 = 0, allFuz1Match = 0;
        for (VectorData.Row r : VectorData.rows()) {
            if (!r.version().equals("1.3.158") || r.type() != CkType.FUZ1) continue;
            allFuz1++;
            if (hex(r.file(), r.type()).equals(r.hex())) allFuz1Match++;
            if (differs.contains(r.file()) && DccChecksummer.compute(VectorData.message(r.file()), null, null,
                    Fuz1Rules.DCC_1_3).get(CkType.FUZ1).map(Checksum::hex).orElse("-").equals(r.hex())) legacyMatch++;
        }
        System.out.printf("DCC vectors: %d 1.3.158 rows checked; 1.3.158 Fuz1 rows equal with 2.3 rules: %d of %d"
                + " (flagged: %d of %d); flagged rows equal with the 1.3 rules: %d of %d%n",
                n, allFuz1Match, allFuz1, fuz1FlaggedMatch, fuz1Flagged, legacyMatch, fuz1Flagged);
        assertThat(failures).isEmpty();
    }

    @Test
    void noChecksumThatDccprocDidNotPrint() {
        Set<String> differs = VectorData.fuz1Differs();
        Map<String, Map<String, EnumSet<CkType>>> printed = new TreeMap<>();
        for (VectorData.Row r : VectorData.rows()) {
            printed.computeIfAbsent(r.version(), v -> new TreeMap<>())
                    .computeIfAbsent(r.file(), f -> EnumSet.noneOf(CkType.class)).add(r.type());
        }
        List<String> failures = new ArrayList<>();
        for (String file : VectorData.messageFiles()) {
            EnumSet<CkType> want = printed.get("1.3.158").getOrDefault(file, EnumSet.noneOf(CkType.class));
            EnumSet<CkType> got = EnumSet.noneOf(CkType.class);
            sums(file).checksums().forEach(c -> got.add(c.type()));
            if (differs.contains(file)) {
                want.remove(CkType.FUZ1);
                got.remove(CkType.FUZ1);
            }
            if (!want.equals(got)) failures.add(file + " 1.3.158 printed " + want + " we computed " + got);
        }
        printed.get("2.3.169").forEach((file, want) -> {
            EnumSet<CkType> got = EnumSet.noneOf(CkType.class);
            sums(file).checksums().forEach(c -> got.add(c.type()));
            if (!want.equals(got)) failures.add(file + " 2.3.169 printed " + want + " we computed " + got);
        });
        assertThat(failures).isEmpty();
    }
}
