package dev.spamward.greylist.check;

/**
 * What one check found.
 *
 * @param kind   NONE (nothing), SUSPICIOUS (adds weight), BLOCK (final reject), PASS (final trust)
 * @param weight weight added (SUSPICIOUS)
 * @param label  what fired, for the log and metrics ({@code dnsbl.test}, {@code helo:mismatch})
 * @param text   reject text for BLOCK (e.g. the SPF explanation), else ""
 */
public record CheckResult(Kind kind, int weight, String label, String text) {

    /** Result classes, in grossd's order of precedence: PASS beats BLOCK beats SUSPICIOUS. */
    public enum Kind { NONE, SUSPICIOUS, BLOCK, PASS }

    /** Nothing found. */
    public static final CheckResult NONE = new CheckResult(Kind.NONE, 0, "", "");

    public static CheckResult suspicious(String label, int weight) {
        return weight <= 0 ? NONE : new CheckResult(Kind.SUSPICIOUS, weight, label, "");
    }

    public static CheckResult pass(String label) {
        return new CheckResult(Kind.PASS, 0, label, "");
    }

    public static CheckResult block(String label, String text) {
        return new CheckResult(Kind.BLOCK, 0, label, text);
    }

    /** Sum of two partial results of one check (e.g. two HELO findings). */
    public CheckResult plus(CheckResult other) {
        if (other.kind == Kind.NONE) return this;
        if (kind == Kind.NONE) return other;
        if (kind == Kind.SUSPICIOUS && other.kind == Kind.SUSPICIOUS) {
            return new CheckResult(Kind.SUSPICIOUS, weight + other.weight, label + "," + other.label, "");
        }
        return other.kind.ordinal() > kind.ordinal() ? other : this;
    }
}
