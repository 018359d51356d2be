package dev.spamward.pyzor.digest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Reads the tab-separated data tables made from Python (see tools/) that sit next to these classes. */
final class PyResources {
    private PyResources() {
    }

    /** Calls {@code row} with the tab-separated fields of every line of {@code resource}. */
    static void rows(String resource, Consumer<String[]> row) {
        try (InputStream in = PyResources.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isEmpty()) row.accept(line.split("\t", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
