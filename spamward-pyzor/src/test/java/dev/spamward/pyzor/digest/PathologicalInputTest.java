package dev.spamward.pyzor.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Hostile shapes that make naive ports quadratic or overflow the stack: each digest must finish (a hang
 * guard, not a performance assertion) and never throw.
 */
class PathologicalInputTest {
    private static final Duration GUARD = Duration.ofSeconds(20);

    private static void digests(String message) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        assertTimeoutPreemptively(GUARD, () -> assertThat(PyzorDigester.digest(bytes)).hasSize(40));
    }

    @Test
    void longTagFullOfUnterminatedQuotes() {
        digests("Content-Type: text/html\n\n<p>start text here</p><a" + " b= 'x".repeat(100_000) + ">tail text words</p>\n");
        digests("Content-Type: text/html\n\n" + "<a b=\"x ".repeat(50_000) + "\n");
    }

    @Test
    void deeplyNestedMultiparts() {
        StringBuilder b = new StringBuilder("MIME-Version: 1.0\n");
        for (int i = 0; i < 5_000; i++) b.append("Content-Type: multipart/mixed; boundary=b").append(i).append("\n\n--b").append(i).append('\n');
        b.append("Content-Type: text/plain\n\nthe innermost text line is here\n");
        digests(b.toString());
        digests("Content-Type: message/rfc822\n\n".repeat(5_000) + "innermost body text line\n");
    }

    @Test
    void manySemicolonsAndQuotesInContentType() {
        digests("Content-Type: text/plain; " + "a=\"x;y\";\\\";".repeat(40_000) + " charset=utf-8\n\nbody text line one\n");
    }

    @Test
    void manyPartsAndHugeLines() {
        StringBuilder b = new StringBuilder("Content-Type: multipart/mixed; boundary=zz\n\n");
        for (int i = 0; i < 20_000; i++) b.append("--zz\nContent-Type: text/plain\n\npart number ").append(i).append(" with words\n");
        b.append("--zz--\n");
        digests(b.toString());
        digests("Subject: x\n\n" + "word ".repeat(1_000_000));
        digests("Content-Type: text/html\n\n" + "<".repeat(1_000_000));
        digests("Content-Type: text/html\n\n<!--" + "-".repeat(1_000_000));
        digests("Content-Type: text/plain; charset=gbk\nContent-Transfer-Encoding: base64\n\n" + "gA==".repeat(200_000));
    }
}
