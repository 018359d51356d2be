package dev.spamward.pyzor.digest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Content-Type parameter parsing as Python's {@code email.message} does it ({@code _parseparam},
 * {@code utils.decode_params} with RFC 2231 continuations, {@code utils.unquote}).
 */
final class PyParams {
    private static final Pattern RFC2231 = Pattern.compile("^(\\w+)\\*(([0-9]+)\\*?)?$");

    private PyParams() {
    }

    /**
     * A parameter value: plain ({@code charset == null && !extended}) or RFC 2231 extended
     * ({@code (charset, language, text)} in Python).
     */
    record Value(boolean extended, String charset, String language, String text) {
        /** {@code collapse_rfc2231_value()} as used for the boundary. */
        String collapse() {
            if (!extended) return text;
            String cs = charset == null ? "us-ascii" : charset;
            try {
                java.nio.charset.Charset c = PyCodecs.javaCharsetFor(cs);
                if (c == null) return unquote(text);
                return new String(rawUnicodeEscape(text), c);
            } catch (RuntimeException e) {
                return unquote(text);
            }
        }

        /** The text {@code get_content_charset()} starts from. */
        String charsetValue() {
            if (!extended) return text;
            return text; // ASCII charset names decode to themselves in every ASCII-compatible charset
        }
    }

    /** {@code get_param(name)}: the matching parameter, unquoted, or {@code null}. */
    static Value find(String headerValue, String name) {
        for (Map.Entry<String, Value> p : decodeParams(preserve(headerValue))) {
            if (p.getKey().equalsIgnoreCase(name)) {
                Value v = p.getValue();
                return new Value(v.extended, v.charset, v.language, unquote(v.text));
            }
        }
        return null;
    }

    /** {@code _get_params_preserve()} before {@code decode_params}: (name, raw value) pairs. */
    private static List<String[]> preserve(String value) {
        List<String[]> out = new ArrayList<>();
        for (String p : parseParam(value)) {
            int eq = p.indexOf('=');
            if (eq >= 0) {
                out.add(new String[] {PyText.strip(p.substring(0, eq)), PyText.strip(p.substring(eq + 1))});
            } else {
                out.add(new String[] {PyText.strip(p), ""});
            }
        }
        return out;
    }

    /**
     * {@code _parseparam()}: split on ';' outside double quotes. Same result as Python's, but linear: the
     * quote counts are carried forward instead of recounted from the start of each parameter.
     */
    static List<String> parseParam(String value) {
        List<String> plist = new ArrayList<>();
        String s = ";" + value;
        int n = s.length();
        int base = 0; // s[base] == ';' starts the next parameter
        while (base < n && s.charAt(base) == ';') {
            int start = base + 1;
            int end = s.indexOf(';', start);
            int quotes = 0;
            int escaped = 0;
            int counted = start;
            while (end > start) {
                for (; counted < end; counted++) {
                    if (s.charAt(counted) == '"') {
                        quotes++;
                        if (counted > start && s.charAt(counted - 1) == '\\') escaped++;
                    }
                }
                if ((quotes - escaped) % 2 == 0) break;
                end = s.indexOf(';', end + 1);
            }
            if (end < 0) end = n;
            String f = s.substring(start, end);
            int eq = f.indexOf('=');
            if (eq >= 0) {
                f = PyText.lowerAscii(PyText.strip(f.substring(0, eq))) + "=" + PyText.strip(f.substring(eq + 1));
            }
            plist.add(PyText.strip(f));
            base = end;
        }
        return plist;
    }

    /** {@code utils.decode_params()}. */
    private static List<Map.Entry<String, Value>> decodeParams(List<String[]> params) {
        List<Map.Entry<String, Value>> out = new ArrayList<>();
        if (params.isEmpty()) return out;
        out.add(Map.entry(params.getFirst()[0], plain(params.getFirst()[1])));
        Map<String, List<Object[]>> continuations = new LinkedHashMap<>();
        for (int i = 1; i < params.size(); i++) {
            String name = params.get(i)[0];
            boolean encoded = name.endsWith("*");
            String value = unquote(params.get(i)[1]);
            Matcher m = RFC2231.matcher(name);
            if (m.matches() && PyText.isAscii(name)) {
                Integer num = m.group(3) == null ? null : parseNum(m.group(3));
                continuations.computeIfAbsent(m.group(1), k -> new ArrayList<>())
                        .add(new Object[] {num, value, encoded});
            } else {
                out.add(Map.entry(name, plain("\"" + quote(value) + "\"")));
            }
        }
        for (Map.Entry<String, List<Object[]>> e : continuations.entrySet()) {
            List<Object[]> parts = e.getValue();
            parts.sort((a, b) -> {
                Integer x = (Integer) a[0];
                Integer y = (Integer) b[0];
                if (x == null || y == null) return x == y ? 0 : (x == null ? -1 : 1);
                int c = Integer.compare(x, y);
                return c != 0 ? c : ((String) a[1]).compareTo((String) b[1]);
            });
            StringBuilder joined = new StringBuilder();
            boolean extended = false;
            for (Object[] p : parts) {
                String s = (String) p[1];
                if ((Boolean) p[2]) {
                    s = percentDecodeLatin1(s);
                    extended = true;
                }
                joined.append(s);
            }
            String value = quote(joined.toString());
            if (extended) {
                String[] split = value.split("'", 3);
                if (split.length <= 2) {
                    out.add(Map.entry(e.getKey(), new Value(true, null, null, "\"" + value + "\"")));
                } else {
                    out.add(Map.entry(e.getKey(), new Value(true, split[0], split[1], "\"" + split[2] + "\"")));
                }
            } else {
                out.add(Map.entry(e.getKey(), plain("\"" + value + "\"")));
            }
        }
        return out;
    }

    private static Integer parseNum(String digits) {
        try {
            return Integer.valueOf(digits);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static Value plain(String text) {
        return new Value(false, null, null, text);
    }

    /** {@code utils.unquote()}. */
    static String unquote(String s) {
        if (s.length() > 1) {
            if (s.startsWith("\"") && s.endsWith("\"")) {
                return s.substring(1, s.length() - 1).replace("\\\\", "\\").replace("\\\"", "\"");
            }
            if (s.startsWith("<") && s.endsWith(">")) return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static String quote(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** {@code urllib.parse.unquote(s, encoding='latin-1')}. */
    private static String percentDecodeLatin1(String s) {
        if (s.indexOf('%') < 0) return s;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()
                    && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                b.append((char) (hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2))));
                i += 2;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static int hex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128 ? Character.digit(c, 16) : -1;
    }

    /** {@code str.encode('raw-unicode-escape')}: code points up to 0xFF as bytes, others as \\uXXXX. */
    private static byte[] rawUnicodeEscape(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.codePoints().forEach(cp -> {
            if (cp < 0x100) {
                out.write(cp);
            } else {
                String esc = cp < 0x10000 ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp);
                out.writeBytes(esc.getBytes(StandardCharsets.US_ASCII));
            }
        });
        return out.toByteArray();
    }
}
