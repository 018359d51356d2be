package dev.spamward.greylist;

import dev.spamward.greylist.engine.Result;
import dev.spamward.greylist.engine.Stats;
import dev.spamward.greylist.state.BloomRing;
import java.util.Locale;
import java.util.Map;

/**
 * The status and statistics view ({@code GET /greylist/status} on the HTTP endpoint and
 * {@code spamward greylist stats}): answer counts, checks fired, errors, filter fill, queries in flight.
 * Built from atomics only (no lock the query path holds).
 */
public final class StatusView {
    private final GreylistService service;

    StatusView(GreylistService service) {
        this.service = service;
    }

    /** The status as a JSON object. */
    public String json() {
        Stats st = service.engine().stats();
        BloomRing ring = service.ring();
        double fill = ring.fillRatio();
        StringBuilder sb = new StringBuilder(512);
        sb.append("{\"status\":\"ok\",\"uptime_seconds\":").append((System.currentTimeMillis() - st.startedMillis()) / 1000);
        sb.append(",\"answers\":{");
        boolean first = true;
        for (Result r : Result.values()) {
            if (!first) sb.append(',');
            first = false;
            sb.append('"').append(r.name().toLowerCase(Locale.ROOT)).append("\":").append(st.answers(r));
        }
        sb.append("},\"whitelisted\":").append(st.whitelistedCount());
        sb.append(",\"checks_fired\":").append(map(st.checksFired()));
        sb.append(",\"errors\":").append(map(st.errors()));
        sb.append(",\"check_errors\":").append(map(st.checkErrors()));
        sb.append(",\"in_flight\":").append(st.inFlight());
        sb.append(",\"connections\":{\"policy\":").append(service.policy() == null ? 0 : service.policy().openConnections())
                .append(",\"milter\":").append(service.milter() == null ? 0 : service.milter().openConnections()).append('}');
        sb.append(",\"filter\":{\"bits\":").append(ring.bits()).append(",\"buffers\":").append(ring.buffers())
                .append(",\"current\":").append(ring.current()).append(",\"last_rotate\":").append(ring.lastRotate())
                .append(",\"fill_ratio\":").append(String.format(Locale.ROOT, "%.6f", fill))
                .append(",\"false_match_rate\":").append(String.format(Locale.ROOT, "%.3e", Math.pow(fill, 8)))
                .append(",\"memory_bytes\":").append(ring.memoryBytes()).append('}');
        sb.append(",\"delay_queue\":{\"length\":").append(service.engine().delayQueue().size())
                .append(",\"dropped\":").append(service.engine().delayQueue().dropped()).append('}');
        sb.append(",\"state_file\":");
        if (service.stateFile() == null) {
            sb.append("null");
        } else {
            String problem = service.stateFileProblem();
            sb.append("{\"path\":\"").append(escape(service.stateFile().toString())).append("\",\"saved_at\":")
                    .append(service.stateSavedAt()).append(",\"problem\":")
                    .append(problem == null ? "null" : "\"" + escape(problem) + "\"").append('}');
        }
        if (service.replicator() != null) sb.append(",\"replication\":").append(service.replicator().statusJson());
        if (service.grossdSync() != null) sb.append(",\"replication\":").append(service.grossdSync().statusJson());
        return sb.append("}\n").toString();
    }

    /**
     * grossd's status-port line for Nagios-style checks (code first: 0 OK, 1 WARN, 2 ERR), e.g.
     * {@code 0: Spamward greylist OK. Trust: 0 Match: 6 Greylist: 4 Block: 0 Error: 0 Queries/sec: 0.08 ...}.
     */
    public String nagios() {
        Stats st = service.engine().stats();
        BloomRing ring = service.ring();
        long now = System.currentTimeMillis() / 1000;
        if (!service.maintenanceAlive()) return "2: maintenance thread is dead.\n";
        if (now - ring.lastRotate() > service.rotateIntervalSeconds() + 60) return "2: Rotate stuck.\n";
        if (service.replicator() != null && !service.replicator().streaming()) return "1: Peer unreachable.\n";
        if (service.stateFileProblem() != null) return "1: State file not saved: " + service.stateFileProblem() + ".\n";
        if (service.grossdSync() != null && !service.grossdSync().connected()) return "1: Peer unreachable.\n";
        long total = 0;
        for (Result r : Result.values()) total += st.answers(r);
        double secs = Math.max(1, (System.currentTimeMillis() - st.startedMillis()) / 1000.0);
        return String.format(Locale.ROOT, "0: Spamward greylist OK. Delay queue: %d Trust: %d Match: %d Greylist: %d Block: %d"
                        + " Error: %d Queries/sec: %f Fill: %.4f%%%n", service.engine().delayQueue().size(), st.answers(Result.TRUST),
                st.answers(Result.MATCH), st.answers(Result.GREY), st.answers(Result.BLOCK), st.answers(Result.ERROR),
                total / secs, ring.fillRatio() * 100);
    }

    private static String map(Map<String, Long> m) {
        StringBuilder sb = new StringBuilder("{");
        m.forEach((k, v) -> {
            if (sb.length() > 1) sb.append(',');
            sb.append('"').append(escape(k)).append("\":").append(v);
        });
        return sb.append('}').toString();
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.toString();
    }
}
