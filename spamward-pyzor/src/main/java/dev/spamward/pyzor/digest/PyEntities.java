package dev.spamward.pyzor.digest;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python 3.11's {@code html.unescape}: the HTML5 named references (table {@code html5-entities.txt}, made
 * from {@code html.entities.html5}), the longest-prefix rule for names without ';', and the numeric
 * reference fix-ups (Windows-1252 remapping of 0x80..0x9F, U+FFFD for surrogates and out-of-range numbers,
 * dropped non-characters).
 */
final class PyEntities {
    private static final Pattern CHARREF = Pattern.compile("&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\\t\\n\\f <&#;]{1,32};?)");
    private static final Map<String, String> HTML5 = new HashMap<>();
    private static final Map<Integer, String> INVALID_CHARREFS = new HashMap<>();
    private static final java.util.Set<Integer> INVALID_CODEPOINTS = new java.util.HashSet<>();

    static {
        PyResources.rows("html5-entities.txt", f -> {
            StringBuilder v = new StringBuilder();
            for (String cp : f[1].split(" ")) v.appendCodePoint(Integer.parseInt(cp, 16));
            HTML5.put(f[0], v.toString());
        });
        int[] cp1252 = {0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
            0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122,
            0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178};
        for (int i = 0; i < cp1252.length; i++) INVALID_CHARREFS.put(0x80 + i, String.valueOf((char) cp1252[i]));
        INVALID_CHARREFS.put(0x00, "\uFFFD");
        INVALID_CHARREFS.put(0x0d, "\r");
        for (int c = 0x1; c <= 0x8; c++) INVALID_CODEPOINTS.add(c);
        for (int c = 0xe; c <= 0x1f; c++) INVALID_CODEPOINTS.add(c);
        for (int c = 0x7f; c <= 0x9f; c++) INVALID_CODEPOINTS.add(c);
        for (int c = 0xfdd0; c <= 0xfdef; c++) INVALID_CODEPOINTS.add(c);
        INVALID_CODEPOINTS.add(0xb);
        for (int plane = 0; plane <= 0x10; plane++) {
            INVALID_CODEPOINTS.add(plane * 0x10000 + 0xfffe);
            INVALID_CODEPOINTS.add(plane * 0x10000 + 0xffff);
        }
    }

    private PyEntities() {
    }

    static String unescape(String s) {
        if (s.indexOf('&') < 0) return s;
        Matcher m = CHARREF.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        int last = 0;
        while (m.find()) {
            out.append(s, last, m.start()).append(replace(m.group(1)));
            last = m.end();
        }
        return out.append(s, last, s.length()).toString();
    }

    private static String replace(String s) {
        if (s.charAt(0) == '#') {
            boolean hex = s.charAt(1) == 'x' || s.charAt(1) == 'X';
            String digits = s.substring(hex ? 2 : 1);
            if (digits.endsWith(";")) digits = digits.substring(0, digits.length() - 1);
            long num = parseCapped(digits, hex ? 16 : 10);
            String fixed = INVALID_CHARREFS.get((int) Math.min(num, Integer.MAX_VALUE));
            if (num <= 0x9f && fixed != null) return fixed;
            if ((num >= 0xD800 && num <= 0xDFFF) || num > 0x10FFFF) return "\uFFFD";
            if (INVALID_CODEPOINTS.contains((int) num)) return "";
            return new String(Character.toChars((int) num));
        }
        String v = HTML5.get(s);
        if (v != null) return v;
        for (int x = s.length() - 1; x > 1; x--) {
            v = HTML5.get(s.substring(0, x));
            if (v != null) return v + s.substring(x);
        }
        return "&" + s;
    }

    /** The number, or a value above 0x10FFFF when it is larger (Python has big integers). */
    private static long parseCapped(String digits, int radix) {
        long v = 0;
        for (int i = 0; i < digits.length(); i++) {
            v = v * radix + Character.digit(digits.charAt(i), radix);
            if (v > 0x10FFFF) return 0x110000;
        }
        return v;
    }
}
