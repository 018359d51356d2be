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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Engine 8 ("Whiplash", {@code Razor2::Signature::Whiplash}): one 12-character signature per URL host of
 * the VR8-cleaned body. Follows the Perl regexes exactly, including the continuation
 * {@code m"http://(.*)$"} (no /s, no /i) that only finds further URLs on the text's last line.
 */
public final class Whiplash {
    private static final List<String> DPL = loadDpl();
    // (?d) makes \n the only line terminator for '.', '^' and '$', as in Perl
    private static final Pattern PERCENT = Pattern.compile("%([0-9A-Fa-f]{2})");
    private static final Pattern DECIMAL = Pattern.compile("&#([0-9]{2,3});");
    private static final Pattern AUTOLINK = Pattern.compile("(?di)\\s+(www.[^ /><\"\\r\\n]+)");
    private static final Pattern HREF = Pattern.compile("(?dsi)^.*?href\\s*=\\s*\"?https?://?(.*)$");
    private static final Pattern HTTP = Pattern.compile("(?dsi)^.*?https?://?(.*)$");
    private static final Pattern CONTINUE = Pattern.compile("(?d)http://(.*)$");
    private static final Pattern HREF_PREFIX = Pattern.compile("^a href\\s*=\\s*");
    private static final Pattern PROTOCOL = Pattern.compile("(?i)^http://");
    private static final Pattern TERM_HREF = Pattern.compile("(?s)(.*?)[>\"/?<]");
    private static final Pattern TERM_TEXT = Pattern.compile("(?s)(.*?)[>\"/?<\\n\\r]");
    private static final Pattern AUTHORITY = Pattern.compile("(?si)^[^@]*@");
    private static final Pattern ASSIGNMENT = Pattern.compile("(?si)\\S+=");
    private static final Pattern IP = Pattern.compile("(?d)^[0-9.]+$");

    private Whiplash() {
    }

    /** The engine-8 signatures of a VR8-cleaned body, in library order (empty when it has no URL host). */
    public static List<String> signatures(String text) {
        List<String> out = new ArrayList<>();
        if (!PerlText.isTrue(text)) return out;
        List<String> hosts = extractHosts(text);
        if (hosts.isEmpty()) return out;
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
        text = replace(PERCENT, text, m -> String.valueOf((char) Integer.parseInt(m.group(1), 16)));
        // chr(NNN) above 255 would make Perl switch the string to characters; such bytes cannot be hashed
        // by Perl either, so they are kept as the low byte here
        text = replace(DECIMAL, text, m -> String.valueOf((char) (Integer.parseInt(m.group(1)) & 0xff)));
        List<String> hosts = new ArrayList<>();
        Matcher al = AUTOLINK.matcher(text);
        while (al.find()) hosts.add(al.group(1));
        Matcher m = HREF.matcher(text);
        if (m.find()) {
            text = "a href = http://" + m.group(1);
        } else {
            m = HTTP.matcher(text);
            if (!m.find()) return List.of();
            text = "http://" + m.group(1);
        }
        while (true) {
            String host = nextHost(text);
            if (!PerlText.isTrue(host)) break;
            String canonical = IP.matcher(host).matches() ? host : canonify(host);
            if (!hosts.contains(canonical) && canonical.length() > 1 && canonical.indexOf('.') >= 0) {
                hosts.add(canonical);
            }
            Matcher c = CONTINUE.matcher(text);
            if (!c.find()) break;
            text = c.group(1);
        }
        return hosts;
    }

    /** {@code next_host}. */
    static String nextHost(String s) {
        boolean insideHref = false;
        if (s.startsWith("a href")) {
            insideHref = true;
            s = HREF_PREFIX.matcher(s).replaceFirst("");
        }
        s = PROTOCOL.matcher(s).replaceFirst("");
        Matcher t = (insideHref ? TERM_HREF : TERM_TEXT).matcher(s);
        if (t.find()) s = t.group(1);
        s = AUTHORITY.matcher(s).replaceFirst("");
        s = ASSIGNMENT.matcher(s).replaceFirst("");
        String host = s;
        for (int i = 0; i < host.length(); i++) {
            if (PerlText.isSpace(host.charAt(i))) {
                host = host.substring(0, i);
                break;
            }
        }
        host = lowerAscii(host).replace("=", "");
        int colon = host.indexOf(':');
        if (colon >= 0) host = host.substring(0, colon);
        if (host.endsWith(".")) host = host.substring(0, host.length() - 1);
        return host;
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

    private static String lowerAscii(String s) {
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

    private static String replace(Pattern p, String text, java.util.function.Function<Matcher, String> f) {
        Matcher m = p.matcher(text);
        if (!m.find()) return text;
        StringBuilder out = new StringBuilder(text.length());
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(f.apply(m)));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
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
