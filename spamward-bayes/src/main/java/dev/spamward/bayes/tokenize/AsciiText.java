package dev.spamward.bayes.tokenize;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Fast paths for ASCII text, which is most of mail. Batch runs use only the C1 compiler, which inlines
 * little and has none of the vectorised string intrinsics; a loop over a byte array with table lookups
 * is several times cheaper there than {@code charAt}, {@code Character.getType} and
 * {@code String.toLowerCase} per character.
 */
final class AsciiText {

    private AsciiText() {
    }

    /**
     * The characters of {@code s} as bytes when all are ASCII, else null. The copy is the caller's to
     * modify (e.g. to fold case in place).
     */
    static byte[] bytesIfAscii(String s) {
        // ISO-8859-1 bytes are a plain copy for Latin-1 strings; characters beyond Latin-1 become '?'
        // (a surrogate pair one '?', so the length changes), hence the check of each '?'.
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        if (b.length != s.length()) return null;
        for (int i = 0; i < b.length; i++) {
            byte c = b[i];
            if (c < 0 || (c == '?' && s.charAt(i) != '?')) return null;
        }
        return b;
    }

    /** Folds the ASCII capitals of {@code b} to lower case, in place. */
    static void foldInPlace(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            int c = b[i];
            if (c >= 'A' && c <= 'Z') b[i] = (byte) (c + ('a' - 'A'));
        }
    }

    /** {@code s.toLowerCase(Locale.ROOT)}, without the per-character Unicode lookups when {@code s} is ASCII. */
    static String toLowerCase(String s) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c >= 0x80) return s.toLowerCase(Locale.ROOT);
            if (c >= 'A' && c <= 'Z') break;
            i++;
        }
        if (i == n) return s;
        byte[] b = bytesIfAscii(s);
        if (b == null) return s.toLowerCase(Locale.ROOT);
        foldInPlace(b);
        return latin1(b, 0, n);
    }

    /** A string of the Latin-1 bytes {@code b[from, to)} (a plain copy). */
    static String latin1(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
