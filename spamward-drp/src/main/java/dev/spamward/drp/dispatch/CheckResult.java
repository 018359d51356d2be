package dev.spamward.drp.dispatch;

import dev.spamward.drp.backend.DccVerdict;
import dev.spamward.drp.backend.PyzorCounts;
import java.nio.charset.StandardCharsets;

/**
 * The three answers to one {@code /check}.
 *
 * @param dcc   the DCC verdict
 * @param razor the Razor hit
 * @param pyzor the Pyzor counts
 */
public record CheckResult(Outcome<DccVerdict> dcc, Outcome<Boolean> razor, Outcome<PyzorCounts> pyzor) {

    /** gozer's JSON when nothing answered (also the answer after an internal failure). */
    public static final byte[] DEFAULT_JSON = json(DccVerdict.UNKNOWN, false, PyzorCounts.ZERO)
            .getBytes(StandardCharsets.UTF_8);

    /** True when all three networks answered authoritatively: only such verdicts are cached. */
    public boolean healthy() {
        return dcc.ok() && razor.ok() && pyzor.ok();
    }

    /** Exactly gozer's JSON, e.g. {@code {"dcc":{"action":"reject","bulk":16777200},"razor":{"hit":true},"pyzor":{"count":3,"wl":0}}}. */
    public byte[] json() {
        return json(dcc.value(), razor.value(), pyzor.value()).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * gozer's JSON plus, inside each network's object, {@code "ms"} (time taken) and, for a failed
     * network, {@code "error"}. Clients that read gozer's keys ignore these.
     */
    public byte[] jsonWithDetails() {
        DccVerdict d = dcc.value();
        PyzorCounts p = pyzor.value();
        String s = "{\"dcc\":{\"action\":\"" + d.action().json() + "\",\"bulk\":" + d.bulk() + details(dcc)
                + "},\"razor\":{\"hit\":" + razor.value() + details(razor)
                + "},\"pyzor\":{\"count\":" + p.count() + ",\"wl\":" + p.wl() + details(pyzor) + "}}";
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String details(Outcome<?> o) {
        return ",\"ms\":" + o.millis() + (o.ok() ? "" : ",\"error\":" + Json.quote(o.error()));
    }

    private static String json(DccVerdict d, boolean hit, PyzorCounts p) {
        return "{\"dcc\":{\"action\":\"" + d.action().json() + "\",\"bulk\":" + d.bulk()
                + "},\"razor\":{\"hit\":" + hit + "},\"pyzor\":{\"count\":" + p.count() + ",\"wl\":" + p.wl() + "}}";
    }
}
