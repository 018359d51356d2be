package dev.spamward.pyzor.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Digest and predigest equality with the real pyzor 1.0.0 on every reference message
 * (vectors/pyzor.tsv and vectors/predigest/, made with {@code pyzor digest|predigest}).
 */
class PyzorVectorsTest {
    private static final String BASE = "/dev/spamward/pyzor/vectors/";

    static Stream<Arguments> vectors() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String line : resource("pyzor.tsv").lines().skip(1).toList()) {
            String[] f = line.split("\t");
            out.add(Arguments.of(f[0], f[1]));
        }
        return out.stream();
    }

    static String resource(String name) throws IOException {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static byte[] bytes(String name) throws IOException {
        try (InputStream in = PyzorVectorsTest.class.getResourceAsStream(BASE + name)) {
            if (in == null) throw new IOException("missing test resource " + BASE + name);
            return in.readAllBytes();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void digestEqualsPyzor(String file, String expected) throws IOException {
        byte[] message = bytes("messages/" + file);
        List<String> expectedLines = resource("predigest/" + file + ".txt").lines().toList();
        assertThat(PyzorDigester.predigest(message)).as("predigest of %s", file).containsExactlyElementsOf(expectedLines);
        assertThat(PyzorDigester.digest(message)).as("digest of %s", file).isEqualTo(expected);
    }

    @Test
    void allVectorsPresent() throws IOException {
        assertThat(vectors().count()).isEqualTo(245);
    }
}
