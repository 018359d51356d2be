import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Regenerates python-cjk-overrides.txt: reads the step dump of dump-python-cjk-steps.py and keeps the
 * prefixes where the JDK charset decodes differently from Python (plus every child of a prefix Python
 * still needs more bytes for). Run: java tools/GenCjkOverrides.java steps.txt out.txt
 */
public class GenCjkOverrides {
    static final Map<String, String> JDK = Map.ofEntries(Map.entry("big5", "Big5"), Map.entry("big5hkscs", "Big5-HKSCS"),
            Map.entry("cp932", "windows-31j"), Map.entry("cp949", "x-windows-949"), Map.entry("cp950", "x-windows-950"),
            Map.entry("euc_jp", "EUC-JP"), Map.entry("euc_kr", "EUC-KR"), Map.entry("gb2312", "GB2312"),
            Map.entry("gbk", "GBK"), Map.entry("gb18030", "GB18030"), Map.entry("johab", "x-Johab"),
            Map.entry("shift_jis", "Shift_JIS"));
    /** Codecs where the decoder rejects any JDK private-use result that is not listed. */
    static final Set<String> PUA_RULE = Set.of("gbk", "cp949", "cp950");

    public static void main(String[] args) throws Exception {
        List<String> out = new ArrayList<>();
        String forcedPrefix = null;
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String[] f = line.split("\t");
            String codec = f[0];
            byte[] prefix = HexFormat.of().parseHex(f[1]);
            String py = f[2];
            String java = javaStep(Charset.forName(JDK.get(codec)), prefix);
            boolean forced = forcedPrefix != null && f[1].startsWith(forcedPrefix) && !f[1].equals(forcedPrefix);
            if (!forced) forcedPrefix = null;
            boolean differ = !py.equals(java);
            // Deeper "needs more" (GB18030 four-byte forms, EUC-KR make-up sequences) is left to the JDK, and so is
            // a GB18030 lead byte Python only rejects one byte later: both end in a one-byte error.
            if (differ && py.equals("M") && (prefix.length > 1 || (codec.equals("gb18030") && java.equals("E")))) differ = false;
            if (differ && py.equals("E") && PUA_RULE.contains(codec) && isPua(java)) differ = false;
            if (py.equals(java) && PUA_RULE.contains(codec) && isPua(java)) differ = true; // keep agreed PUA
            if (differ || forced) out.add(codec + "\t" + f[1] + "\t" + py);
            if (differ && py.equals("M") && forcedPrefix == null) forcedPrefix = f[1];
        }
        Files.write(Path.of(args[1]), out);
        System.out.println(out.size() + " overrides");
    }

    static boolean isPua(String step) {
        if (step.equals("E") || step.equals("M")) return false;
        for (String h : step.split(" ")) {
            int cp = Integer.parseInt(h, 16);
            if (cp < 0xE000 || cp > 0xF8FF) return false;
        }
        return true;
    }

    static String javaStep(Charset cs, byte[] prefix) {
        CharsetDecoder d = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(16);
        CoderResult r = d.decode(ByteBuffer.wrap(prefix), out, false);
        out.flip();
        if (out.hasRemaining()) {
            StringBuilder b = new StringBuilder();
            out.toString().codePoints().forEach(cp -> b.append(b.isEmpty() ? "" : " ").append(Integer.toHexString(cp)));
            return b.toString();
        }
        if (r.isError()) return "E";
        return "M";
    }
}
