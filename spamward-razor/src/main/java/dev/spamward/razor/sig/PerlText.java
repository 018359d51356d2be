package dev.spamward.razor.sig;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Small pieces of Perl string semantics the Razor2 code relies on. Text is held as a Java string whose
 * characters are the message bytes (ISO-8859-1), which is how Perl sees a byte string.
 */
final class PerlText {
    private PerlText() {
    }

    static String fromBytes(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    static byte[] toBytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Perl truth of a string: {@code undef}, {@code ""} and {@code "0"} are false. */
    static boolean isTrue(String s) {
        return s != null && !s.isEmpty() && !s.equals("0");
    }

    /** Perl {@code \s} on a byte string (ASCII whitespace including vertical tab). */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }

    /** Whether {@code s} has a character that is not Perl whitespace ({@code /\S/}). */
    static boolean hasNonSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isSpace(s.charAt(i))) return true;
        }
        return false;
    }

    /** Index of the first {@code \n\r*\n} at or after {@code from}, or -1; {@code end[0]} gets the match end. */
    static int blankLine(String s, int from, int[] end) {
        int i = s.indexOf('\n', from);
        while (i >= 0) {
            int j = i + 1;
            while (j < s.length() && s.charAt(j) == '\r') j++;
            if (j < s.length() && s.charAt(j) == '\n') {
                end[0] = j + 1;
                return i;
            }
            i = s.indexOf('\n', i + 1);
        }
        return -1;
    }

    /**
     * Perl {@code split /\n\r*\n/, $text, 2}: {@code [header, body]}; body is {@code null} when there is no
     * blank line.
     */
    static String[] splitHeader(String s) {
        int[] end = new int[1];
        int at = blankLine(s, 0, end);
        if (at < 0) return new String[] {s, null};
        return new String[] {s.substring(0, at), s.substring(end[0])};
    }

    /**
     * Perl {@code split /REGEX/, $text}: trailing empty fields dropped; a zero-width match never splits at the
     * start of the text or right after the previous separator (so a pattern matching empty splits characters).
     */
    static List<String> split(String s, java.util.regex.Pattern p) {
        List<String> out = new ArrayList<>();
        if (s.isEmpty()) return out;
        java.util.regex.Matcher m = p.matcher(s);
        int from = 0;
        int search = 0;
        while (search <= s.length() && m.find(search)) {
            int st = m.start();
            int en = m.end();
            if (en == st && (st == 0 || st == from || st == s.length())) {
                search = st + 1;
                continue;
            }
            out.add(s.substring(from, st));
            from = en;
            search = en == st ? en + 1 : en;
        }
        out.add(s.substring(from));
        int n = out.size();
        while (n > 0 && out.get(n - 1).isEmpty()) n--;
        return new ArrayList<>(out.subList(0, n));
    }

    /** Perl {@code split /SEP/, $text} for a literal separator: trailing empty fields are dropped. */
    static List<String> split(String s, String sep) {
        List<String> out = new ArrayList<>();
        if (s.isEmpty()) return out;
        if (sep.isEmpty()) {
            for (int i = 0; i < s.length(); i++) out.add(String.valueOf(s.charAt(i)));
            return out;
        }
        int from = 0;
        while (true) {
            int at = s.indexOf(sep, from);
            if (at < 0) break;
            out.add(s.substring(from, at));
            from = at + sep.length();
        }
        out.add(s.substring(from));
        int n = out.size();
        while (n > 0 && out.get(n - 1).isEmpty()) n--;
        return new ArrayList<>(out.subList(0, n));
    }
}
