package dev.spamward.razor.sig;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Engine 8 ("Whiplash", {@code Razor2::Signature::Whiplash}): one 12-character signature per URL host of
 * the VR8-cleaned body. Follows the Perl regexes exactly, including the continuation
 * {@code m"http://(.*)$"} (no /s, no /i) that only finds further URLs on the text's last line.
 */
public final class Whiplash {
    private static final List<String> DPL = loadDpl();

    private Whiplash() {
    }

    /** The engine-8 signatures of a VR8-cleaned body, in library order (empty when it has no URL host). */
    public static List<String> signatures(String text) {
        List<String> out = new ArrayList<>();
        if (!PerlText.isTrue(text)) return out;
        List<String> hosts = extractHosts(text);
        if (hosts.isEmpty()) return out;
        for (String host : hosts) {
            // Digest::SHA dies on a character above 255 ("Wide character"), which aborts the Perl agents;
            // this part then gets no engine-8 signature at all
            for (int i = 0; i < host.length(); i++) if (host.charAt(i) > 255) return out;
        }
        int length = text.length();
        String corrected = Integer.toString(length - length % 100);
        String lengthHash = Hex.of(Ephemeral.sha1().digest(PerlText.toBytes(corrected))).substring(0, 4);
        for (String host : hosts) {
            MessageDigest sha1 = Ephemeral.sha1();
            String hex = Hex.of(sha1.digest(PerlText.toBytes(host))).substring(0, 12) + lengthHash;
            out.add(RazorBase64.fromHex(hex));
        }
        return out;
    }

    /** {@code extract_hosts}: autolinks first (raw), then canonical hosts of the http(s) URLs. */
    static List<String> extractHosts(String text) {
        text = decodePercent(text);
        text = decodeDecimal(text);
        boolean wide = false; // a character above 255 makes Perl use Unicode rules for \s and lc
        for (int i = 0; i < text.length() && !wide; i++) wide = text.charAt(i) > 255;
        List<String> hosts = autolinks(text, wide);
        int rest = urlStart(text, true, wide);
        if (rest >= 0) {
            text = "a href = http://" + text.substring(rest);
        } else {
            rest = urlStart(text, false, wide);
            if (rest < 0) return List.of();
            text = "http://" + text.substring(rest);
        }
        while (true) {
            String host = nextHost(text, wide);
            if (!PerlText.isTrue(host)) break;
            String canonical = isIp(host) ? host : canonify(host);
            if (!hosts.contains(canonical) && canonical.length() > 1 && canonical.indexOf('.') >= 0) {
                hosts.add(canonical);
            }
            // m"http://(.*)$" without /s and /i: only an http:// on the last line (before a final newline)
            int len = text.length();
            int lastLine = text.lastIndexOf('\n', text.endsWith("\n") ? len - 2 : len - 1) + 1;
            int lineEnd = text.endsWith("\n") ? len - 1 : len;
            if (lastLine > lineEnd) break;
            int p = text.indexOf("http://", lastLine);
            if (p < 0 || p + 7 > lineEnd) break;
            text = text.substring(p + 7, lineEnd);
        }
        return hosts;
    }

    /** {@code s/%([0-9A-Fa-f]{2})/chr(hex($1))/eg}. */
    static String decodePercent(String text) {
        int i = text.indexOf('%');
        if (i < 0) return text;
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (i >= 0) {
            if (i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                out.append(text, from, i).append((char) (hex(text.charAt(i + 1)) << 4 | hex(text.charAt(i + 2))));
                from = i + 3;
                i = text.indexOf('%', from);
            } else {
                i = text.indexOf('%', i + 1);
            }
        }
        return out.append(text, from, text.length()).toString();
    }

    /**
     * {@code s/\&\#([0-9]{2,3})\;/chr($1)/eg}. A value above 255 would make Perl treat the string as
     * characters (and Digest::SHA refuse a host containing it); the low byte is kept here instead.
     */
    static String decodeDecimal(String text) {
        int i = text.indexOf("&#");
        if (i < 0) return text;
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (i >= 0) {
            int j = i + 2;
            int v = 0;
            while (j < text.length() && j - i - 2 < 3 && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
                v = v * 10 + (text.charAt(j++) - '0');
            }
            int digits = j - i - 2;
            if (digits >= 2 && j < text.length() && text.charAt(j) == ';') {
                out.append(text, from, i).append((char) v);
                from = j + 1;
                i = text.indexOf("&#", from);
            } else {
                i = text.indexOf("&#", i + 1);
            }
        }
        return out.append(text, from, text.length()).toString();
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    /**
     * {@code m|\s+(www.[^ /><"\r\n]+)|ig}: "www" (any case) right after white space, any character but a
     * newline, then at least one character up to a terminator.
     */
    static List<String> autolinks(String text, boolean wide) {
        List<String> out = new ArrayList<>();
        int from = 0;
        int n = text.length();
        for (int p = 1; p + 4 < n; p++) {
            if ((text.charAt(p) | 0x20) != 'w' || (text.charAt(p + 1) | 0x20) != 'w' || (text.charAt(p + 2) | 0x20) != 'w') {
                continue;
            }
            if (p - 1 < from || !space(text.charAt(p - 1), wide)) continue;
            if (text.charAt(p + 3) == '\n') continue;
            int e = p + 4;
            while (e < n && !isAutolinkEnd(text.charAt(e))) e++;
            if (e == p + 4) continue;
            out.add(text.substring(p, e));
            from = e;
            p = e - 1;
        }
        return out;
    }

    private static boolean isAutolinkEnd(char c) {
        return c == ' ' || c == '/' || c == '>' || c == '<' || c == '"' || c == '\r' || c == '\n';
    }

    /**
     * The first match of {@code ^.*?href\s*=\s*"?https?://?(.*)$} (with {@code href}) or
     * {@code ^.*?https?://?(.*)$}, both /si: the index where the captured rest starts, or -1.
     */
    static int urlStart(String text, boolean href, boolean wide) {
        int n = text.length();
        String first = href ? "href" : "http";
        for (int i = 0; i + 4 <= n; i++) {
            if ((text.charAt(i) | 0x20) != 'h' || !Preprocessors.startsWithIgnoreAsciiCase(text, i, first)) continue;
            int j = i;
            if (href) {
                j += 4;
                while (j < n && space(text.charAt(j), wide)) j++;
                if (j >= n || text.charAt(j) != '=') continue;
                j++;
                while (j < n && space(text.charAt(j), wide)) j++;
                if (j < n && text.charAt(j) == '"') j++;
                if (j + 4 > n || !Preprocessors.startsWithIgnoreAsciiCase(text, j, "http")) continue;
            }
            j += 4;
            if (j < n && (text.charAt(j) | 0x20) == 's') j++;
            if (j + 2 > n || text.charAt(j) != ':' || text.charAt(j + 1) != '/') continue;
            j += 2;
            if (j < n && text.charAt(j) == '/') j++;
            return j;
        }
        return -1;
    }

    private static boolean isIp(String host) {
        if (host.isEmpty()) return false;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) return false;
        }
        return true;
    }

    /** {@code next_host}. */
    static String nextHost(String s, boolean wide) {
        boolean insideHref = false;
        if (s.startsWith("a href")) {
            insideHref = true;
            int j = 6;
            while (j < s.length() && space(s.charAt(j), wide)) j++;
            if (j < s.length() && s.charAt(j) == '=') {
                j++;
                while (j < s.length() && space(s.charAt(j), wide)) j++;
                s = s.substring(j);
            }
        }
        if (s.length() >= 7 && Preprocessors.startsWithIgnoreAsciiCase(s, 0, "http://")) s = s.substring(7);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '>' || c == '"' || c == '/' || c == '?' || c == '<' || !insideHref && (c == '\n' || c == '\r')) {
                s = s.substring(0, i);
                break;
            }
        }
        int at = s.indexOf('@');
        if (at >= 0) s = s.substring(at + 1);
        s = removeFirstAssignment(s, wide);
        String host = s;
        for (int i = 0; i < host.length(); i++) {
            if (space(host.charAt(i), wide)) {
                host = host.substring(0, i);
                break;
            }
        }
        host = lower(host, wide).replace("=", "");
        int colon = host.indexOf(':');
        if (colon >= 0) host = host.substring(0, colon);
        if (host.endsWith(".")) host = host.substring(0, host.length() - 1);
        return host;
    }

    /** {@code s/\S+=//}: the first run of non-space characters with an '=' after its first character loses
     * everything up to its last '='. */
    static String removeFirstAssignment(String s, boolean wide) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            while (i < n && space(s.charAt(i), wide)) i++;
            int start = i;
            int lastEq = -1;
            while (i < n && !space(s.charAt(i), wide)) {
                if (s.charAt(i) == '=' && i > start) lastEq = i;
                i++;
            }
            if (lastEq >= 0) return s.substring(0, start) + s.substring(lastEq + 1);
        }
        return s;
    }

    /** {@code canonify}: the first matching domain-part-list entry decides. */
    static String canonify(String host) {
        for (String pattern : DPL) {
            if (pattern.startsWith(".")) {
                if (host.endsWith(pattern)) {
                    int end = host.length() - pattern.length();
                    int start = end;
                    while (start > 0 && host.charAt(start - 1) != '.') start--;
                    if (start < end) return host.substring(start);
                }
            } else if (host.endsWith(pattern)) {
                return pattern;
            }
        }
        return host;
    }

    /** Perl {@code \s}: ASCII white space, and under Unicode rules also NEL, NBSP and the Unicode spaces. */
    static boolean space(char c, boolean wide) {
        if (PerlText.isSpace(c)) return true;
        return wide && (c == 0x85 || c == 0xA0 || c == 0x1680 || c >= 0x2000 && c <= 0x200A || c == 0x2028
                || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000);
    }

    /** Perl {@code lc}: ASCII only on a byte string, Unicode rules once the string holds a wide character. */
    private static String lower(String s, boolean wide) {
        if (wide) return s.toLowerCase(java.util.Locale.ROOT);
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (b == null) b = new StringBuilder(s);
                b.setCharAt(i, (char) (c + 32));
            }
        }
        return b == null ? s : b.toString();
    }

    private static List<String> loadDpl() {
        List<String> list = new ArrayList<>();
        try (InputStream in = Whiplash.class.getResourceAsStream("whiplash-dpl.txt")) {
            if (in == null) throw new IllegalStateException("whiplash-dpl.txt missing from the jar");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank()) list.add(line.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(list);
    }
}
