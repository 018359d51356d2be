package dev.spamward.bayes.tokenize;

import java.util.Locale;
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
            case "received" -> RECEIVED_TAIL.matcher(value).replaceFirst("");
            case "content-type" -> BOUNDARY.matcher(value).replaceAll("boundary");
            default -> value;
        };
    }

    static String lower(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
