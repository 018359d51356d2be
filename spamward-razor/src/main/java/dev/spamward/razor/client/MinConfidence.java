package dev.spamward.razor.client;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agents' {@code min_cf}: {@code ac} (the server's average confidence), {@code ac+N}, {@code ac-N} or a
 * number N; whitespace is ignored and the result is clamped to 0..100.
 *
 * @param text the setting as written
 */
public record MinConfidence(String text) {
    private static final Pattern FORM = Pattern.compile("ac(?:([+-])(\\d{1,9}))?|(\\d{1,9})");

    public MinConfidence {
        if (!FORM.matcher(text.replaceAll("\\s", "")).matches()) {
            throw new IllegalArgumentException("expected ac, ac+N, ac-N or a number N");
        }
    }

    /** Parses a setting; throws {@link IllegalArgumentException} naming the accepted forms. */
    public static MinConfidence parse(String text) {
        return new MinConfidence(text);
    }

    /** The threshold for a server whose average confidence is {@code ac}. */
    public long resolve(long ac) {
        Matcher m = FORM.matcher(text.replaceAll("\\s", ""));
        if (!m.matches()) return clamp(ac);
        long cf;
        if (m.group(3) != null) cf = Long.parseLong(m.group(3));
        else if (m.group(1) == null) cf = ac;
        else cf = m.group(1).equals("+") ? ac + Long.parseLong(m.group(2)) : ac - Long.parseLong(m.group(2));
        return clamp(cf);
    }

    private static long clamp(long v) {
        return Math.max(0, Math.min(100, v));
    }
}
