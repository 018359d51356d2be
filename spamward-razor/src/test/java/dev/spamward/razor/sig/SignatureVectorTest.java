package dev.spamward.razor.sig;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every row of shared/vectors/razor.tsv (signatures from the Razor2 2.85 Perl library) and of
 * razor-parts.tsv (part status and cleaned lengths) must be reproduced exactly.
 */
class SignatureVectorTest {
    private final Signer signer = new Signer();

    @Test
    void everySignatureRowMatches() {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (String[] row : VectorFiles.tsv("razor.tsv")) {
            expected.computeIfAbsent(row[0], k -> new ArrayList<>())
                    .add(row[1] + " " + row[2] + " " + row[3] + " " + row[4]);
        }
        for (String file : VectorFiles.messageFiles()) expected.putIfAbsent(file, List.of());
        int rows = 0;
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            MessageSignatures sigs = signer.sign(VectorFiles.message(e.getKey()), "7542-10");
            List<String> actual = new ArrayList<>();
            for (PartSignatures p : sigs.parts()) {
                if (p.e4() != null) actual.add("4 " + p.index() + " " + p.e4() + " 7542-10");
                for (String s : p.e8()) actual.add("8 " + p.index() + " " + s + " -");
            }
            if (!actual.equals(e.getValue())) failures.add(e.getKey() + ": expected " + e.getValue() + " got " + actual);
            rows += e.getValue().size();
        }
        assertThat(failures).as("messages whose signatures differ").isEmpty();
        assertThat(rows).isEqualTo(545);
    }

    @Test
    void partStatusAndCleanedLengthsMatch() {
        MailPreparer preparer = new MailPreparer(Signer.DEFAULT_AGENT);
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (String[] row : VectorFiles.tsv("razor-parts.tsv")) {
            expected.computeIfAbsent(row[0], k -> new ArrayList<>()).add(String.join(" ", row).substring(row[0].length() + 1));
        }
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            byte[] bytes = VectorFiles.message(e.getKey());
            MessageSignatures sigs = signer.sign(bytes, "7542-10");
            List<String> parts = preparer.prepare(PerlText.fromBytes(bytes)).parts();
            List<String> actual = new ArrayList<>();
            for (PartSignatures p : sigs.parts()) {
                String part = parts.get(p.index());
                String body = PerlText.splitHeader(part)[1];
                String vr8 = Preprocessors.vr8(part);
                String vr4 = Preprocessors.vr4(part);
                actual.add(p.index() + " " + (p.skipped() ? "skipped" : "signed") + " " + part.length() + " "
                        + len(vr8) + " " + len(vr4) + " " + (p.e4() == null ? 0 : 1) + " " + p.e8().size());
            }
            if (!actual.equals(e.getValue())) failures.add(e.getKey() + ": expected " + e.getValue() + " got " + actual);
        }
        assertThat(failures).isEmpty();
    }

    private static int len(String s) {
        return s == null ? 0 : s.length();
    }
}
