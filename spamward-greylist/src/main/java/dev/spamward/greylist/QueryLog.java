package dev.spamward.greylist;

import dev.spamward.greylist.engine.Query;
import dev.spamward.greylist.engine.Verdict;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-query log line in grossd's form ({@code a=greylist d=0 w=1 c=... s=... r=... h=... m=dnsbl.test+1}),
 * logger {@code dev.spamward.greylist.query}: every field is bounded and escaped, so a 1 KB sender or
 * binary junk can neither overflow anything nor forge log lines (grossd defect 1).
 */
public final class QueryLog {
    private static final Logger LOG = LoggerFactory.getLogger("dev.spamward.greylist.query");
    private static final int FIELD_MAX = 256;
    private static volatile boolean enabled = true;

    private QueryLog() {
    }

    /** Turns the per-query lines on or off ({@code greylist.query_log}). */
    public static void setEnabled(boolean on) {
        enabled = on;
    }

    /** Logs one decided query. */
    public static void log(String door, Query q, Verdict v) {
        if (!enabled || !LOG.isInfoEnabled()) return;
        StringBuilder sb = new StringBuilder(160);
        sb.append("a=").append(v.result().name().toLowerCase(Locale.ROOT)).append(" d=").append(v.millis())
                .append(" w=").append(v.weight()).append(" p=").append(door)
                .append(" c=").append(field(q.clientAddress())).append(" s=").append(field(q.sender()))
                .append(" r=").append(field(q.recipient()));
        if (!q.heloName().isEmpty()) sb.append(" h=").append(field(q.heloName()));
        for (String m : v.fired()) sb.append(" m=").append(field(m));
        if (!v.reason().isEmpty() && v.result() != dev.spamward.greylist.engine.Result.GREY) sb.append(" why=").append(field(v.reason()));
        LOG.info(sb.toString());
    }

    /** Logs a request that could not be parsed. */
    public static void malformed(String door, dev.spamward.greylist.net.Connection c, String what) {
        LOG.warn("{}: malformed request from {}: {}", door, c.peer(), field(what));
    }

    /** At most 256 characters, non-printable characters and spaces escaped as {@code \xNN}. */
    public static String field(String s) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), FIELD_MAX) + 8);
        for (int i = 0; i < s.length(); i++) {
            if (sb.length() >= FIELD_MAX) {
                sb.append("...(").append(s.length()).append(" chars)");
                break;
            }
            char c = s.charAt(i);
            if (c <= 0x20 || c == 0x7f || c == '\\') sb.append(String.format("\\x%02x", (int) c & 0xff));
            else sb.append(c);
        }
        return sb.toString();
    }
}
