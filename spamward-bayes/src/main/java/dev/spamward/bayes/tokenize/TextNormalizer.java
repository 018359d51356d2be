package dev.spamward.bayes.tokenize;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Unicode clean-up before word splitting: NFKC (full-width letters, ligatures and compatibility forms
 * become plain letters), removal of characters a reader cannot see but that split or disguise words
 * (soft hyphen, zero-width space/joiners, word joiner, BOM, bidi controls), then case folding.
 */
final class TextNormalizer {

    private TextNormalizer() {
    }

    /** True for characters removed before splitting. */
    static boolean invisible(int c) {
        return c == 0x00AD || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2060 && c <= 0x2064) || c == 0xFEFF || c == 0x034F || c == 0x180E;
    }

    /** The normalised text and whether invisible characters were removed. */
    record Result(String text, boolean hadInvisible) {
    }

    static Result normalize(String s, boolean foldCase) {
        boolean invisible = false;
        boolean ascii = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                ascii = false;
                if (invisible(c)) {
                    invisible = true;
                    break;
                }
            }
        }
        if (ascii) return new Result(foldCase ? s.toLowerCase(Locale.ROOT) : s, false); // ASCII is already NFKC
        if (invisible) {
            StringBuilder b = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (!invisible(c)) b.append(c);
            }
            s = b.toString();
        }
        if (!Normalizer.isNormalized(s, Normalizer.Form.NFKC)) s = Normalizer.normalize(s, Normalizer.Form.NFKC);
        if (foldCase) s = s.toLowerCase(Locale.ROOT);
        return new Result(s, invisible);
    }
}
