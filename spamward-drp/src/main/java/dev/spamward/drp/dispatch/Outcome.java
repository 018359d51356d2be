package dev.spamward.drp.dispatch;

/**
 * What one network contributed to one request.
 *
 * @param value  the answer, or the network's safe default when it failed
 * @param ok     true when the backend answered (authoritatively)
 * @param nanos  how long the call took (until the answer, the failure or the deadline)
 * @param error  a short reason when not ok ({@code timeout}, an exception class and message); else null
 * @param <T>    the answer type
 */
public record Outcome<T>(T value, boolean ok, long nanos, String error) {

    /** An authoritative answer. */
    public static <T> Outcome<T> ok(T value, long nanos) {
        return new Outcome<>(value, true, nanos, null);
    }

    /** A failure: the safe default with the reason. */
    public static <T> Outcome<T> failed(T fallback, long nanos, String error) {
        return new Outcome<>(fallback, false, nanos, error);
    }

    /** Milliseconds with one decimal, for the extra timing keys. */
    public String millis() {
        long tenths = Math.round(nanos / 100_000.0);
        return (tenths / 10) + "." + (tenths % 10);
    }
}
