package dev.spamward.razor.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.spamward.razor.sig.Signer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Jazzer targets: the reply parser and the signer take any bytes without throwing. In plain {@code mvn test}
 * they run over the seeds in {@code RepliesFuzzTestInputs/}.
 */
class RepliesFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parseNeverThrows(byte[] data) {
        String reply = new String(data, StandardCharsets.ISO_8859_1);
        List<Map<String, String>> responses = Replies.parse(reply);
        assertThat(responses).isNotEmpty();
        for (Map<String, String> r : responses) {
            // what the client interprets must survive a round trip through the encoder
            for (String v : r.values()) assertThat(Sis.unescape(Sis.escape(v))).isEqualTo(v);
        }
        Sis.parse(reply);
    }

    @FuzzTest(maxDuration = "60s")
    void signNeverThrows(byte[] data) {
        new Signer().sign(data, "7542-10");
    }
}
