package dev.spamward.dcc.client;

import dev.spamward.dcc.checksum.CkType;
import dev.spamward.dcc.proto.Targets;

/**
 * A server's counts for one checksum: {@code current} includes this report, {@code previous} is the count
 * before it (equal for a query). Special values: {@link Targets#TOO_MANY}, {@link Targets#OK},
 * {@link Targets#OK2}, {@link Targets#INVALID} (not counted, e.g. header checksums on some servers).
 */
public record CheckCount(CkType type, long current, long previous) {

    /** The current count as {@code dccproc} prints it ({@code many}, {@code ok}, a number). */
    public String currentText() {
        return Targets.format(current);
    }

    /**
     * What {@code dccproc -C} prints in its "server" column: the count before this report (the same as the
     * current count for a query), empty when the server does not count this checksum.
     */
    public String serverColumn() {
        return previous == Targets.INVALID ? "" : Targets.format(previous);
    }
}
