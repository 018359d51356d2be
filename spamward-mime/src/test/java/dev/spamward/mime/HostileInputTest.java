package dev.spamward.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Inputs built to exhaust a parser: each must parse within a generous hang guard (not a performance
 * target; see BENCHMARKS.md for those) and keep the invariants.
 */
class HostileInputTest {
    private static final Duration GUARD = Duration.ofSeconds(60);
    private final MailParser parser = new MailParser();

    private ParsedMessage parse(Supplier<String> input) {
        byte[] raw = input.get().getBytes(StandardCharsets.ISO_8859_1);
        return assertTimeoutPreemptively(GUARD, () -> {
            ParsedMessage m = parser.parse(raw);
            MessageInvariants.check("hostile", m);
            return m;
        });
    }

    @Test
    void hundredThousandHeaderFields() {
        ParsedMessage m = parse(() -> "X-A: b\n".repeat(100_000) + "\nbody");
        assertThat(m.headers().size()).isEqualTo(MimeLimits.DEFAULT.maxHeaderFields());
        assertThat(m.truncated()).isTrue();
    }

    @Test
    void deeplyNestedHtml() {
        ParsedMessage m = parse(() -> "Content-Type: text/html\n\n" + "<div><b>".repeat(200_000) + "deep" + "</b></div>".repeat(10));
        assertThat(m.root().visibleText()).contains("deep");
    }

    @Test
    void tenMegabyteLineAndBase64WithoutLineBreaks() {
        ParsedMessage m = parse(() -> "Content-Transfer-Encoding: base64\n\n" + "QUJD".repeat(2_500_000));
        assertThat(m.root().decodedBody()).hasSize(7_500_000);
    }

    @Test
    void manyEncodedWordsAndUnterminatedOnes() {
        ParsedMessage m = parse(() -> "Subject: " + "=?utf-8?q?a?= ".repeat(50_000) + "=?utf-8?q?never-ends\n\nx");
        assertThat(m.headers().first("Subject")).startsWith("aaaa").endsWith("=?utf-8?q?never-ends");
    }

    @Test
    void manyBoundariesAndUnclosedNesting() {
        ParsedMessage m = parse(() -> {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 5_000; i++) sb.append("Content-Type: multipart/mixed; boundary=b").append(i).append("\n\n--b").append(i).append('\n');
            return sb.toString();
        });
        assertThat(m.truncated()).isTrue();
    }

    @Test
    void manyUrlsAreCapped() {
        ParsedMessage m = parse(() -> "Content-Type: text/plain\n\n" + "http://x.example/a ".repeat(200_000));
        assertThat(m.root().urls()).hasSizeLessThanOrEqualTo(MimeLimits.DEFAULT.maxUrlsPerPart());
    }
}
