package dev.spamward.pyzor.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer target for the reply parser: any datagram either parses to a response with the required fields
 * in range, or is refused with {@link PyzorProtocolException}; nothing else escapes. Runs the seeds in
 * PyzorResponseFuzzTestInputs/parse in plain {@code mvn test}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class PyzorResponseFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void parse(byte[] datagram) {
        try {
            PyzorResponse r = PyzorResponse.parse(datagram, datagram.length);
            assertThat(r.thread()).isBetween(0, ThreadIds.MAX);
            assertThat(r.code()).isBetween(0, 999);
            assertThat(r.diag().length()).isLessThanOrEqualTo(512);
            assertThat(r.diag().chars().noneMatch(c -> c < 0x20)).isTrue();
            r.count();
            r.wlCount();
            r.headTuple();
        } catch (PyzorProtocolException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
