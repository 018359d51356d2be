package dev.spamward.greylist.policy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/** Any byte stream gives requests or a clean "too large", never another exception or a hang. */
class PolicyReaderFuzzTest {

    @FuzzTest
    void readerNeverThrowsOnJunk(byte[] input) throws IOException {
        PolicyReader r = new PolicyReader(new ByteArrayInputStream(input), 4096);
        try {
            for (int i = 0; i <= input.length; i++) {
                PolicyRequest req = r.next();
                if (req == null) return;
                req.toQuery().client();
            }
            throw new AssertionError("more requests than bytes");
        } catch (PolicyReader.TooLarge expected) {
            if (input.length <= 4096) throw new AssertionError("TooLarge for a small input", expected);
        }
    }
}
