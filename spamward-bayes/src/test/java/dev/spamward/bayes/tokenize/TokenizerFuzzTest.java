package dev.spamward.bayes.tokenize;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/** Jazzer: the tokenizer never throws and respects its limits on any input (regression mode in mvn test). */
class TokenizerFuzzTest {
    private static final Tokenizer TK = new Tokenizer();

    @FuzzTest(maxDuration = "30s")
    void tokenizeNeverThrows(byte[] data) {
        Tokens t = TK.tokenize(data);
        List<String> all = t.all();
        assertThat(all.size()).isLessThanOrEqualTo(TokenizerOptions.defaults().maxTokens());
        for (String s : all) assertThat(s).isNotEmpty();
        assertThat(t.key()).hasSize(16);
    }
}
