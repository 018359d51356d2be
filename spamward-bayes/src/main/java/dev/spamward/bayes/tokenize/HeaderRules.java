package dev.spamward.bayes.tokenize;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which header fields give tokens, and what part of their value. Fields that carry ids, dates,
 * signatures or other filters' verdicts are skipped: they are unique per message (they only grow the
 * database) or would let the filter learn another filter's opinion.
 */
final class HeaderRules {
    private static final Set<String> SKIPPED = Set.of("date", "message-id", "references", "in-reply-to",
            "resent-date", "resent-message-id", "message-id-hash", "x-message-id-hash", "x-bogosity", "x-gonzo",
            "x-old-gonzo", "thread-index", "x-uidl", "x-original-message-id", "arc-seal", "arc-message-signature",
            "x-ms-exchange-crosstenant-id", "content-length", "lines", "x-ms-has-attach", "status", "x-status",
            "x-keywords", "x-mozilla-status", "x-mozilla-status2", "x-evolution-source");
    private static final Pattern RECEIVED_TAIL = Pattern.compile("(?i)(?:\\s(?:id|for)\\s|;).*$");
    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary\\s*=\\s*(?:\"[^\"]*\"|[^;\\s]*)");

    private HeaderRules() {
    }

    /** True when a field named {@code lowerName} gives no tokens. */
    static boolean skipped(String lowerName) {
        return SKIPPED.contains(lowerName) || lowerName.startsWith("x-spam") || lowerName.endsWith("-date")
                || lowerName.contains("arrivaltime")
                || lowerName.endsWith("dkim-signature") || lowerName.equals("domainkey-signature");
    }

    /**
     * The part of a value that gives tokens: Received keeps the hosts and protocol up to the queue id
     * (the id, recipient and date are unique per message); Content-Type loses its boundary value.
     */
    static String usefulValue(String lowerName, String value) {
        return switch (lowerName) {
            case "received" -> receivedHead(value);
            case "content-type" -> BOUNDARY.matcher(value).replaceAll("boundary");
            default -> value;
        };
    }

    /**
     * A Received value without its tail: what {@code RECEIVED_TAIL.matcher(value).replaceFirst("")} gives,
     * by a hand-written scan (the regular expression, tried at every position, was a large part of
     * header tokenizing). Values with line terminators, where {@code .*$} may not reach the end, still
     * take the regular expression.
     */
    static String receivedHead(String value) {
        int n = value.length();
        int cut = -1;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return RECEIVED_TAIL.matcher(value).replaceFirst("");
            }
            if (cut < 0 && (c == ';' || (blank(c) && (idOrFor(value, i + 1, "id") || idOrFor(value, i + 1, "for"))))) cut = i;
        }
        return cut < 0 ? value : value.substring(0, cut);
    }

    /** True when {@code word} (lower case) starts at {@code at}, in any ASCII case, followed by a blank. */
    private static boolean idOrFor(String s, int at, String word) {
        int end = at + word.length();
        if (end >= s.length() || !blank(s.charAt(end))) return false;
        for (int k = 0; k < word.length(); k++) {
            if ((s.charAt(at + k) | 0x20) != word.charAt(k)) return false;
        }
        return true;
    }

    /** The regex {@code \s} without line terminators. */
    private static boolean blank(char c) {
        return c == ' ' || c == '\t' || c == '\u000B' || c == '\f';
    }

    static String lower(String name) {
        return AsciiText.toLowerCase(name.strip());
    }
}
