package dev.spamward.mime;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Charset labels as mail uses them, mapped to the JDK's decoders: the JDK's own names plus an alias
 * table for labels where mail means something else than the JDK (cp932 is windows-31j, ks_c_5601-1987
 * is windows-949, iso-8859-1 is windows-1252 as in the WHATWG Encoding Standard), and UTF-7, which the
 * JDK lacks. Unknown labels fall back to detection and are flagged.
 */
public final class Charsets {
    /** Marker for UTF-7, decoded by {@link Utf7}. */
    static final Charset UTF_7 = new Charset("UTF-7", new String[0]) {
        @Override
        public boolean contains(Charset cs) {
            return false;
        }

        @Override
        public java.nio.charset.CharsetDecoder newDecoder() {
            throw new UnsupportedOperationException("UTF-7 is decoded by Utf7");
        }

        @Override
        public java.nio.charset.CharsetEncoder newEncoder() {
            throw new UnsupportedOperationException("UTF-7 encoding is not supported");
        }
    };

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("cp932", "windows-31j"), Map.entry("ms932", "windows-31j"), Map.entry("windows-932", "windows-31j"),
            Map.entry("shift_jis", "windows-31j"), Map.entry("shift-jis", "windows-31j"), Map.entry("sjis", "windows-31j"),
            Map.entry("x-sjis", "windows-31j"), Map.entry("ms_kanji", "windows-31j"), Map.entry("csshiftjis", "windows-31j"),
            Map.entry("ks_c_5601-1987", "x-windows-949"), Map.entry("ks_c_5601", "x-windows-949"),
            Map.entry("ks_c_5601-1989", "x-windows-949"), Map.entry("ksc5601", "x-windows-949"),
            Map.entry("ksc_5601", "x-windows-949"), Map.entry("euc-kr", "x-windows-949"), Map.entry("korean", "x-windows-949"),
            Map.entry("cp949", "x-windows-949"), Map.entry("windows-949", "x-windows-949"), Map.entry("uhc", "x-windows-949"),
            Map.entry("gb2312", "GB18030"), Map.entry("gb_2312-80", "GB18030"), Map.entry("csgb2312", "GB18030"),
            Map.entry("chinese", "GB18030"), Map.entry("gbk", "GB18030"), Map.entry("x-gbk", "GB18030"),
            Map.entry("cp936", "GB18030"), Map.entry("euc-cn", "GB18030"), Map.entry("x-euc-cn", "GB18030"),
            Map.entry("big5", "Big5-HKSCS"), Map.entry("chinesebig5", "Big5-HKSCS"), Map.entry("cn-big5", "Big5-HKSCS"),
            Map.entry("x-x-big5", "Big5-HKSCS"), Map.entry("csbig5", "Big5-HKSCS"), Map.entry("big5-hkscs", "Big5-HKSCS"),
            Map.entry("cp950", "x-windows-950"),
            Map.entry("iso-8859-1", "windows-1252"), Map.entry("iso8859-1", "windows-1252"),
            Map.entry("iso_8859-1", "windows-1252"), Map.entry("latin1", "windows-1252"), Map.entry("l1", "windows-1252"),
            Map.entry("cp819", "windows-1252"), Map.entry("us-ascii", "windows-1252"), Map.entry("ascii", "windows-1252"),
            Map.entry("ansi_x3.4-1968", "windows-1252"), Map.entry("us", "windows-1252"), Map.entry("iso-ir-100", "windows-1252"),
            Map.entry("iso-8859-8-i", "ISO-8859-8"), Map.entry("iso-8859-8-e", "ISO-8859-8"), Map.entry("logical", "ISO-8859-8"),
            Map.entry("visual", "ISO-8859-8"),
            Map.entry("tis-620", "x-windows-874"), Map.entry("iso-8859-11", "x-windows-874"), Map.entry("windows-874", "x-windows-874"),
            Map.entry("macintosh", "x-MacRoman"), Map.entry("mac", "x-MacRoman"), Map.entry("x-mac-roman", "x-MacRoman"),
            Map.entry("csmacintosh", "x-MacRoman"),
            Map.entry("utf8", "UTF-8"), Map.entry("unicode-1-1-utf-8", "UTF-8"), Map.entry("x-unicode20utf8", "UTF-8"),
            Map.entry("iso-8859-15", "ISO-8859-15"), Map.entry("latin-9", "ISO-8859-15"),
            Map.entry("x-euc-jp", "EUC-JP"), Map.entry("x-euc", "EUC-JP"),
            Map.entry("csiso2022jp", "ISO-2022-JP"), Map.entry("iso-2022-jp-2", "ISO-2022-JP-2"));

    private static final java.util.Set<String> UTF7_LABELS =
            java.util.Set.of("utf-7", "utf7", "unicode-1-1-utf-7", "x-utf-7", "csunicode11utf7");

    /** Labels that mean "unknown": known to be useless, so detection is used without asking the JDK. */
    private static final java.util.Set<String> UNKNOWN_LABELS =
            java.util.Set.of("default", "unknown-8bit", "unknown", "x-unknown", "x-user-defined", "none", "");

    private static final Charset NONE = StandardCharsets.UTF_16LE; // sentinel for "not found" in the cache
    private static final Map<String, Charset> CACHE = new ConcurrentHashMap<>();
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int DETECT_BYTES = 64 * 1024;

    private Charsets() {
    }

    /** The charset for a label as found in mail (case, quotes, RFC 2231 language tags ignored), or null. */
    public static Charset lookup(String label) {
        if (label == null) return null;
        String key = normalise(label);
        Charset cs = CACHE.computeIfAbsent(key, Charsets::resolve);
        return cs == NONE ? null : cs;
    }

    private static String normalise(String label) {
        String s = label.strip();
        if (s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"') s = s.substring(1, s.length() - 1).strip();
        int star = s.indexOf('*'); // RFC 2231: charset*language
        if (star >= 0) s = s.substring(0, star);
        return s.toLowerCase(Locale.ROOT);
    }

    private static Charset resolve(String key) {
        if (UNKNOWN_LABELS.contains(key)) return NONE;
        if (UTF7_LABELS.contains(key)) return UTF_7;
        String alias = ALIASES.get(key);
        try {
            if (alias != null) return Charset.forName(alias);
            if (key.startsWith("cp125") || key.startsWith("x-cp125")) {
                return Charset.forName("windows-125" + key.charAt(key.length() - 1));
            }
            return Charset.forName(key);
        } catch (RuntimeException e) {
            return NONE; // IllegalCharsetNameException, UnsupportedCharsetException
        }
    }

    /** Text decoded from bytes, with the charset actually used. */
    record Text(String text, Charset charset) {
    }

    /**
     * Decodes text bytes with the declared label. Unknown labels and undeclared 8-bit text are decoded
     * with a detected charset (UTF-8 when the bytes are valid UTF-8) and flagged; invalid bytes become
     * U+FFFD and are flagged.
     */
    static Text decode(byte[] bytes, String declared, List<Defect> defects) {
        Charset cs = null;
        if (declared != null) {
            cs = lookup(declared);
            if (cs == null) defects.add(new Defect(DefectType.UNKNOWN_CHARSET, normalise(declared)));
        }
        boolean ascii = isAscii(bytes);
        if (cs == null) {
            if (ascii) return new Text(new String(bytes, StandardCharsets.ISO_8859_1), StandardCharsets.US_ASCII);
            if (declared == null) defects.add(new Defect(DefectType.UNDECLARED_8BIT, ""));
            cs = detect(bytes);
        }
        if (cs == UTF_7) return new Text(Utf7.decode(bytes), UTF_7);
        if (ascii && asciiCompatible(cs)) {
            // Pure ASCII in an ASCII-compatible charset: the fastest exact decoding there is.
            return new Text(new String(bytes, StandardCharsets.ISO_8859_1), cs);
        }
        return new Text(decodeStrict(bytes, cs, defects), cs);
    }

    /** The charset for undeclared or mislabelled 8-bit text: UTF-8 if valid, else a detector's guess, else windows-1252. */
    static Charset detect(byte[] bytes) {
        if (isValidUtf8(bytes)) return StandardCharsets.UTF_8;
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(bytes, 0, Math.min(bytes.length, DETECT_BYTES));
        detector.dataEnd();
        Charset guess = lookup(detector.getDetectedCharset());
        return guess == null || guess == UTF_7 ? WINDOWS_1252 : guess;
    }

    private static String decodeStrict(byte[] bytes, Charset cs, List<Defect> defects) {
        CharsetDecoder dec = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L,
                (long) (bytes.length * (double) dec.maxCharsPerByte()) + 16));
        int bad = 0;
        try {
            while (true) {
                CoderResult r = in.hasRemaining() ? dec.decode(in, out, true) : CoderResult.UNDERFLOW;
                if (r.isUnderflow()) {
                    r = dec.flush(out);
                    if (r.isUnderflow()) break;
                }
                if (r.isOverflow()) {
                    CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2 + 16);
                    out.flip();
                    bigger.put(out);
                    out = bigger;
                    continue;
                }
                if (r.isError()) {
                    bad++;
                    if (out.remaining() < 1) {
                        CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2 + 16);
                        out.flip();
                        bigger.put(out);
                        out = bigger;
                    }
                    out.put('\uFFFD');
                    in.position(Math.min(in.limit(), in.position() + Math.max(1, r.length())));
                }
            }
        } catch (RuntimeException e) {
            // A decoder bug must not lose the text: fall back to a replacing decode.
            return new String(bytes, cs);
        }
        if (bad > 0) defects.add(new Defect(DefectType.MALFORMED_TEXT, cs.name() + ", " + bad + " invalid"));
        out.flip();
        return out.toString();
    }

    static boolean isAscii(byte[] b) {
        for (byte x : b) {
            if (x < 0) return false;
        }
        return true;
    }

    private static boolean asciiCompatible(Charset cs) {
        String n = cs.name().toUpperCase(Locale.ROOT);
        return !(n.startsWith("UTF-16") || n.startsWith("UTF-32") || n.startsWith("ISO-2022") || n.startsWith("X-ISO-2022")
                || n.startsWith("HZ") || n.contains("EBCDIC") || n.startsWith("IBM0") || n.startsWith("IBM-0")
                || n.startsWith("X-IBM") && !n.equals("X-IBM942C"));
    }

    static boolean isValidUtf8(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Decodes header bytes: UTF-8 when valid, else windows-1252; ASCII as is. */
    static String decodeHeaderBytes(byte[] b, int off, int len, List<Defect> defects) {
        boolean ascii = true;
        for (int i = off; i < off + len; i++) {
            if (b[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) return new String(b, off, len, StandardCharsets.ISO_8859_1);
        defects.add(new Defect(DefectType.HEADER_8BIT, ""));
        byte[] slice = java.util.Arrays.copyOfRange(b, off, off + len);
        return isValidUtf8(slice) ? new String(slice, StandardCharsets.UTF_8) : new String(slice, WINDOWS_1252);
    }
}
