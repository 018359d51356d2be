package dev.spamward.dcc.client;

import dev.spamward.dcc.proto.Targets;
import java.util.List;

/**
 * Turns answer counts into a verdict: whitelisted body checksum (OK, OK2) accepts; otherwise the largest
 * body count (Body, Fuz1, Fuz2) at or above the threshold rejects; else unknown. {@code dccproc}'s own
 * default threshold is "many".
 */
public record VerdictPolicy(int rejectThreshold) {

    public VerdictPolicy {
        if (rejectThreshold < 1 || rejectThreshold > Targets.TOO_MANY) {
            throw new IllegalArgumentException("reject threshold out of range: " + rejectThreshold);
        }
    }

    /** The default: reject at "many". */
    public static VerdictPolicy dccprocDefault() {
        return new VerdictPolicy(Targets.TOO_MANY);
    }

    /** Largest counted body count (values above TOO_MANY are not counts). */
    public long bulkCount(List<CheckCount> counts) {
        long max = 0;
        for (CheckCount c : counts) {
            if (c.type().isBody() && c.current() <= Targets.TOO_MANY) max = Math.max(max, c.current());
        }
        return max;
    }

    public Verdict verdict(List<CheckCount> counts) {
        for (CheckCount c : counts) {
            if (c.type().isBody() && (c.current() == Targets.OK || c.current() == Targets.OK2)) return Verdict.ACCEPT;
        }
        return bulkCount(counts) >= rejectThreshold ? Verdict.REJECT : Verdict.UNKNOWN;
    }
}
