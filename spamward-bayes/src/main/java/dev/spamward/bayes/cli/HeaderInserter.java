package dev.spamward.bayes.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Adds header fields at the end of a message's header section without touching any other byte: the new
 * lines use the message's own line ending (CRLF when the header section uses it) and go just before the
 * empty line that ends the header section (at the end when there is none). Existing fields named like the
 * added ones are renamed {@code X-Spamward-Old-...} (as gonzofilter renames {@code X-gonzo}) so that a
 * sender cannot forge a verdict.
 */
final class HeaderInserter {
    static final String PREFIX = "X-Spamward-";

    private HeaderInserter() {
    }

    static byte[] insert(byte[] msg, List<String> fields) {
        int end = headerEnd(msg);
        boolean crlf = usesCrlf(msg, end);
        String eol = crlf ? "\r\n" : "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream(msg.length + 256);
        // Copy the header section, renaming forged X-Spamward- fields at line starts.
        int lineStart = 0;
        for (int i = 0; i < end; i++) {
            if (i == lineStart && regionMatchesIgnoreCase(msg, i, PREFIX) && !regionMatchesIgnoreCase(msg, i, PREFIX + "Old-")) {
                out.writeBytes((PREFIX + "Old-").getBytes(StandardCharsets.US_ASCII));
                i += PREFIX.length() - 1;
                continue;
            }
            out.write(msg[i]);
            if (msg[i] == '\n') lineStart = i + 1;
        }
        if (end > 0 && msg[end - 1] != '\n') out.writeBytes(eol.getBytes(StandardCharsets.US_ASCII));
        for (String f : fields) out.writeBytes((f + eol).getBytes(StandardCharsets.UTF_8));
        out.write(msg, end, msg.length - end);
        return out.toByteArray();
    }

    /** Index just after the last header line's line end (the start of the empty line), or the length. */
    static int headerEnd(byte[] m) {
        int i = 0;
        // an mbox "From " first line belongs to the header section's copy
        while (i < m.length) {
            int lineEnd = i;
            while (lineEnd < m.length && m[lineEnd] != '\n') lineEnd++;
            boolean empty = lineEnd == i || (lineEnd == i + 1 && m[i] == '\r');
            if (empty) return i;
            i = lineEnd + 1;
        }
        return m.length;
    }

    private static boolean usesCrlf(byte[] m, int end) {
        for (int i = 0; i < Math.min(end, m.length); i++) {
            if (m[i] == '\n') return i > 0 && m[i - 1] == '\r';
        }
        return false;
    }

    private static boolean regionMatchesIgnoreCase(byte[] m, int at, String s) {
        if (at + s.length() > m.length) return false;
        for (int k = 0; k < s.length(); k++) {
            if (Character.toLowerCase((char) (m[at + k] & 0xff)) != Character.toLowerCase(s.charAt(k))) return false;
        }
        return true;
    }
}
