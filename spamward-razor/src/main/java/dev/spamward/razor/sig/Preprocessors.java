package dev.spamward.razor.sig;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Razor2 preprocessor chains ({@code Razor2::Preproc::Manager}): each step takes a whole part text
 * ("headers, blank line, body") and returns the changed text; the chain finally keeps only the body.
 * VR4 runs deBase64, deQP, deHTML, deNewline; VR8 the same without deHTML.
 */
public final class Preprocessors {
    private static final Pattern BASE64_ANY = Pattern.compile("(?i)Content-Transfer-Encoding: base64");
    private static final Pattern BASE64_DATA = Pattern.compile("\\r?\\n\\r?\\n([^=]*)");

    private Preprocessors() {
    }

    /**
     * Both cleaned bodies of a part.
     *
     * @param vr8 the VR8-cleaned body (engine 8 and the skip test), or {@code null} when no blank line is left
     * @param vr4 the VR4-cleaned body (engine 4), same convention
     */
    public record Cleaned(String vr8, String vr4) {
    }

    /** Runs both chains, sharing the deBase64 and deQP steps. */
    public static Cleaned clean(String part) {
        String text = decode(part);
        String vr8 = PerlText.splitHeader(deNewline(text))[1];
        String vr4 = DeHtml.applies(text) ? PerlText.splitHeader(deNewline(DeHtml.strip(text)))[1] : vr8;
        return new Cleaned(vr8, vr4);
    }

    /** The VR4 chain (engine 4): the cleaned body, or {@code null} when the text has no blank line left. */
    public static String vr4(String part) {
        return clean(part).vr4();
    }

    /** The VR8 chain (engine 8): like {@link #vr4} without HTML stripping. */
    public static String vr8(String part) {
        return PerlText.splitHeader(deNewline(decode(part)))[1];
    }

    private static String decode(String text) {
        if (hasLineStartingWith(text, 0, text.length(), "Content-Transfer-Encoding: base64")) text = deBase64(text);
        if (isQuotedPrintable(text)) text = deQp(text);
        return text;
    }

    static boolean isQuotedPrintable(String text) {
        int[] end = new int[1];
        int hdrEnd = PerlText.blankLine(text, 0, end);
        return hasLineStartingWith(text, 0, hdrEnd < 0 ? text.length() : hdrEnd,
                "Content-Transfer-Encoding: quoted-printable");
    }

    /** {@code /^PREFIX/mi} within {@code [from, to)}: a line of the region starts with prefix (ASCII case-insensitive). */
    static boolean hasLineStartingWith(String s, int from, int to, String prefix) {
        int n = prefix.length();
        int line = from;
        while (line >= 0 && line + n <= to) {
            if (startsWithIgnoreAsciiCase(s, line, prefix)) return true;
            int nl = s.indexOf('\n', line);
            line = nl < 0 || nl >= to ? -1 : nl + 1;
        }
        return false;
    }

    static boolean startsWithIgnoreAsciiCase(String s, int at, String prefix) {
        for (int k = 0; k < prefix.length(); k++) {
            char c = s.charAt(at + k);
            char p = prefix.charAt(k);
            if (c != p && (c | 0x20) != (p | 0x20)) return false;
            if (c != p && !(p >= 'a' && p <= 'z' || p >= 'A' && p <= 'Z')) return false;
        }
        return true;
    }

    /** {@code deBase64}: decodes the data after the first base64 header like Perl's lenient uudecode. */
    static String deBase64(String text) {
        String hdr = PerlText.splitHeader(text)[0];
        String data = "";
        Matcher any = BASE64_ANY.matcher(text);
        if (any.find()) {
            String rhs = text.substring(any.end());
            Matcher m = BASE64_DATA.matcher(rhs);
            // a failed match leaves Perl's $1 at the previous match: the whole rest of the text
            data = (m.find() ? m.group(1) : rhs) + "==";
        }
        StringBuilder clean = new StringBuilder(data.length());
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/'
                    || c == '=') {
                clean.append(c);
            }
        }
        int end = clean.length();
        while (end > 0 && clean.charAt(end - 1) == '=') end--;
        StringBuilder decoded = new StringBuilder(end * 3 / 4 + 4);
        // the value of each character left is what Perl's tr to the uuencode range yields; '=' inside stays
        for (int start = 0; start < end; start += 60) {
            int stop = Math.min(end, start + 60);
            uudecodeLine(clean, start, stop, decoded);
        }
        return hdr + "\n\n" + decoded;
    }

    /** Base64 value of a character after Perl's {@code tr|A-Za-z0-9+/| -_|}; other characters keep their code. */
    private static int uuChar(char c) {
        if (c >= 'A' && c <= 'Z') return 32 + (c - 'A');
        if (c >= 'a' && c <= 'z') return 32 + 26 + (c - 'a');
        if (c >= '0' && c <= '9') return 32 + 52 + (c - '0');
        if (c == '+') return 32 + 62;
        if (c == '/') return 32 + 63;
        return c;
    }

    private static boolean isUuChar(int c) {
        return c >= ' ' && c < 'a';
    }

    /** Perl {@code unpack("u", chr(32 + len*3/4) . chunk)}, including its reading of left-over characters. */
    private static void uudecodeLine(CharSequence data, int start, int stop, StringBuilder out) {
        int n = stop - start;
        int[] s = new int[n + 1];
        s[0] = 32 + (n * 3) / 4;
        for (int i = 0; i < n; i++) s[i + 1] = uuChar(data.charAt(start + i));
        int p = 0;
        while (p < s.length && s[p] != ' ' && isUuChar(s[p])) {
            int len = (s[p++] - 32) & 077;
            while (len > 0) {
                int[] v = new int[4];
                for (int k = 0; k < 4; k++) {
                    if (p < s.length && isUuChar(s[p])) v[k] = (s[p++] - 32) & 077;
                }
                char[] hunk = {(char) ((v[0] << 2 | v[1] >> 4) & 0xff), (char) ((v[1] << 4 | v[2] >> 2) & 0xff),
                    (char) ((v[2] << 6 | v[3]) & 0xff)};
                out.append(hunk, 0, Math.min(len, 3));
                len -= 3;
            }
            // no newlines occur in the data, so Perl's line-end skipping never applies
        }
    }

    /** {@code deQP}: soft line breaks removed, {@code =XX} decoded. */
    static String deQp(String text) {
        String[] hb = PerlText.splitHeader(text);
        String body = hb[1] == null ? "" : hb[1];
        StringBuilder out = new StringBuilder(body.length());
        // pass 1: s/=\r?\n//g
        StringBuilder soft = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '=') {
                if (i + 1 < body.length() && body.charAt(i + 1) == '\n') {
                    i += 1;
                    continue;
                }
                if (i + 2 < body.length() && body.charAt(i + 1) == '\r' && body.charAt(i + 2) == '\n') {
                    i += 2;
                    continue;
                }
            }
            soft.append(c);
        }
        // pass 2: s/=([\da-fA-F]{2})/chr(hex)/ge
        for (int i = 0; i < soft.length(); i++) {
            char c = soft.charAt(i);
            if (c == '=' && i + 2 < soft.length() && isHex(soft.charAt(i + 1)) && isHex(soft.charAt(i + 2))) {
                out.append((char) (Character.digit(soft.charAt(i + 1), 16) << 4 | Character.digit(soft.charAt(i + 2), 16)));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return hb[0] + "\n\n" + out;
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** {@code deNewline}: trailing newlines of a true body removed. */
    static String deNewline(String text) {
        String[] hb = PerlText.splitHeader(text);
        String body = hb[1];
        if (!PerlText.isTrue(body)) return text;
        int end = body.length();
        while (end > 0 && body.charAt(end - 1) == '\n') end--;
        if (end == body.length()) return text;
        return hb[0] + "\n\n" + body.substring(0, end);
    }
}
