package dev.spamward.razor.sig;

import java.util.Set;

/**
 * deHTML as the Debian agents run it: the XS module {@code Razor2::Preproc::deHTMLxs} (C code
 * {@code CM_PREPROC_is_html} / {@code CM_PREPROC_html_strip}), not the pure-Perl {@code deHTML}. Three
 * properties matter for exact signatures and differ from the Perl module:
 * <ul>
 *   <li>detection looks for one of a list of known tag names anywhere in the whole part text;</li>
 *   <li>the whole part text (headers included) is stripped, as a C string (it stops at a NUL byte);</li>
 *   <li>the XS glue overwrites the text's last byte with NUL before stripping, so the last character is lost.</li>
 * </ul>
 * Entities match as prefixes in table order ({@code &notice} gives the not sign followed by "ice").
 */
final class DeHtml {
    private static final String[] ENTITY_NAMES = {"lt", "gt", "amp", "quot", "nbsp", "iexcl", "cent", "pound",
        "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo", "not", "shy", "reg", "macr", "deg",
        "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14",
        "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil",
        "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve",
        "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
        "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil", "egrave",
        "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde", "ograve", "oacute",
        "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn",
        "yuml"};
    private static final char[] ENTITY_CHARS = new char[ENTITY_NAMES.length];
    private static final Set<String> HTML_TAGS = Set.of("html", "body", "a", "font", "table", "head", "base",
            "meta", "td", "tr", "style", "img", "object", "br", "b", "i", "span", "div", "form", "input", "button",
            "frame", "iframe", "tbody", "col", "th", "hr", "xml", "script", "pre", "param", "applet", "center",
            "area", "map", "em", "embed", "xmp", "sub", "sup");

    static {
        ENTITY_CHARS[0] = '<';
        ENTITY_CHARS[1] = '>';
        ENTITY_CHARS[2] = '&';
        ENTITY_CHARS[3] = '"';
        ENTITY_CHARS[4] = ' ';
        for (int i = 5; i < ENTITY_NAMES.length; i++) ENTITY_CHARS[i] = (char) (161 + i - 5);
    }

    private DeHtml() {
    }

    /** The text up to its first NUL, as C sees it. */
    private static String cString(String s) {
        int nul = s.indexOf('\0');
        return nul < 0 ? s : s.substring(0, nul);
    }

    /** {@code CM_PREPROC_is_html}: a known tag name after some {@code <}, closed by a {@code >}. */
    static boolean applies(String text) {
        String s = cString(text);
        int lt = s.indexOf('<');
        while (lt >= 0) {
            int end = parseTag(s, lt);
            if (end >= 0) {
                if (HTML_TAGS.contains(tagName(s, lt))) return true;
                lt = s.indexOf('<', end + 1);
            } else {
                lt = s.indexOf('<', lt + 1);
            }
        }
        return false;
    }

    private static int nameStart(String s, int lt) {
        int p = lt + 1;
        if (p < s.length() && (s.charAt(p) == '!' || s.charAt(p) == '/')) p++;
        while (p < s.length() && isCSpace(s.charAt(p))) p++;
        return p;
    }

    private static String tagName(String s, int lt) {
        int p = nameStart(s, lt);
        StringBuilder name = new StringBuilder();
        while (p < s.length() && isAlpha(s.charAt(p)) && name.length() < 99) {
            name.append((char) (s.charAt(p++) | 0x20));
        }
        return name.toString();
    }

    /** Index of the closing {@code >} of a tag with a name starting at {@code lt}, or -1. */
    private static int parseTag(String s, int lt) {
        int p = nameStart(s, lt);
        int count = 0;
        while (p < s.length() && isAlpha(s.charAt(p)) && count < 99) {
            p++;
            count++;
        }
        if (count == 0) return -1;
        return s.indexOf('>', p);
    }

    /** The XS {@code doit}: last character dropped, then {@code CM_PREPROC_html_strip} on the whole text. */
    static String strip(String text) {
        if (text.isEmpty()) return text;
        String s = cString(text.substring(0, text.length() - 1));
        if (s.isEmpty()) return text.substring(0, text.length() - 1) + '\0';
        int len = s.length();
        char[] in = s.toCharArray();
        Output out = new Output(len);
        boolean sgml = false;
        boolean tag = false;
        char last = 0;
        char quote = 0;
        int i = 0;
        while (i < len) {
            char c = in[i++];
            if (c == quote) {
                if (c == '-' && last != '-') {
                    last = c;
                    continue;
                }
                quote = 0;
            } else if (quote == 0) {
                switch (c) {
                    case '<' -> {
                        tag = true;
                        if (i < len && in[i] == '!') {
                            sgml = true;
                            i++;
                        } else if (i < len) {
                            i++;
                        }
                    }
                    case '>' -> {
                        if (tag) {
                            sgml = false;
                            tag = false;
                        }
                    }
                    case '-' -> {
                        if (sgml && last == '-') quote = '-';
                        else if (!tag) out.append(c);
                    }
                    case '"', '\'' -> {
                        if (tag) quote = c;
                        else out.append(c);
                    }
                    case '&' -> i = translateEntity(s, i, out);
                    default -> {
                        if (!tag) out.append(c);
                    }
                }
            }
            last = c;
        }
        return out.toString();
    }

    /** A growable char buffer, cheaper than StringBuilder for per-character appends. */
    private static final class Output {
        private char[] buf;
        private int n;

        Output(int capacity) {
            buf = new char[Math.max(16, capacity)];
        }

        void append(char c) {
            if (n == buf.length) buf = java.util.Arrays.copyOf(buf, n * 2);
            buf[n++] = c;
        }

        @Override
        public String toString() {
            return new String(buf, 0, n);
        }
    }

    /** {@code CM_PREPROC_html_tagxlat}: appends the character and returns the new position. */
    private static int translateEntity(String s, int i, Output out) {
        if (i >= s.length() || !isAlpha(s.charAt(i))) {
            out.append('&');
            return i;
        }
        int offset = Math.min(s.length() - i, 10);
        for (int k = 0; k < ENTITY_NAMES.length; k++) {
            String name = ENTITY_NAMES[k];
            if (name.length() > offset) continue;
            if (s.startsWith(name, i)) {
                out.append(ENTITY_CHARS[k]);
                int j = i + name.length();
                return j < s.length() && s.charAt(j) == ';' ? j + 1 : j;
            }
        }
        out.append('&');
        return i;
    }

    private static boolean isAlpha(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isCSpace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }
}
