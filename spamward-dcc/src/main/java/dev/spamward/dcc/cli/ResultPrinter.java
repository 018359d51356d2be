package dev.spamward.dcc.cli;

import dev.spamward.dcc.checksum.Checksum;
import dev.spamward.dcc.checksum.MessageChecksums;
import dev.spamward.dcc.client.CheckCount;
import dev.spamward.dcc.client.DccResult;
import dev.spamward.dcc.proto.Targets;
import java.io.PrintWriter;

/**
 * Prints an answer like {@code dccproc -C}: a metrics line with the current body counts, the checksums with
 * the "server" column (the count before this report, as dccproc prints it), then a verdict line.
 */
final class ResultPrinter {
    private ResultPrinter() {
    }

    static void print(PrintWriter out, MessageChecksums sums, DccResult r, String reported) {
        out.printf("X-DCC-Metrics: server %d; %s%n", r.serverId(), r.metrics());
        out.printf("%28sreported: %-15s checksum  server%n", "", reported);
        for (Checksum c : sums.checksums()) {
            String count = r.count(c.type()).filter(x -> c.reported()).map(CheckCount::serverColumn).orElse("");
            if (count.isEmpty()) {
                out.printf("%25s: %s%n", c.type().label(), c.words());
            } else {
                out.printf("%25s: %s %7s%n", c.type().label(), c.words(), count);
            }
        }
        out.printf("verdict: %s  bulk=%s (%s)  server %s id %d  %d ms%s%n", r.verdict().name().toLowerCase(),
                r.bulk() ? "yes" : "no", Targets.format(r.bulkCount()), r.server(), r.serverId(),
                r.roundTrip().toMillis(), r.passwordRejected() ? "  (server rejected our password; counts as anonymous)" : "");
        out.flush();
    }
}
