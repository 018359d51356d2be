package dev.spamward.pyzor.digest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Python 3.11's multi-byte CJK decoders (big5, cp932, cp949, gbk, euc-jp, shift_jis, ...) on top of the
 * JDK charsets: one character at a time, with Python's recovery (an illegal sequence costs exactly one
 * byte, decoding resumes at the next), and with {@code python-cjk-overrides.txt} for the byte sequences
 * where the two mapping tables disagree (made by tools/dump-python-cjk-steps.py and
 * tools/GenCjkOverrides.java). Where the JDK maps a sequence to a private-use character that Python
 * rejects (GBK, CP949, CP950 user areas), the sequence is an error.
 */
final class PyCjkDecoder {
    private static final Map<String, Map<String, String>> OVERRIDES = new HashMap<>();
    private static final Set<String> PUA_REJECTED = Set.of("gbk", "cp949", "cp950");

    static {
        PyResources.rows("python-cjk-overrides.txt", f -> {
            byte[] key = java.util.HexFormat.of().parseHex(f[1]);
            OVERRIDES.computeIfAbsent(f[0], k -> new HashMap<>()).put(new String(key, StandardCharsets.ISO_8859_1), f[2]);
        });
    }

    private PyCjkDecoder() {
    }

    /** True for the codecs this class handles. */
    static boolean handles(String codec) {
        return switch (codec) {
            case "big5", "big5hkscs", "cp932", "cp949", "cp950", "euc_jp", "euc_kr", "gb2312", "gbk", "gb18030", "johab",
                 "shift_jis" -> true;
            default -> false;
        };
    }

    /** {@code data.decode(codec, 'replace' if replace else 'ignore')}. */
    static String decode(byte[] data, String codec, Charset charset, boolean replace) {
        Map<String, String> overrides = OVERRIDES.getOrDefault(codec, Map.of());
        boolean rejectPua = PUA_REJECTED.contains(codec);
        CharsetDecoder d = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer one = CharBuffer.allocate(2);
        StringBuilder out = new StringBuilder(data.length);
        int n = data.length;
        int pos = 0;
        while (pos < n) {
            int b = data[pos] & 0xFF;
            if (b < 0x80) {
                out.append((char) b);
                pos++;
                continue;
            }
            String step = null;
            int len = 0;
            String forced = overrides.get(key(data, pos, 1));
            if (forced != null && !forced.equals("M")) {
                step = forced;
                len = 1;
            } else if (forced != null && pos + 1 >= n) {
                step = "E"; // Python: incomplete multibyte sequence at the end
                len = 1;
            } else {
                for (int k = 2; k <= 3 && pos + k <= n && step == null; k++) {
                    String s = overrides.get(key(data, pos, k));
                    if (s != null && !s.equals("M")) {
                        step = s;
                        len = k;
                    }
                }
            }
            if (step == null) {
                // The JDK's step: one character (or a surrogate pair), or an error.
                d.reset();
                ByteBuffer in = ByteBuffer.wrap(data, pos, n - pos);
                one.clear().limit(1);
                CoderResult cr = d.decode(in, one, true);
                if (cr.isOverflow() && one.position() == 0) {
                    one.clear();
                    cr = d.decode(in, one, true);
                }
                int produced = one.position();
                int consumed = in.position() - pos;
                if (produced > 0 && consumed > 0 && !(rejectPua && one.get(0) >= 0xE000 && one.get(0) <= 0xF8FF)) {
                    out.append(one.array(), 0, produced);
                    pos += consumed;
                } else {
                    if (replace) out.append('\uFFFD');
                    pos++;
                }
                continue;
            }
            if (step.equals("E")) {
                if (replace) out.append('\uFFFD');
                pos++;
            } else {
                for (String cp : step.split(" ")) out.appendCodePoint(Integer.parseInt(cp, 16));
                pos += len;
            }
        }
        return out.toString();
    }

    private static String key(byte[] data, int pos, int len) {
        return new String(data, pos, len, StandardCharsets.ISO_8859_1);
    }
}
