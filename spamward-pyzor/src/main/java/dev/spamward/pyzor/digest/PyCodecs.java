package dev.spamward.pyzor.digest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code bytes.decode(charset, 'ignore'|'replace')} with Python 3.11's codec registry: the charset label is
 * normalised and resolved through Python's alias table (so {@code ks_c_5601-1987} is cp949 and
 * {@code chinesebig5} is unknown, as in Python); single-byte codecs use Python's own byte tables; the CJK
 * codecs go through {@link PyCjkDecoder}, iso2022_jp(_1) through {@link PyIso2022Jp}, hz through
 * {@link PyHz}, UTF-7 through {@link Utf7}, UTF-16/32 through a local decoder, each with Python's error
 * recovery. Remaining approximations (JDK decoder, Python-style one-byte recovery): iso2022_jp_2/_3/_2004/
 * _ext, iso2022_kr, euc_jis_2004, shift_jis_2004; non-text codecs and unknown labels make the caller fall back
 * to ASCII as pyzor does.
 */
final class PyCodecs {
    private static final Map<String, String> ALIASES = new HashMap<>();
    private static final Map<String, char[]> CHARMAPS = new HashMap<>();
    /** Python codec module name to JDK charset for the multi-byte codecs. */
    private static final Map<String, String> JDK = Map.ofEntries(
            Map.entry("utf_8", "UTF-8"), Map.entry("utf_8_sig", "UTF-8"),
            Map.entry("big5", "Big5"), Map.entry("big5hkscs", "Big5-HKSCS"), Map.entry("cp932", "windows-31j"),
            Map.entry("cp949", "x-windows-949"), Map.entry("cp950", "x-windows-950"), Map.entry("euc_jp", "EUC-JP"),
            Map.entry("euc_jis_2004", "EUC-JP"), Map.entry("euc_jisx0213", "EUC-JP"), Map.entry("euc_kr", "EUC-KR"),
            Map.entry("gb18030", "GB18030"), Map.entry("gb2312", "GB2312"), Map.entry("gbk", "GBK"),
            Map.entry("iso2022_jp", "ISO-2022-JP"), Map.entry("iso2022_jp_1", "ISO-2022-JP"),
            Map.entry("iso2022_jp_2", "ISO-2022-JP-2"), Map.entry("iso2022_jp_2004", "ISO-2022-JP-2"),
            Map.entry("iso2022_jp_3", "ISO-2022-JP-2"), Map.entry("iso2022_jp_ext", "ISO-2022-JP"),
            Map.entry("iso2022_kr", "ISO-2022-KR"), Map.entry("johab", "x-Johab"), Map.entry("shift_jis", "Shift_JIS"),
            Map.entry("shift_jis_2004", "Shift_JIS"), Map.entry("shift_jisx0213", "Shift_JIS"));

    static {
        PyResources.rows("python-codec-aliases.txt", f -> ALIASES.put(f[0], f[1]));
        PyResources.rows("python-charmaps.txt", f -> {
            String k = f[0];
            String[] cells = f[1].split(" ");
            char[] table = new char[256];
            for (int i = 0; i < 256; i++) table[i] = cells[i].equals("-") ? '\uFFFF' : (char) Integer.parseInt(cells[i], 16);
            CHARMAPS.put(k, table);
        });
        // The escape codecs only differ from latin-1 on backslash sequences, which mail labelled so never has.
        CHARMAPS.put("raw_unicode_escape", CHARMAPS.get("latin_1"));
        CHARMAPS.put("unicode_escape", CHARMAPS.get("latin_1"));
    }

    private PyCodecs() {
    }

    /** {@code encodings.normalize_encoding} after the registry's lower-casing. */
    static String normalize(String label) {
        StringBuilder b = new StringBuilder();
        boolean punct = false;
        for (int i = 0; i < label.length(); i++) {
            char c = Character.toLowerCase(label.charAt(i));
            if (Character.isLetterOrDigit(c) || c == '.') {
                if (punct && !b.isEmpty()) b.append('_');
                if (c < 128) b.append(c);
                punct = false;
            } else {
                punct = true;
            }
        }
        return b.toString();
    }

    /** The Python codec module a label resolves to, or {@code null} when Python raises LookupError. */
    static String codecName(String label) {
        String norm = normalize(label);
        String alias = ALIASES.get(norm);
        if (alias == null) alias = ALIASES.get(norm.replace('.', '_'));
        if (alias != null && (CHARMAPS.containsKey(alias) || isTextCodec(alias))) return alias;
        if (!norm.contains(".") && (CHARMAPS.containsKey(norm) || isTextCodec(norm))) return norm;
        return null;
    }

    private static boolean isTextCodec(String codec) {
        return JDK.containsKey(codec) || codec.startsWith("utf_16") || codec.startsWith("utf_32") || codec.equals("utf_7")
                || codec.equals("hz");
    }

    /** A JDK charset for a label (for RFC 2231 parameter values), or {@code null}. */
    static Charset javaCharsetFor(String label) {
        String codec = codecName(label);
        if (codec == null) return null;
        if (CHARMAPS.containsKey(codec)) return codec.equals("ascii") ? StandardCharsets.US_ASCII : StandardCharsets.ISO_8859_1;
        String jdk = JDK.get(codec);
        return jdk == null ? null : Charset.forName(jdk);
    }

    /**
     * {@code data.decode(label, 'ignore')}, or {@code null} where Python raises (unknown codec, a codec
     * that is not a text encoding, a codec that rejects 'ignore').
     */
    static String decodeIgnore(byte[] data, String label) {
        String codec = codecName(label);
        if (codec == null) return null;
        char[] table = CHARMAPS.get(codec);
        if (table != null) return decodeTable(data, table);
        return switch (codec) {
            case "utf_16" -> decodeBom(data, 2, false);
            case "utf_32" -> decodeBom(data, 4, false);
            case "utf_16_le" -> decodeUtf(data, 0, 2, false, false);
            case "utf_16_be" -> decodeUtf(data, 0, 2, true, false);
            case "utf_32_le" -> decodeUtf(data, 0, 4, false, false);
            case "utf_32_be" -> decodeUtf(data, 0, 4, true, false);
            case "utf_7" -> Utf7.decodeIgnore(data);
            case "hz" -> PyHz.decode(data, false);
            case "utf_8_sig" -> {
                int skip = data.length >= 3 && (data[0] & 0xFF) == 0xEF && (data[1] & 0xFF) == 0xBB
                        && (data[2] & 0xFF) == 0xBF ? 3 : 0;
                yield jdkIgnore(java.util.Arrays.copyOfRange(data, skip, data.length), Charset.forName("UTF-8"));
            }
            default -> jdkDecode(data, codec, Charset.forName(JDK.get(codec)), false);
        };
    }

    /**
     * {@code data.decode(label, 'replace')} as {@code Message.get_payload()} does for 8-bit non-text parts:
     * an unknown label falls back to ASCII; each undecodable byte or sequence becomes U+FFFD.
     */
    static String decodeReplace(byte[] data, String label) {
        String codec = codecName(label);
        if (codec == null) return replaceTable(data, CHARMAPS.get("ascii"));
        char[] table = CHARMAPS.get(codec);
        if (table != null) return replaceTable(data, table);
        String jdk = JDK.get(codec);
        if (jdk != null && !codec.equals("utf_8_sig")) return jdkDecode(data, codec, Charset.forName(jdk), true);
        return switch (codec) {
            case "utf_16" -> decodeBom(data, 2, true);
            case "utf_32" -> decodeBom(data, 4, true);
            case "utf_16_le" -> decodeUtf(data, 0, 2, false, true);
            case "utf_16_be" -> decodeUtf(data, 0, 2, true, true);
            case "utf_32_le" -> decodeUtf(data, 0, 4, false, true);
            case "utf_32_be" -> decodeUtf(data, 0, 4, true, true);
            case "utf_7" -> Utf7.decode(data, true);
            case "hz" -> PyHz.decode(data, true);
            default -> decodeIgnore(data, label); // utf-8-sig: errors there are too rare to count
        };
    }

    private static String replaceTable(byte[] data, char[] table) {
        char[] out = new char[data.length];
        for (int i = 0; i < data.length; i++) {
            char c = table[data[i] & 0xFF];
            out[i] = c == '\uFFFF' ? '\uFFFD' : c;
        }
        return new String(out);
    }

    /** ASCII with every byte >= 0x80 dropped. */
    static String asciiIgnore(byte[] data) {
        return decodeTable(data, CHARMAPS.get("ascii"));
    }

    private static String decodeTable(byte[] data, char[] table) {
        char[] out = new char[data.length];
        int n = 0;
        for (byte b : data) {
            char c = table[b & 0xFF];
            if (c != '\uFFFF') out[n++] = c;
        }
        return new String(out, 0, n);
    }

    /** Python's utf-16/utf-32 codecs: a BOM picks the order, no BOM means little-endian (x86). */
    private static String decodeBom(byte[] data, int unit, boolean replace) {
        boolean be = false;
        int skip = 0;
        if (unit == 2 && data.length >= 2) {
            if ((data[0] & 0xFF) == 0xFE && (data[1] & 0xFF) == 0xFF) { be = true; skip = 2; }
            else if ((data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xFE) skip = 2;
        } else if (unit == 4 && data.length >= 4) {
            if (data[0] == 0 && data[1] == 0 && (data[2] & 0xFF) == 0xFE && (data[3] & 0xFF) == 0xFF) { be = true; skip = 4; }
            else if ((data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xFE && data[2] == 0 && data[3] == 0) skip = 4;
        }
        return decodeUtf(data, skip, unit, be, replace);
    }

    /**
     * Decodes with a JDK charset but Python's error recovery: Python's CJK codecs (everything here but
     * UTF-*) give up on exactly one byte per bad sequence and resume at the next byte, or on all the
     * remaining bytes for a sequence cut off by the end; UTF-8 and UTF-16/32 drop maximal invalid
     * subparts, as the JDK does.
     */
    private static String jdkDecode(byte[] data, String codec, Charset charset, boolean replace) {
        if (PyCjkDecoder.handles(codec)) return PyCjkDecoder.decode(data, codec, charset, replace);
        if (codec.equals("iso2022_jp") || codec.equals("iso2022_jp_1")) return PyIso2022Jp.decode(data, codec.endsWith("1"), replace);
        if (codec.startsWith("iso2022_jp") && !codec.equals("iso2022_jp_ext")) data = dropKanaDesignations(data);
        boolean cjk = !codec.startsWith("utf");
        if (!cjk && !replace) return jdkIgnore(data, charset);
        CharsetDecoder d = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(data);
        CharBuffer out = CharBuffer.allocate(data.length + 16);
        while (true) {
            CoderResult cr = d.decode(in, out, true);
            if (cr.isUnderflow()) {
                cr = d.flush(out);
                if (cr.isUnderflow()) break;
            }
            if (cr.isOverflow()) {
                CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2 + 16);
                out.flip();
                bigger.put(out);
                out = bigger;
                continue;
            }
            if (replace) {
                if (!out.hasRemaining()) {
                    CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2 + 16);
                    out.flip();
                    bigger.put(out);
                    out = bigger;
                }
                out.put('\uFFFD');
            }
            int skip = !cjk || cr.length() == in.remaining() ? cr.length() : 1;
            in.position(in.position() + skip);
        }
        out.flip();
        return out.toString();
    }

    /**
     * Python's iso2022_jp codecs (all but _ext) do not know {@code ESC ( I} (JIS X 0201 katakana): the escape
     * is one error and the bytes after it stay in the previous character set. The JDK knows it, so each such
     * escape is replaced by a byte that is an error in every ISO-2022-JP state (0x80).
     */
    private static byte[] dropKanaDesignations(byte[] data) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(data.length);
        for (int i = 0; i < data.length; i++) {
            if (data[i] == 0x1B && i + 2 < data.length && data[i + 1] == '(' && data[i + 2] == 'I') {
                out.write(0x80);
                i += 2;
                continue;
            }
            out.write(data[i]);
        }
        return out.toByteArray();
    }

    /**
     * Python's UTF-16/UTF-32 decoders: a lone surrogate costs its own unit only, an invalid UTF-32 value
     * its 4 bytes, a truncated last unit is one error.
     */
    private static String decodeUtf(byte[] data, int from, int unit, boolean be, boolean replace) {
        StringBuilder out = new StringBuilder((data.length - from) / unit + 1);
        int pos = from;
        int n = data.length;
        while (pos < n) {
            if (pos + unit > n) {
                if (replace) out.append('\uFFFD');
                break;
            }
            int v = 0;
            for (int k = 0; k < unit; k++) {
                int b = data[pos + (be ? k : unit - 1 - k)] & 0xFF;
                v = (v << 8) | b;
            }
            if (unit == 4) {
                if (v < 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
                    if (replace) out.append('\uFFFD');
                } else {
                    out.appendCodePoint(v);
                }
                pos += 4;
                continue;
            }
            if (v >= 0xD800 && v <= 0xDBFF && pos + 4 <= n) {
                int lo = be ? ((data[pos + 2] & 0xFF) << 8 | (data[pos + 3] & 0xFF)) : ((data[pos + 3] & 0xFF) << 8 | (data[pos + 2] & 0xFF));
                if (lo >= 0xDC00 && lo <= 0xDFFF) {
                    out.append((char) v).append((char) lo);
                    pos += 4;
                    continue;
                }
            }
            if (v >= 0xD800 && v <= 0xDFFF) {
                if (replace) out.append('\uFFFD');
            } else {
                out.append((char) v);
            }
            pos += 2;
        }
        return out.toString();
    }

    private static String jdkIgnore(byte[] data, Charset charset) {
        CharsetDecoder d = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.IGNORE)
                .onUnmappableCharacter(CodingErrorAction.IGNORE);
        try {
            CharBuffer out = d.decode(ByteBuffer.wrap(data));
            return out.toString();
        } catch (CharacterCodingException e) {
            return asciiIgnore(data); // cannot happen with IGNORE
        }
    }
}
