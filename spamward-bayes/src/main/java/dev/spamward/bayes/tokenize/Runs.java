package dev.spamward.bayes.tokenize;

/**
 * The runs of characters between separators, found by a scan: what a regex split on a separator class
 * with {@code +} gives, less the empty strings (which no caller uses).
 */
final class Runs {

    /** Which characters separate runs. */
    interface Separator {
        boolean test(char c);
    }

    /** Receives one run, {@code s[start, end)}; returns false to stop. */
    interface Visitor {
        boolean visit(int start, int end);
    }

    private Runs() {
    }

    /** Visits the non-empty runs of {@code s} in order, until the visitor says stop. */
    static void forEach(String s, Separator separator, Visitor visitor) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            while (i < n && separator.test(s.charAt(i))) i++;
            int start = i;
            while (i < n && !separator.test(s.charAt(i))) i++;
            if (start < i && !visitor.visit(start, i)) return;
        }
    }
}
