package dev.spamward.razor.wire;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Razor2's "SIS" lines ({@code Razor2::String::makesis} / {@code parsesis}): {@code k=v&k=v\r\n} with keys
 * sorted and values URI-escaped like Debian's URI::Escape (everything but {@code A-Za-z0-9-._~}).
 * Values are byte strings held as ISO-8859-1 characters.
 */
public final class Sis {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Sis() {
    }

    /** {@code makesis}: sorted keys, escaped values, CRLF. */
    public static String make(Map<String, String> fields) {
        return join(fields, true);
    }

    /** {@code makesis_nue}: like {@link #make} but values are not escaped (further lines of a batch). */
    public static String makeUnescaped(Map<String, String> fields) {
        return join(fields, false);
    }

    private static String join(Map<String, String> fields, boolean escape) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(fields).entrySet()) {
            if (!out.isEmpty()) out.append('&');
            out.append(e.getKey()).append('=');
            String v = e.getValue() == null ? "" : e.getValue();
            out.append(escape ? escape(v) : v);
        }
        return out.append("\r\n").toString();
    }

    /** URI::Escape's {@code uri_escape} on a byte string. */
    public static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.ISO_8859_1)) {
            int c = b & 0xff;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    /** {@code uri_unescape}: {@code %XX} to a byte; {@code +} stays a plus. */
    public static String unescape(String value) {
        if (value.indexOf('%') < 0) return value;
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length() && hex(value.charAt(i + 1)) >= 0 && hex(value.charAt(i + 2)) >= 0) {
                out.append((char) (hex(value.charAt(i + 1)) << 4 | hex(value.charAt(i + 2))));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int hex(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }

    /**
     * {@code parsesis}: strips one trailing {@code \n} then {@code \r}, splits on {@code &}, and takes the first
     * two {@code =}-separated fields of each pair (Perl {@code split /=/}: {@code a=b=c} gives {@code a => b}).
     */
    public static Map<String, String> parse(String line) {
        if (line.endsWith("\n")) line = line.substring(0, line.length() - 1);
        if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : perlSplit(line, '&')) {
            java.util.List<String> kv = perlSplit(pair, '=');
            String key = kv.isEmpty() ? "" : kv.get(0);
            String value = kv.size() > 1 ? unescape(kv.get(1)) : "";
            out.put(key, value);
        }
        return out;
    }

    /** Perl {@code split /c/}: trailing empty fields dropped, an empty string gives no fields. */
    static java.util.List<String> perlSplit(String s, char sep) {
        java.util.List<String> out = new java.util.ArrayList<>();
        int from = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == sep) {
                out.add(s.substring(from, i));
                from = i + 1;
            }
        }
        int n = out.size();
        while (n > 0 && out.get(n - 1).isEmpty()) n--;
        return out.subList(0, n);
    }
}
