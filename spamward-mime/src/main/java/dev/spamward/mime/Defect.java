package dev.spamward.mime;

/**
 * A problem found in a part.
 *
 * @param type   the kind
 * @param detail a short human-readable detail (a label, a count, a limit name)
 */
public record Defect(DefectType type, String detail) {

    @Override
    public String toString() {
        return detail == null || detail.isEmpty() ? type.name() : type.name() + "(" + detail + ")";
    }
}
