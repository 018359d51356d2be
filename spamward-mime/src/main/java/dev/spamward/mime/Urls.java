package dev.spamward.mime;

import java.util.Collection;

/**
 * Finds URLs written in plain text: {@code scheme://...} for http, https and ftp, and bare
 * {@code www.host...}. A hand-written scan anchored on "://" and "www." runs many times faster than a
 * case-insensitive regular expression tried at every position.
 */
final class Urls {

    private Urls() {
    }

    /** Adds the URLs found in {@code text} to {@code out}, in text order, until it holds {@code max}. */
    static void find(String text, Collection<String> out, int max) {
        if (text == null) return;
        int n = text.length();
        int i = 0;
        while (i < n && out.size() < max) {
            int colon = text.indexOf("://", i);
            int www = indexOfWww(text, i, colon < 0 ? n : colon);
            if (www >= 0) {
                i = take(text, www, www, out);
                continue;
            }
            if (colon < 0) return;
            int start = colon;
            while (start > 0 && Character.isLetter(text.charAt(start - 1)) && colon - start < 6) start--;
            String scheme = text.substring(start, colon);
            if (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("ftp")) {
                i = take(text, start, colon + 3, out);
            } else {
                i = colon + 3;
            }
        }
    }

    /** Position of a "www." that starts a word, in [from, to), or -1. */
    private static int indexOfWww(String text, int from, int to) {
        for (int i = text.indexOf('.', from); i >= 0 && i < to; i = text.indexOf('.', i + 1)) {
            int w = i - 3;
            if (w >= from && (text.charAt(w) | 0x20) == 'w' && (text.charAt(w + 1) | 0x20) == 'w'
                    && (text.charAt(w + 2) | 0x20) == 'w' && (w == 0 || !isWordChar(text.charAt(w - 1)))
                    && i + 1 < text.length() && isHostChar(text.charAt(i + 1))) {
                return w;
            }
        }
        return -1;
    }

    /** Adds the URL starting at {@code start} (its body after {@code bodyFrom}); returns where to go on. */
    private static int take(String text, int start, int bodyFrom, Collection<String> out) {
        int end = bodyFrom;
        int n = text.length();
        while (end < n && isUrlChar(text.charAt(end))) end++;
        // Sentence punctuation after a URL is not part of it.
        while (end > bodyFrom && ".,;:!?)]}'\">".indexOf(text.charAt(end - 1)) >= 0) end--;
        if (end - bodyFrom >= 3) out.add(text.substring(start, end));
        return Math.max(end, bodyFrom + 1);
    }

    private static boolean isUrlChar(char c) {
        return c > ' ' && c != '<' && c != '>' && c != '"' && c != '\'' && c != '`' && c != 0x7f
                && !Character.isWhitespace(c) && !Character.isSpaceChar(c);
    }

    private static boolean isHostChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-';
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
