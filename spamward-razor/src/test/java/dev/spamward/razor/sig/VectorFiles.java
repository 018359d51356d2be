package dev.spamward.razor.sig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the reference vectors copied from shared/vectors into the test resources. */
public final class VectorFiles {
    private VectorFiles() {
    }

    public static byte[] message(String file) {
        return resource("/dev/spamward/razor/vectors/messages/" + file);
    }

    public static byte[] resource(String path) {
        try (InputStream in = VectorFiles.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing test resource " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of a TSV vector file without its header row. */
    public static List<String[]> tsv(String name) {
        String text = new String(resource("/dev/spamward/razor/vectors/" + name), StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isEmpty()) rows.add(lines[i].split("\t", -1));
        }
        return rows;
    }

    /** All message file names, sorted. */
    public static List<String> messageFiles() {
        List<String> files = new ArrayList<>();
        for (String[] row : tsv("razor-parts.tsv")) if (!files.contains(row[0])) files.add(row[0]);
        return files;
    }
}
