package dev.spamward.razor.wire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request batching as the agents do it ({@code Razor2::String::to_batched_query} in "novar" mode): one query is
 * a plain SIS line; several become {@code "-" + makesis(q1)}, then {@code makesis_nue} lines, then {@code .\r\n},
 * a new batch starting after {@code bql} lines or once the text exceeds {@code bqs} KiB. A query with a
 * {@code message} is its own batch, {@code -...&message=*\r\n<message>\r\n.\r\n}, without dot-stuffing.
 */
public final class Batches {
    private Batches() {
    }

    /**
     * Encodes {@code queries} in order into the texts to send, one response expected per text.
     *
     * @param bql maximum lines per batch (0: no limit)
     * @param bqs maximum batch size in KiB (0: no limit)
     */
    public static List<String> encode(List<Map<String, String>> queries, int bql, int bqs) {
        List<String> out = new ArrayList<>();
        Map<String, String> last = null;
        StringBuilder line = null;
        int count = 0;
        for (Map<String, String> cur : queries) {
            if (cur.containsKey("message")) {
                Map<String, String> rest = new LinkedHashMap<>(cur);
                String message = rest.remove("message");
                String head = "-" + Sis.make(rest);
                out.add(head.substring(0, head.length() - 2) + "&message=*\r\n" + message + "\r\n.\r\n");
                continue;
            }
            if (last == null) {
                last = cur;
                continue;
            }
            if (line == null) {
                line = new StringBuilder("-").append(Sis.make(last)).append(Sis.makeUnescaped(cur));
                count = 2;
                continue;
            }
            if ((bqs > 0 && line.length() > bqs * 1024L) || (bql > 0 && count >= bql)) {
                out.add(line.append(".\r\n").toString());
                line = null;
                last = cur;
            } else {
                line.append(Sis.makeUnescaped(cur));
                count++;
            }
        }
        if (line != null) {
            out.add(line.append(".\r\n").toString());
        } else if (last != null) {
            out.add(Sis.make(last));
        }
        return out;
    }

    /** How many responses a text from {@link #encode} yields (its query count). */
    public static int queryCount(String request) {
        if (!request.startsWith("-") || request.contains("&message=*\r\n")) return 1;
        int lines = 0;
        for (int i = request.indexOf("\r\n"); i >= 0; i = request.indexOf("\r\n", i + 2)) lines++;
        return lines - 1; // the final ".\r\n"
    }
}
