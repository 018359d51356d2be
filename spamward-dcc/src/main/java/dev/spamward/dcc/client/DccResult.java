package dev.spamward.dcc.client;

import dev.spamward.dcc.checksum.CkType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of a query or report.
 *
 * @param server           the server that answered
 * @param serverId         its DCC server id
 * @param roundTrip        time from the answered transmission to the answer (includes the server's delay)
 * @param passwordRejected we sent an id and password but the server answered as to an anonymous client
 *                         (unknown id or wrong password); the counts are still used, as {@code dccproc} does
 * @param counts           per checksum sent, in request order
 * @param bulkCount        the largest count of a body checksum ({@link dev.spamward.dcc.proto.Targets#TOO_MANY}
 *                         for "many"), 0 when none was counted
 * @param bulk             {@code bulkCount} reached the reject threshold
 * @param verdict          the verdict
 */
public record DccResult(ServerAddress server, long serverId, Duration roundTrip, boolean passwordRejected,
                        List<CheckCount> counts, long bulkCount, boolean bulk, Verdict verdict) {

    public DccResult {
        counts = List.copyOf(counts);
    }

    /**
     * The body counts as {@code dccproc} writes them in its {@code X-DCC-...-Metrics} header:
     * {@code [bulk ]Body=many Fuz1=12 Fuz2=12} (current counts, "bulk" when the threshold was reached).
     */
    public String metrics() {
        StringBuilder sb = new StringBuilder(bulk ? "bulk" : "");
        for (CheckCount c : counts) {
            if (!c.type().isBody()) continue;
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(c.type().label()).append('=').append(c.currentText());
        }
        return sb.toString();
    }

    /** The counts of one checksum type, if it was sent. */
    public Optional<CheckCount> count(CkType type) {
        return counts.stream().filter(c -> c.type() == type).findFirst();
    }
}
