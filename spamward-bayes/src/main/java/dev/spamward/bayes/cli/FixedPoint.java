package dev.spamward.bayes.cli;

/**
 * {@code String.format(Locale.ROOT, "%.6f", v)} without {@link java.util.Formatter}: the formatter's first use
 * initialises the locale providers (several milliseconds of a one-message {@code spamward check}) and costs a
 * microsecond per call in a batch. Same result: the shortest decimal of {@code v} ({@link Double#toString})
 * rounded half-up to six places.
 */
final class FixedPoint {
    private static final int PLACES = 6;

    private FixedPoint() {
    }

    static String sixPlaces(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "Infinity" : "-Infinity";
        boolean negative = Double.doubleToRawLongBits(v) < 0;
        String s = Double.toString(Math.abs(v));
        int e = s.indexOf('E');
        String mantissa = e < 0 ? s : s.substring(0, e);
        int dot = mantissa.indexOf('.');
        String digits = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        // value = 0.<digits> x 10^point; keep the digits up to the sixth place after the decimal point
        int point = dot + (e < 0 ? 0 : Integer.parseInt(s.substring(e + 1)));
        int keep = point + PLACES;
        char[] out = new char[Math.max(keep, 0) + 1]; // one spare leading digit for a carry
        out[0] = '0';
        for (int i = 0; i < keep; i++) out[i + 1] = i < digits.length() ? digits.charAt(i) : '0';
        if (keep >= 0 && keep < digits.length() && digits.charAt(keep) >= '5') {
            int i = keep;
            while (out[i] == '9') out[i--] = '0';
            out[i]++;
        }
        StringBuilder b = new StringBuilder(out.length + 3);
        if (negative) b.append('-');
        int intDigits = out.length - PLACES; // including the spare digit
        int start = 0;
        while (start < intDigits - 1 && out[start] == '0') start++;
        if (intDigits <= 0) {
            b.append('0');
        } else {
            b.append(out, start, intDigits - start);
        }
        b.append('.');
        for (int i = intDigits; i < 0; i++) b.append('0');
        b.append(out, Math.max(intDigits, 0), out.length - Math.max(intDigits, 0));
        return b.toString();
    }
}
