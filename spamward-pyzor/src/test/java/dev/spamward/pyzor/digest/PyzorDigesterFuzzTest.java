package dev.spamward.pyzor.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Jazzer target: the digest of any bytes is 40 hex digits and never throws (seeds in ...Inputs/digest). */
class PyzorDigesterFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void digest(byte[] message) {
        assertThat(PyzorDigester.digest(message)).matches("[0-9a-f]{40}");
    }
}
