package dev.spamward.drp.dispatch;

import java.nio.charset.StandardCharsets;

/**
 * The answers to one {@code /report} or {@code /revoke}.
 *
 * @param dcc   DCC's answer, or {@code null} for {@code /revoke} (DCC has no un-report: JSON {@code null})
 * @param razor Razor's answer ({@code false} without an identity)
 * @param pyzor Pyzor's answer
 */
public record FeedbackResult(Outcome<Boolean> dcc, Outcome<Boolean> razor, Outcome<Boolean> pyzor) {

    /** gozer's default JSON for {@code /report} after an internal failure. */
    public static final byte[] DEFAULT_REPORT_JSON = "{\"dcc\":false,\"razor\":false,\"pyzor\":false}"
            .getBytes(StandardCharsets.UTF_8);

    /** gozer's default JSON for {@code /revoke} after an internal failure. */
    public static final byte[] DEFAULT_REVOKE_JSON = "{\"dcc\":null,\"razor\":false,\"pyzor\":false}"
            .getBytes(StandardCharsets.UTF_8);

    /** Exactly gozer's JSON: {@code {"dcc":true,"razor":true,"pyzor":true}}. */
    public byte[] json() {
        return base().append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * gozer's JSON plus {@code "ms":{network: millis}} and, when a network failed,
     * {@code "errors":{network: reason}} (the values of gozer's keys stay booleans).
     */
    public byte[] jsonWithDetails() {
        StringBuilder b = base().append(",\"ms\":{");
        StringBuilder errors = new StringBuilder();
        boolean first = true;
        for (Network n : Network.values()) {
            Outcome<Boolean> o = outcome(n);
            if (o == null) continue;
            if (!first) b.append(',');
            first = false;
            b.append('"').append(n.label()).append("\":").append(o.millis());
            if (!o.ok()) {
                if (!errors.isEmpty()) errors.append(',');
                errors.append('"').append(n.label()).append("\":").append(Json.quote(o.error()));
            }
        }
        b.append('}');
        if (!errors.isEmpty()) b.append(",\"errors\":{").append(errors).append('}');
        return b.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private StringBuilder base() {
        return new StringBuilder(96).append("{\"dcc\":").append(dcc == null ? "null" : dcc.value())
                .append(",\"razor\":").append(razor.value()).append(",\"pyzor\":").append(pyzor.value());
    }

    private Outcome<Boolean> outcome(Network n) {
        return switch (n) {
            case DCC -> dcc;
            case RAZOR -> razor;
            case PYZOR -> pyzor;
        };
    }
}
