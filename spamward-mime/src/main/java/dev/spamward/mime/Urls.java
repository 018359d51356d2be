package dev.spamward.mime;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds URLs written in plain text ({@code http://}, {@code https://}, {@code ftp://}, {@code www.}). */
final class Urls {
    private static final Pattern URL = Pattern.compile(
            "(?i)(?:(?:https?|ftp)://[^\\s<>\"'`\\x00-\\x1f\\x7f]+|\\bwww\\.[a-z0-9-]+(?:\\.[a-z0-9-]+)+[^\\s<>\"'`\\x00-\\x1f\\x7f]*)");

    private Urls() {
    }

    /** Adds the URLs found in {@code text} to {@code out} until it holds {@code max}. */
    static void find(String text, Collection<String> out, int max) {
        if (text == null || out.size() >= max || !mayContainUrl(text)) return;
        Matcher m = URL.matcher(text);
        while (m.find() && out.size() < max) {
            String u = trimTrailing(m.group());
            if (u.length() > 7) out.add(u);
        }
    }

    private static boolean mayContainUrl(String text) {
        return text.contains("://") || text.regionMatches(true, 0, "www.", 0, 4) || containsIgnoreCase(text, "www.");
    }

    private static boolean containsIgnoreCase(String text, String needle) {
        int n = needle.length();
        for (int i = 0; i + n <= text.length(); i++) {
            if (text.regionMatches(true, i, needle, 0, n)) return true;
        }
        return false;
    }

    /** Sentence punctuation after a URL is not part of it. */
    private static String trimTrailing(String u) {
        int end = u.length();
        while (end > 0 && ".,;:!?)]}'\">".indexOf(u.charAt(end - 1)) >= 0) end--;
        return u.substring(0, end);
    }
}
