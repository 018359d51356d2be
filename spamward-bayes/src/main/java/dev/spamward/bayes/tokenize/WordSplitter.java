package dev.spamward.bayes.tokenize;

import java.util.function.Consumer;

/**
 * Splits normalised text into words. A word is a run of letters, digits, combining marks and the
 * connectors {@code - ' . _ @ & $ € £ ¥ ! %}; connectors other than currency signs are trimmed from both
 * ends ({@code "offer,"} and {@code "offer."} are {@code offer}; {@code bob@example.org} and {@code 4.99}
 * stay whole). Ideographic scripts, written without spaces, give overlapping character pairs. Lengths
 * are counted in characters (code points), not bytes: shorter than {@code min} is dropped, longer than
 * {@code max} becomes {@code long:} plus its first 12 characters. The text's end flushes the last word.
 */
final class WordSplitter {
    private static final String CONNECTORS = "-'._@&!%";
    private static final String CURRENCY = "$€£¥";

    /** ASCII character classes: not part of a word, part of a word (a capital or not), or a connector (trimmed at the ends). */
    private static final byte OTHER = 0;
    private static final byte WORD = 1;
    private static final byte CAPITAL = 2;
    private static final byte CONNECTOR = 3;
    private static final byte[] ASCII_CLASS = asciiClasses();

    private final int min;
    private final int max;

    WordSplitter(int min, int max) {
        this.min = min;
        this.max = max;
    }

    private static byte[] asciiClasses() {
        byte[] t = new byte[0x80];
        for (int c = 0; c < 0x80; c++) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '$') t[c] = WORD;
            else if (c >= 'A' && c <= 'Z') t[c] = CAPITAL;
            else if (CONNECTORS.indexOf(c) >= 0) t[c] = CONNECTOR;
        }
        return t;
    }

    private static boolean connector(char c) {
        return c < 0x80 && ASCII_CLASS[c] == CONNECTOR;
    }

    private static boolean ideographic(int cp) {
        if (cp < 0x0E00) return false; // fast path: Latin, Greek, Cyrillic, Hebrew, Arabic, Indic scripts
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.THAI
                || s == Character.UnicodeScript.LAO || s == Character.UnicodeScript.KHMER
                || s == Character.UnicodeScript.MYANMAR;
    }

    private static boolean constituent(int cp) {
        if (cp < 0x80) return ASCII_CLASS[cp] != OTHER;
        if (Character.isLetterOrDigit(cp)) return true;
        int t = Character.getType(cp);
        if (t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK) return true;
        return cp < 0x10000 && (CONNECTORS.indexOf(cp) >= 0 || CURRENCY.indexOf(cp) >= 0);
    }

    /** Emits every word of {@code text} to {@code out}. */
    void split(String text, Consumer<String> out) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = codePointAt(text, i);
            if (ideographic(cp)) {
                int start = i;
                while (i < n) {
                    int c = codePointAt(text, i);
                    if (!ideographic(c) && Character.getType(c) != Character.NON_SPACING_MARK) break;
                    i += Character.charCount(c);
                }
                emitIdeographic(text.substring(start, i), out);
                continue;
            }
            if (!constituent(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n) {
                int c = codePointAt(text, i);
                if (!constituent(c) || ideographic(c)) break;
                i += Character.charCount(c);
            }
            emit(text, start, i, out);
        }
    }

    /** {@code s.codePointAt(i)} with the common case, no surrogate, inline. */
    private static int codePointAt(String s, int i) {
        char c = s.charAt(i);
        return Character.isSurrogate(c) ? s.codePointAt(i) : c;
    }

    private void emit(String text, int start, int end, Consumer<String> out) {
        while (start < end && connector(text.charAt(start))) start++;
        while (end > start && connector(text.charAt(end - 1)) && text.charAt(end - 1) != '!') end--;
        if (start >= end) return;
        String w = text.substring(start, end);
        int len = w.codePointCount(0, w.length());
        if (len < min) return;
        if (len > max) {
            out.accept("long:" + w.substring(0, w.offsetByCodePoints(0, 12)));
            return;
        }
        out.accept(w);
    }

    /**
     * Emits every word of ASCII text given as bytes ({@link AsciiText#bytesIfAscii}): the same words as
     * {@link #split} gives for the same text, without its per-character Unicode lookups. With
     * {@code fold} the words' capitals are lower-cased, in place, in the same pass.
     */
    void splitAscii(byte[] text, boolean fold, Consumer<String> out) {
        int n = text.length;
        int i = 0;
        while (i < n) {
            while (i < n && ASCII_CLASS[text[i]] == OTHER) i++;
            int start = i;
            for (byte k; i < n && (k = ASCII_CLASS[text[i]]) != OTHER; i++) {
                if (k == CAPITAL && fold) text[i] += 'a' - 'A';
            }
            if (start < i) emitAscii(text, start, i, out);
        }
    }

    private void emitAscii(byte[] text, int start, int end, Consumer<String> out) {
        while (start < end && ASCII_CLASS[text[start]] == CONNECTOR) start++;
        while (end > start && ASCII_CLASS[text[end - 1]] == CONNECTOR && text[end - 1] != '!') end--;
        int len = end - start;
        if (len == 0 || len < min) return;
        if (len > max) {
            out.accept("long:" + AsciiText.latin1(text, start, start + 12));
            return;
        }
        out.accept(AsciiText.latin1(text, start, end));
    }

    /** Overlapping pairs of characters (a single character alone). */
    private static void emitIdeographic(String run, Consumer<String> out) {
        int[] cps = run.codePoints().toArray();
        if (cps.length == 1) {
            out.accept(run);
            return;
        }
        for (int k = 0; k + 1 < cps.length; k++) out.accept(new String(cps, k, 2));
    }
}
