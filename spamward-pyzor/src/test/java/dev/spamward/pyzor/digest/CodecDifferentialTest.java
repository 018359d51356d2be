package dev.spamward.pyzor.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spamward.pyzor.testing.PythonOracle;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bytes.decode(label, 'ignore'|'replace')} against Python 3.11 itself for the charsets mail uses,
 * on valid text with random corruption: same code points, same dropped bytes, same U+FFFD count.
 */
class CodecDifferentialTest {
    private static final List<String> LABELS = List.of("utf-8", "iso-8859-1", "windows-1252", "koi8-r", "gb2312",
            "gbk", "gb18030", "big5", "big5hkscs", "shift_jis", "cp932", "euc-jp", "euc-kr", "ks_c_5601-1987", "cp949",
            "iso-2022-jp", "windows-1251", "windows-1256", "iso-8859-7", "tis-620", "us-ascii", "utf-16", "mac-roman", "utf-7");
    private static final String SAMPLE = "Hello 日本語のテキスト 中文字符 한국어 Привет café ÿ ｶﾀｶﾅ 鷗 ∑ €";

    @Test
    void decodeLikePython(@TempDir Path dir) throws Exception {
        Random r = new Random(7);
        List<String[]> cases = new ArrayList<>();
        for (String label : LABELS) {
            Charset cs = PyCodecs.javaCharsetFor(label);
            for (int i = 0; i < 60; i++) {
                byte[] base = cs == null ? SAMPLE.getBytes(StandardCharsets.UTF_8) : SAMPLE.substring(r.nextInt(10)).getBytes(cs);
                byte[] b = base.clone();
                int flips = i == 0 ? 0 : 1 + r.nextInt(4);
                boolean sevenBit = label.equals("iso-2022-jp") && r.nextBoolean();
                for (int k = 0; k < flips && b.length > 0; k++) {
                    b[r.nextInt(b.length)] = (byte) (sevenBit ? 0x21 + r.nextInt(94) : 0x80 + r.nextInt(128));
                }
                if (i % 7 == 3) b = java.util.Arrays.copyOf(b, Math.max(0, b.length - 1 - r.nextInt(3)));
                cases.add(new String[] {label, HexFormat.of().formatHex(b)});
            }
        }
        for (String u7 : List.of("Hi +ZeVnLIqe- there +AKM-1 +-", "+ZeV-x", "+ZeVnLIqe", "+!x", "a+b-c", "+AGEAYgBj.",
                "+2D3cAA-", "+2D3-z", "\u00e9+AAA-", "+ZeVnLIqeA-q", "+/v8-", "+AG-", "+")) {
            cases.add(new String[] {"utf-7", HexFormat.of().formatHex(u7.getBytes(StandardCharsets.ISO_8859_1))});
        }
        byte[] gb = "中文字符 and 汉字".getBytes(java.nio.charset.Charset.forName("GB2312"));
        for (int i = 0; i < 40; i++) {
            StringBuilder hz = new StringBuilder("a~~b ~{");
            for (byte x : gb) {
                int v = x & 0xFF;
                hz.append(v >= 0x80 ? (char) (v & 0x7F) : (char) v);
            }
            hz.append("~}tail~\nnext ~x ~");
            byte[] b = hz.toString().getBytes(StandardCharsets.ISO_8859_1);
            for (int k = 0; k < i % 4; k++) b[r.nextInt(b.length)] = (byte) (r.nextBoolean() ? 0x21 + r.nextInt(94) : 0x80 + r.nextInt(128));
            cases.add(new String[] {"hz-gb-2312", HexFormat.of().formatHex(b)});
        }
        StringBuilder input = new StringBuilder();
        for (String[] c : cases) input.append(c[0]).append('\t').append(c[1]).append('\n');
        List<String> lines = PythonOracle.run(getClass(), "codec_oracle.py", dir, input.toString());
        assertThat(lines).hasSize(cases.size());
        List<String> diffs = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            String[] c = cases.get(i);
            byte[] data = HexFormat.of().parseHex(c[1]);
            String[] py = lines.get(i).split("\t", -1);
            String ignore = PyCodecs.decodeIgnore(data, c[0]);
            String ours = ignore == null ? "ERROR" : HexFormat.of().formatHex(ignore.getBytes(StandardCharsets.UTF_8));
            if (!ours.equals(py[0])) diffs.add(c[0] + " ignore " + c[1] + "\n  py " + py[0] + "\n  us " + ours);
            String rep = HexFormat.of().formatHex(PyCodecs.decodeReplace(data, c[0]).getBytes(StandardCharsets.UTF_8));
            if (!rep.equals(py[1])) diffs.add(c[0] + " replace " + c[1] + "\n  py " + py[1] + "\n  us " + rep);
        }
        assertThat(diffs).as("decodings that differ from Python").isEmpty();
    }
}
