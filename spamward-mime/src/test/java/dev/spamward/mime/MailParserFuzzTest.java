package dev.spamward.mime;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer target: any bytes parse without an exception, and every derived view works. In a plain
 * {@code mvn test} it replays the seeds under src/test/resources/dev/spamward/mime/MailParserFuzzTestInputs;
 * with {@code JAZZER_FUZZ=1} it fuzzes (see README, "Fuzzing").
 */
class MailParserFuzzTest {
    private static final MailParser PARSER = new MailParser(new MimeLimits(1 << 20, 200, 12, 500, 1 << 18, 200));

    @FuzzTest(maxDuration = "30s")
    void parseNeverThrows(byte[] data) {
        ParsedMessage m = PARSER.parse(data);
        MessageInvariants.check("fuzz input", m);
    }
}
