package dev.spamward.dcc.checksum;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The reference vectors copied from shared/vectors: dcc.tsv rows, the Fuz1 caveat list and the messages. */
final class VectorData {
    record Row(String file, CkType type, String hex, String version) {
    }

    static final String DIR = "/dev/spamward/dcc/vectors/";

    private VectorData() {
    }

    static byte[] resource(String path) {
        try (InputStream in = VectorData.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing test resource " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] message(String file) {
        return resource(DIR + "messages/" + file);
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        String[] lines = new String(resource(DIR + "dcc.tsv"), StandardCharsets.UTF_8).split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split("\t");
            if (f.length != 4) continue;
            rows.add(new Row(f[0], CkType.ofLabel(f[1]), f[2], f[3].trim()));
        }
        return rows;
    }

    /** Files whose 1.3.158 Fuz1 probably differs from 2.3.x (dcc-fuz1-port-differs.tsv). */
    static Set<String> fuz1Differs() {
        Set<String> s = new LinkedHashSet<>();
        String[] lines = new String(resource(DIR + "dcc-fuz1-port-differs.tsv"), StandardCharsets.UTF_8).split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split("\t");
            if (f.length >= 1 && !f[0].isBlank()) s.add(f[0]);
        }
        return s;
    }

    /** All message file names in messages.tsv order of appearance in dcc.tsv plus those without rows. */
    static List<String> messageFiles() {
        Map<String, Boolean> m = new LinkedHashMap<>();
        String[] lines = new String(resource(DIR + "messages.tsv"), StandardCharsets.UTF_8).split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split("\t");
            if (f.length > 0 && !f[0].isBlank()) m.put(f[0], true);
        }
        return new ArrayList<>(m.keySet());
    }
}
