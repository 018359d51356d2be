package dev.spamward.pyzor.digest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The Pyzor digest of a message, computed exactly as pyzor 1.0 ({@code pyzor.digest.DataDigester}) does
 * on Python 3.11: the MIME walk of Python's {@code email} package, text parts decoded with their charset
 * ("ignore" errors), HTML reduced to its text nodes, each line normalised (long tokens, e-mail addresses,
 * URLs and all whitespace removed), lines of at least 8 characters kept, and either all of them (at most 4)
 * or the lines at 20% and 60% (3 each) hashed with SHA-1.
 *
 * <p>Stateless and thread-safe; never throws on any input.
 */
public final class PyzorDigester {
    /** SHA-1 of nothing: the digest of a message without usable line. Never query or report it. */
    public static final String EMPTY_DIGEST = "da39a3ee5e6b4b0d3255bfef95601890afd80709";
    /** pyzor's digest spec: (offset %, line count) pairs used when there are more than 4 lines. */
    static final int[][] SPEC = {{20, 3}, {60, 3}};
    /** The spec flattened as sent in {@code Op-Spec}. */
    public static final String OP_SPEC = "20,3,60,3";
    private static final int MIN_LINE_LENGTH = 8;
    private static final int ATOMIC_NUM_LINES = 4;

    private PyzorDigester() {
    }

    /** The 40-hex-digit digest of a raw RFC 5322 message. */
    public static String digest(byte[] message) {
        MessageDigest sha1 = sha1();
        for (byte[] line : selectedLines(message)) sha1.update(line);
        return HexFormat.of().formatHex(sha1.digest());
    }

    /** The normalised lines that are hashed, in order ({@code pyzor predigest}). */
    public static List<String> predigest(byte[] message) {
        List<String> out = new ArrayList<>();
        for (byte[] line : selectedLines(message)) out.add(new String(line, StandardCharsets.UTF_8));
        return out;
    }

    private static List<byte[]> selectedLines(byte[] message) {
        List<byte[]> lines = new ArrayList<>();
        for (String payload : payloads(PyFeedParser.parse(message))) {
            for (String line : PyText.splitLines(payload)) {
                String norm = normalize(line);
                if (norm.codePointCount(0, norm.length()) >= MIN_LINE_LENGTH) lines.add(utf8Ignore(norm));
            }
        }
        if (lines.size() <= ATOMIC_NUM_LINES) return lines;
        List<byte[]> picked = new ArrayList<>();
        int n = lines.size();
        for (int[] spec : SPEC) {
            for (int i = 0; i < spec[1]; i++) {
                int idx = spec[0] * n / 100 + i;
                if (idx < n) picked.add(lines.get(idx));
            }
        }
        return picked;
    }

    /** {@code DataDigester.digest_payloads}: the texts of the parts, in walk order. */
    static List<String> payloads(PyMessage root) {
        List<PyMessage> parts = new ArrayList<>();
        root.walk(parts);
        List<String> out = new ArrayList<>();
        for (PyMessage part : parts) {
            if (part.mainType().equals("text")) {
                String payload = part.payload() == null ? "" : part.payload();
                byte[] bytes = PyTransferDecoder.decode(payload, part.get("content-transfer-encoding"));
                String charset = part.contentCharset();
                String text = PyCodecs.decodeIgnore(bytes, charset == null ? "ascii" : charset);
                if (text == null) text = PyCodecs.asciiIgnore(bytes);
                out.add(part.subType().equals("html") ? PyHtmlText.text(text) : text);
            } else if (!part.isMultipart()) {
                out.add(rawPayload(part));
            }
        }
        return out;
    }

    /** {@code get_payload()} without decoding: 8-bit bytes decoded with the charset parameter, 'replace'. */
    private static String rawPayload(PyMessage part) {
        String payload = part.payload() == null ? "" : part.payload();
        boolean surrogates = false;
        for (int i = 0; i < payload.length() && !surrogates; i++) {
            char c = payload.charAt(i);
            surrogates = c >= 0xDC80 && c <= 0xDCFF;
        }
        if (!surrogates) return payload;
        PyParams.Value cs = part.param("charset");
        String label = cs == null ? "ascii" : cs.text();
        return PyCodecs.decodeReplace(PyTransferDecoder.toBytes(payload), label);
    }

    /**
     * {@code DataDigester.normalize}: delete runs of 10+ non-space characters, then e-mail-like tokens
     * ({@code \S+@\S+}), then URL-like tails ({@code [a-z]+:\S+}, case-insensitive), then all whitespace.
     * Whitespace separates the tokens and none of the steps joins two, so each token is handled alone.
     */
    static String normalize(String line) {
        StringBuilder out = new StringBuilder(line.length());
        int[] cps = new int[10];
        int n = line.length();
        int i = 0;
        while (i < n) {
            int cp = line.codePointAt(i);
            if (PyText.isSpace(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int count = 0;
            while (i < n) {
                int c = line.codePointAt(i);
                if (PyText.isSpace(c)) break;
                if (count < cps.length) cps[count] = c;
                i += Character.charCount(c);
                count++;
            }
            if (count < 10) keepToken(cps, count, out);
        }
        return out.toString();
    }

    /** One token of fewer than 10 code points: dropped if e-mail-like, cut before a URL-like tail. */
    private static void keepToken(int[] cps, int len, StringBuilder out) {
        for (int p = 1; p < len - 1; p++) {
            if (cps[p] == '@') return; // \S+@\S+ takes the whole token
        }
        int cut = len;
        for (int j = 1; j < len - 1; j++) {
            if (cps[j] == ':' && isAzIgnoreCase(cps[j - 1])) {
                int s = j - 1;
                while (s > 0 && isAzIgnoreCase(cps[s - 1])) s--;
                cut = s;
                break;
            }
        }
        for (int k = 0; k < cut; k++) out.appendCodePoint(cps[k]);
    }

    /** Python's {@code [a-z]} under {@code re.IGNORECASE} on str: ASCII letters plus the case-folding extras. */
    private static boolean isAzIgnoreCase(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == 0x130 || c == 0x131 || c == 0x17F || c == 0x212A;
    }

    /** {@code s.encode('utf8', 'ignore')}: lone surrogates are dropped. */
    private static byte[] utf8Ignore(String s) {
        boolean plain = true;
        for (int i = 0; i < s.length() && plain; i++) plain = !Character.isSurrogate(s.charAt(i));
        if (plain) return s.getBytes(StandardCharsets.UTF_8);
        CharsetEncoder e = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.IGNORE)
                .onUnmappableCharacter(CodingErrorAction.IGNORE);
        try {
            ByteBuffer b = e.encode(CharBuffer.wrap(s));
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return out;
        } catch (CharacterCodingException ex) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every JDK", e);
        }
    }
}
