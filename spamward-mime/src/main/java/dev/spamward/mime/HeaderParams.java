package dev.spamward.mime;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A structured header value such as Content-Type: a lower-case main value and its parameters
 * ({@code ; name=value} or {@code name="quoted value"}), with RFC 2231 continuations
 * ({@code name*0=...; name*1=...}) and extended values ({@code name*=charset''percent-encoded}) joined.
 */
record HeaderParams(String value, Map<String, String> params) {

    static final HeaderParams EMPTY = new HeaderParams("", Map.of());

    String param(String name) {
        return params.get(name);
    }

    static HeaderParams parse(String header) {
        if (header == null) return EMPTY;
        int semi = header.indexOf(';');
        String main = (semi < 0 ? header : header.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
        // Comments such as "text/plain (generated)" are rare; drop them.
        int paren = main.indexOf('(');
        if (paren >= 0) main = main.substring(0, paren).strip();
        Map<String, String> raw = new LinkedHashMap<>();
        int i = semi < 0 ? header.length() : semi + 1;
        int n = header.length();
        while (i < n) {
            while (i < n && (header.charAt(i) == ' ' || header.charAt(i) == '\t' || header.charAt(i) == ';')) i++;
            int nameStart = i;
            while (i < n && header.charAt(i) != '=' && header.charAt(i) != ';') i++;
            String name = header.substring(nameStart, i).strip().toLowerCase(Locale.ROOT);
            if (i >= n || header.charAt(i) == ';') continue; // a parameter without value: ignore
            i++; // '='
            while (i < n && (header.charAt(i) == ' ' || header.charAt(i) == '\t')) i++;
            StringBuilder v = new StringBuilder();
            if (i < n && header.charAt(i) == '"') {
                i++;
                while (i < n && header.charAt(i) != '"') {
                    char c = header.charAt(i);
                    if (c == '\\' && i + 1 < n) c = header.charAt(++i);
                    v.append(c);
                    i++;
                }
                i++; // closing quote (or end)
                while (i < n && header.charAt(i) != ';') i++;
            } else {
                int vs = i;
                while (i < n && header.charAt(i) != ';') i++;
                v.append(header, vs, i);
            }
            if (!name.isEmpty()) raw.putIfAbsent(name, v.toString().strip());
        }
        return new HeaderParams(main, joinContinuations(raw));
    }

    private static Map<String, String> joinContinuations(Map<String, String> raw) {
        boolean any = false;
        for (String k : raw.keySet()) {
            if (k.indexOf('*') >= 0) {
                any = true;
                break;
            }
        }
        if (!any) return raw;
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, StringBuilder> joined = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : raw.entrySet()) {
            String k = e.getKey();
            int star = k.indexOf('*');
            if (star < 0) {
                out.putIfAbsent(k, e.getValue());
                continue;
            }
            String base = k.substring(0, star);
            String v = e.getValue();
            if (k.endsWith("*")) v = percentDecode(v);
            joined.computeIfAbsent(base, x -> new StringBuilder()).append(v);
        }
        for (Map.Entry<String, StringBuilder> e : joined.entrySet()) out.putIfAbsent(e.getKey(), e.getValue().toString());
        return out;
    }

    /** RFC 2231 extended value: {@code charset'language'percent-encoded}; the charset prefix may be absent on continuations. */
    private static String percentDecode(String v) {
        String charset = null;
        int q1 = v.indexOf('\'');
        int q2 = q1 < 0 ? -1 : v.indexOf('\'', q1 + 1);
        if (q2 > 0) {
            charset = v.substring(0, q1);
            v = v.substring(q2 + 1);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '%' && i + 2 < v.length() && Character.digit(v.charAt(i + 1), 16) >= 0
                    && Character.digit(v.charAt(i + 2), 16) >= 0) {
                out.write(Character.digit(v.charAt(i + 1), 16) << 4 | Character.digit(v.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        java.nio.charset.Charset cs = charset == null || charset.isEmpty() ? null : Charsets.lookup(charset);
        return new String(out.toByteArray(), cs == null || cs == Charsets.UTF_7 ? java.nio.charset.StandardCharsets.UTF_8 : cs);
    }
}
