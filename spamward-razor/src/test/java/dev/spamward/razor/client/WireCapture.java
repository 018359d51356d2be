package dev.spamward.razor.client;

import dev.spamward.razor.sig.VectorFiles;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the client bytes of one TCP connection from a shared/vectors/wire/razor capture text. */
final class WireCapture {
    private WireCapture() {
    }

    /** Everything the real agent sent on connection {@code index}, concatenated (ISO-8859-1). */
    static String clientBytes(String file, int index) {
        String text = new String(VectorFiles.resource("/dev/spamward/razor/wire/" + file), StandardCharsets.ISO_8859_1);
        List<ByteArrayOutputStream> conns = new ArrayList<>();
        ByteArrayOutputStream cur = null;
        boolean clientFrame = false;
        boolean inHex = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("=== TCP connection")) {
                cur = new ByteArrayOutputStream();
                conns.add(cur);
                inHex = false;
            } else if (line.startsWith("--- C>S")) {
                clientFrame = true;
                inHex = false;
            } else if (line.startsWith("--- S>C")) {
                clientFrame = false;
                inHex = false;
            } else if (line.startsWith("--- hex:")) {
                inHex = true;
            } else if (line.startsWith("Agent debug log")) {
                break;
            } else if (inHex && clientFrame && cur != null && line.matches("  [0-9a-f]{4}  .*")) {
                String hex = line.substring(8, Math.min(line.length(), 8 + 16 * 3));
                for (String h : hex.trim().split("\\s+")) {
                    if (h.matches("[0-9a-f]{2}")) cur.write(Integer.parseInt(h, 16));
                }
            } else if (!line.startsWith("  ")) {
                inHex = false;
            }
        }
        return conns.get(index).toString(StandardCharsets.ISO_8859_1);
    }
}
