package dev.spamward.drp.backend;

import java.util.Locale;

/** The DCC verdict as gozer reports it in {@code dcc.action}. */
public enum DccAction {
    /** The body count reached the reject threshold (bulk). */
    REJECT,
    /** A server answered and the message is not bulk (or is white-listed). */
    ACCEPT,
    /** No decision: low counts, or (as the safe default) no usable answer. */
    UNKNOWN;

    /** The JSON value: {@code reject}, {@code accept} or {@code unknown}. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
