package dev.spamward.pyzor.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spamward.pyzor.testing.PythonOracle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pyzor's HTML text extraction ({@code DataDigester.normalize_html_part} on Python's HTMLParser) against
 * {@link PyHtmlText} on short random tag soup, where unterminated quotes, '==', slashes and odd
 * whitespace are frequent.
 */
class HtmlDifferentialTest {

    @Test
    void sameTextAsPythonHtmlParser(@TempDir Path dir) throws Exception {
        MessageGenerator gen = new MessageGenerator(Long.getLong("pyzor.diff.seed", 42L));
        int count = Integer.getInteger("pyzor.html.count", 3000);
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < count; i++) inputs.add(i % 3 == 0 ? gen.html(4) : gen.soup(4 + i % 30));
        StringBuilder req = new StringBuilder();
        for (String s : inputs) req.append(HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8))).append('\n');
        List<String> lines = PythonOracle.run(getClass(), "html_oracle.py", dir, req.toString());
        assertThat(lines).hasSize(count);
        List<String> diffs = new ArrayList<>();
        int pythonErrors = 0;
        for (int i = 0; i < count; i++) {
            if (lines.get(i).equals("ERROR")) {
                pythonErrors++;
                continue;
            }
            String expected = new String(HexFormat.of().parseHex(lines.get(i)), StandardCharsets.UTF_8);
            String ours = PyHtmlText.text(inputs.get(i));
            if (!ours.equals(expected)) diffs.add(inputs.get(i) + "\n   py: " + expected + "\n   us: " + ours);
        }
        assertThat(pythonErrors).isLessThan(count / 10);
        assertThat(diffs).as("HTML texts that differ from Python's").isEmpty();
    }
}
