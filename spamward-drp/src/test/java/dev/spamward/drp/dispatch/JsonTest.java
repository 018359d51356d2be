package dev.spamward.drp.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spamward.drp.backend.DccVerdict;
import dev.spamward.drp.backend.PyzorCounts;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** gozer's exact JSON (Go's encoding/json: compact, fields in struct order, HTML characters escaped). */
class JsonTest {

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void checkShapes() {
        CheckResult r = new CheckResult(Outcome.ok(DccVerdict.reject(16_777_200), 1_000_000), Outcome.ok(true, 2_000_000),
                Outcome.ok(new PyzorCounts(3, 0), 3_250_000));
        assertThat(s(r.json())).isEqualTo("{\"dcc\":{\"action\":\"reject\",\"bulk\":16777200},\"razor\":{\"hit\":true},\"pyzor\":{\"count\":3,\"wl\":0}}");
        assertThat(s(r.jsonWithDetails())).isEqualTo("{\"dcc\":{\"action\":\"reject\",\"bulk\":16777200,\"ms\":1.0},"
                + "\"razor\":{\"hit\":true,\"ms\":2.0},\"pyzor\":{\"count\":3,\"wl\":0,\"ms\":3.3}}");
        assertThat(r.healthy()).isTrue();
        assertThat(s(CheckResult.DEFAULT_JSON)).isEqualTo(
                "{\"dcc\":{\"action\":\"unknown\",\"bulk\":null},\"razor\":{\"hit\":false},\"pyzor\":{\"count\":0,\"wl\":0}}");
        // A bulk count on a non-reject verdict is dropped, as gozer only sends it with reject.
        assertThat(new DccVerdict(dev.spamward.drp.backend.DccAction.ACCEPT, 5L).bulk()).isNull();
    }

    @Test
    void feedbackShapes() {
        FeedbackResult report = new FeedbackResult(Outcome.ok(true, 0), Outcome.ok(false, 0),
                Outcome.failed(false, 5_000_000, "timeout"));
        assertThat(s(report.json())).isEqualTo("{\"dcc\":true,\"razor\":false,\"pyzor\":false}");
        assertThat(s(report.jsonWithDetails())).isEqualTo("{\"dcc\":true,\"razor\":false,\"pyzor\":false,"
                + "\"ms\":{\"dcc\":0.0,\"razor\":0.0,\"pyzor\":5.0},\"errors\":{\"pyzor\":\"timeout\"}}");
        FeedbackResult revoke = new FeedbackResult(null, Outcome.ok(true, 0), Outcome.ok(false, 0));
        assertThat(s(revoke.json())).isEqualTo("{\"dcc\":null,\"razor\":true,\"pyzor\":false}");
        assertThat(s(FeedbackResult.DEFAULT_REVOKE_JSON)).isEqualTo("{\"dcc\":null,\"razor\":false,\"pyzor\":false}");
    }

    @Test
    void stringsAreEscapedAsGoDoes() {
        assertThat(Json.quote("a\"b\\c\nd<e>&\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\u003ce\\u003e\\u0026\\u0001\"");
        assertThat(Json.error("busy")).isEqualTo("{\"error\":\"busy\"}");
    }
}
