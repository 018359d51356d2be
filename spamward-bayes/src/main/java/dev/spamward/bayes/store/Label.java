package dev.spamward.bayes.store;

import java.util.Locale;

/** The two classes a message is learned as. */
public enum Label {
    HAM, SPAM;

    /** The other class. */
    public Label other() {
        return this == HAM ? SPAM : HAM;
    }

    /** Lower-case name used in text formats and output ({@code ham}, {@code spam}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code ham}/{@code spam} (any case), or throws {@link IllegalArgumentException}. */
    public static Label parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "ham", "good", "innocent" -> HAM;
            case "spam", "bad" -> SPAM;
            default -> throw new IllegalArgumentException("not a class: '" + s + "' (ham or spam)");
        };
    }
}
