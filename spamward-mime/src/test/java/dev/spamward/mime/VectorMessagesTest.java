package dev.spamward.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message of the shared reference set (copied into test resources) parses without error, every
 * text part decodes, and the structure matches the facts recorded in messages.tsv (multipart, HTML,
 * base64, quoted-printable, declared charsets).
 */
class VectorMessagesTest {
    private static final MailParser PARSER = new MailParser();

    static Stream<Arguments> vectors() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (InputStream in = VectorMessagesTest.class.getResourceAsStream("messages.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].split("\t", -1);
                out.add(Arguments.of(f[0], f[5].equals("1"), f[6].equals("1"), f[7].equals("1"), f[8].equals("1"), f[9]));
            }
        }
        assertThat(out).hasSize(245);
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void parsesAndMatchesRecordedStructure(String file, boolean multipart, boolean html, boolean base64, boolean qp,
                                           String charsets) throws IOException {
        byte[] raw;
        try (InputStream in = VectorMessagesTest.class.getResourceAsStream("messages/" + file)) {
            raw = in.readAllBytes();
        }
        ParsedMessage m = PARSER.parse(raw);
        MessageInvariants.check(file, m);

        assertThat(m.parts().stream().anyMatch(MimePart::isMultipart)).as(file + " multipart").isEqualTo(multipart);
        assertThat(m.parts().stream().anyMatch(p -> p.mimeType().equals("text/html"))).as(file + " html").isEqualTo(html);
        assertThat(m.parts().stream().anyMatch(p -> p.transferEncoding().equals("base64"))).as(file + " base64").isEqualTo(base64);
        assertThat(m.parts().stream().anyMatch(p -> p.transferEncoding().equals("quoted-printable"))).as(file + " qp").isEqualTo(qp);
        if (!charsets.equals("-")) {
            Set<String> declared = new TreeSet<>();
            for (MimePart p : m.parts()) {
                if (p.declaredCharset() != null) declared.add(p.declaredCharset().toLowerCase(Locale.ROOT).replace("\"", ""));
            }
            for (String cs : charsets.split(",")) {
                assertThat(declared).as(file + " declared charsets").contains(cs.strip().toLowerCase(Locale.ROOT));
            }
        }
    }
}
