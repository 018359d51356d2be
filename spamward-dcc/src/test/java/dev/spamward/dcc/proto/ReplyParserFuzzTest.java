package dev.spamward.dcc.proto;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer target for the server-answer parser: any bytes, any expected checksum count, anonymous or
 * authenticated, must either parse or raise {@link DccProtocolException} (never another exception).
 * Plain {@code mvn test} replays the seeds in ReplyParserFuzzTestInputs/parse; {@code JAZZER_FUZZ=1} fuzzes.
 */
class ReplyParserFuzzTest {
    private static final ClientIdentity AUTH = ClientIdentity.of(32769, "wire-test-passwd-19");

    @FuzzTest(maxDuration = "60s")
    void parse(FuzzedDataProvider data) {
        boolean anon = data.consumeBoolean();
        int sums = data.consumeInt(0, 20);
        int op = data.pickValue(new int[] {DccOp.NOP, DccOp.QUERY, DccOp.REPORT});
        OpNums nums = new OpNums(data.consumeInt(), data.consumeInt(), data.consumeInt(), 1);
        byte[] pkt = data.consumeRemainingAsBytes();
        // make the echoed ids match often enough to reach the body checks
        if (pkt.length >= 24 && (pkt[0] & 1) == 0) {
            java.nio.ByteBuffer.wrap(pkt, 8, 12).putInt(nums.h()).putInt(nums.p()).putInt(nums.r());
        }
        try {
            DccReply r = ReplyParser.parse(pkt, pkt.length, anon ? ClientIdentity.anonymous() : AUTH, nums, op, sums);
            if (r == null) throw new IllegalStateException("null reply");
        } catch (DccProtocolException expected) {
            // malformed input is reported, not thrown otherwise
        }
    }
}
