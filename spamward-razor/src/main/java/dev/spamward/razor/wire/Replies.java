package dev.spamward.razor.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses a server reply into its responses ({@code from_batched_query} after the agents strip {@code .\r\n}):
 * a reply starting with {@code -} that has further lines is a batch, one response per CRLF line; anything else
 * is one SIS line. Tolerant: a single reply written as {@code -k=v\r\n.\r\n} gives one response without the
 * dash (Perl would read a key {@code -k}). Never throws.
 */
public final class Replies {
    private Replies() {
    }

    /** The responses of one reply text, in order. */
    public static List<Map<String, String>> parse(String reply) {
        String text = reply;
        if (text.endsWith(".\r\n")) text = text.substring(0, text.length() - 3);
        List<Map<String, String>> out = new ArrayList<>();
        int eol = text.indexOf("\r\n");
        if (text.startsWith("-") && eol >= 0) {
            String first = text.substring(1, eol);
            String rest = text.substring(eol + 2);
            out.add(Sis.parse(first));
            for (String line : splitCrlf(rest)) {
                out.add(Sis.parse(line));
            }
            return out;
        }
        out.add(Sis.parse(text.startsWith("-") ? text.substring(1) : text));
        return out;
    }

    /** Perl {@code split /\r\n/}: trailing empty fields dropped. */
    private static List<String> splitCrlf(String s) {
        List<String> out = new ArrayList<>();
        int from = 0;
        while (true) {
            int at = s.indexOf("\r\n", from);
            if (at < 0) {
                out.add(s.substring(from));
                break;
            }
            out.add(s.substring(from, at));
            from = at + 2;
        }
        int n = out.size();
        while (n > 0 && out.get(n - 1).isEmpty()) n--;
        return out.subList(0, n);
    }
}
