package dev.spamward.drp.dispatch;

/** The little JSON this service writes: gozer's compact form (no spaces, no trailing newline). */
public final class Json {
    private Json() {
    }

    /** {@code s} as a JSON string literal (see {@link dev.spamward.core.json.JsonText#quote}). */
    public static String quote(String s) {
        return dev.spamward.core.json.JsonText.quote(s);
    }

    /** {@code {"error":"<text>"}}. */
    public static String error(String text) {
        return "{\"error\":" + quote(text) + "}";
    }
}
