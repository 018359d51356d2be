package dev.spamward.pyzor.digest;

import java.util.ArrayList;
import java.util.List;

/**
 * Python 3 {@code str} semantics the digest depends on: {@code isspace()} (which, unlike Java's {@code \s},
 * includes NBSP, U+2000..U+200A, U+3000 and the separators 0x1C..0x1F), {@code strip()} and
 * {@code splitlines()}. Strings here may hold "surrogate-escaped" bytes (U+DC80..U+DCFF) the way Python's
 * {@code email} package keeps undecoded 8-bit bytes; those are never whitespace.
 */
final class PyText {
    private PyText() {
    }

    /** Python's {@code str.isspace()} for one code point (Unicode 14, as Python 3.11). */
    static boolean isSpace(int c) {
        if (c <= 0x20) return c == 0x20 || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
        if (c < 0x85) return false;
        return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028
                || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
    }

    /** The characters Python's {@code str.splitlines()} breaks on (besides the pair CR LF). */
    static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x1C || c == 0x1D || c == 0x1E
                || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    /** Python's {@code str.strip()} with no argument. */
    static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) start++;
        while (end > start && isSpace(s.charAt(end - 1))) end--;
        return s.substring(start, end);
    }

    /** Python's {@code str.rstrip()} with no argument. */
    static String rstrip(String s) {
        int end = s.length();
        while (end > 0 && isSpace(s.charAt(end - 1))) end--;
        return s.substring(0, end);
    }

    /** Python's {@code str.splitlines()} (no line ends kept; no trailing empty line for a final break). */
    static List<String> splitLines(String s) {
        List<String> lines = new ArrayList<>();
        int n = s.length();
        int start = 0;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (isLineBreak(c)) {
                lines.add(s.substring(start, i));
                i += (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') ? 2 : 1;
                start = i;
            } else {
                i++;
            }
        }
        if (start < n) lines.add(s.substring(start));
        return lines;
    }

    /** True when {@code s} has only code points below 128 (Python's {@code s.encode('ascii')} succeeds). */
    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) return false;
        }
        return true;
    }

    /** Python's {@code str.lower()} restricted to what header and tag names need (ASCII letters). */
    static String lowerAscii(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (b == null) b = new StringBuilder(s);
                b.setCharAt(i, (char) (c + 32));
            }
        }
        return b == null ? s : b.toString();
    }
}
