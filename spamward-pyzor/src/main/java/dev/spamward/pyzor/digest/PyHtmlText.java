package dev.spamward.pyzor.digest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pyzor's {@code HTMLStripper}: a port of Python 3.11's {@code html.parser.HTMLParser} (with
 * {@code convert_charrefs=True}, fed once and never closed, exactly as pyzor calls it) that keeps every
 * text node stripped of whitespace, skips {@code <script>} and {@code <style>} content, and joins the
 * texts with one space. Feeding without {@code close()} matters: text after an unterminated construct,
 * or ending in a bare {@code &} reference near the end, is never reported, and pyzor loses it too.
 */
final class PyHtmlText {
    /**
     * Python's {@code \\s} (str.isspace): Unicode White_Space plus 0x1C..0x1F. Written as Java's {@code \\s} under
     * UNICODE_CHARACTER_CLASS, which is one fast predicate instead of a chain of ranges.
     */
    private static final String WS = "\\s\\x1C-\\x1F";
    private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS;
    private static final String S = "[" + WS + "]";
    private static final Pattern STARTTAGOPEN = Pattern.compile("<[a-zA-Z]", FLAGS);
    private static final Pattern COMMENTCLOSE = Pattern.compile("--" + S + "*>", FLAGS);
    private static final Pattern ENDTAGFIND = Pattern.compile("</" + S + "*([a-zA-Z][-.a-zA-Z0-9:_]*)" + S + "*>", FLAGS);
    private static final Pattern DECLNAME = Pattern.compile("[a-zA-Z][-_.a-zA-Z0-9]*" + S + "*", FLAGS);
    private static final Pattern MARKEDSECTIONCLOSE = Pattern.compile("]" + S + "*]" + S + "*>", FLAGS);
    private static final Pattern MSMARKEDSECTIONCLOSE = Pattern.compile("]" + S + "*>", FLAGS);
    private static final Pattern WS_OR_SEMI = Pattern.compile("[" + WS + ";]", FLAGS);
    private static final Pattern END_SCRIPT = cdataEnd("script");
    private static final Pattern END_STYLE = cdataEnd("style");

    private final String raw;
    private final int n;
    private final List<String> collected = new ArrayList<>();
    private boolean collect = true;
    private String cdataElem;

    private PyHtmlText(String raw) {
        this.raw = raw;
        this.n = raw.length();
    }

    private static Pattern cdataEnd(String elem) {
        return Pattern.compile("</" + S + "*" + elem + S + "*>", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | FLAGS);
    }

    /** {@code DataDigester.normalize_html_part(s)}. */
    static String text(String html) {
        PyHtmlText p = new PyHtmlText(html);
        try {
            p.goahead();
        } catch (PythonError | StackOverflowError e) {
            // pyzor 1.0 itself dies here (its except clause names a class Python 3 no longer has);
            // we keep the text found so far rather than failing the whole digest.
        }
        return String.join(" ", p.collected);
    }

    /** Where Python's parser raises AssertionError. */
    private static final class PythonError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PythonError() {
            super(null, null, false, false);
        }
    }

    private void handleData(String data) {
        String d = PyText.strip(data);
        if (!d.isEmpty() && collect) collected.add(d);
    }

    private void handleStartTag(String tag) {
        if (tag.equals("script") || tag.equals("style")) collect = false;
    }

    private void handleEndTag(String tag) {
        if (tag.equals("script") || tag.equals("style")) collect = true;
    }

    private final java.util.Map<Pattern, Matcher> matchers = new java.util.IdentityHashMap<>();

    /** A matcher of {@code p} over the input from {@code i} (re-used: Matcher allocation showed in profiles). */
    private Matcher at(Pattern p, int i) {
        Matcher m = matchers.computeIfAbsent(p, k -> k.matcher(raw));
        m.region(i, n);
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        return m;
    }

    private void goahead() {
        int i = 0;
        while (i < n) {
            int j;
            if (cdataElem == null) {
                j = raw.indexOf('<', i);
                if (j < 0) {
                    int from = Math.max(i, back34());
                    int amppos = raw.lastIndexOf('&');
                    if (amppos >= from && !at(WS_OR_SEMI, amppos).find()) break; // wait for more text
                    j = n;
                }
            } else {
                Matcher m = at(cdataElem.equals("script") ? END_SCRIPT : END_STYLE, i);
                if (!m.find()) break;
                j = m.start();
            }
            if (i < j) handleData(cdataElem == null ? PyEntities.unescape(raw.substring(i, j)) : raw.substring(i, j));
            i = j;
            if (i == n) break;
            int k;
            if (at(STARTTAGOPEN, i).lookingAt()) {
                k = parseStartTag(i);
            } else if (raw.startsWith("</", i)) {
                k = parseEndTag(i);
            } else if (raw.startsWith("<!--", i)) {
                k = parseComment(i);
            } else if (raw.startsWith("<?", i)) {
                int gt = raw.indexOf('>', i + 2);
                k = gt < 0 ? -1 : gt + 1;
            } else if (raw.startsWith("<!", i)) {
                k = parseHtmlDeclaration(i);
            } else if (i + 1 < n) {
                handleData("<");
                k = i + 1;
            } else {
                break;
            }
            if (k < 0) break;
            i = k;
        }
    }

    /** {@code max(i, n-34)} counts code points in Python. */
    private int back34() {
        int pos = n;
        for (int c = 0; c < 34 && pos > 0; c++) {
            pos--;
            if (pos > 0 && Character.isLowSurrogate(raw.charAt(pos)) && Character.isHighSurrogate(raw.charAt(pos - 1))) pos--;
        }
        return pos;
    }

    private int parseStartTag(int i) {
        int endpos = checkForWholeStartTag(i);
        if (endpos < 0) return endpos;
        int nameEnd = tagNameEnd(i + 1);
        String tag = PyText.lowerAscii(raw.substring(i + 1, nameEnd));
        int k = skipSpaceOrSlash(nameEnd);
        while (k < endpos) {
            int e = scanAttribute(k);
            if (e < 0) break;
            k = e;
        }
        String end = PyText.strip(raw.substring(k, endpos));
        if (!end.equals(">") && !end.equals("/>")) {
            handleData(raw.substring(i, endpos));
            return endpos;
        }
        if (end.endsWith("/>")) {
            handleStartTag(tag);
            handleEndTag(tag);
        } else {
            handleStartTag(tag);
            if (tag.equals("script") || tag.equals("style")) cdataElem = tag;
        }
        return endpos;
    }

    private int checkForWholeStartTag(int i) {
        int j = locateStartTagEnd(i);
        if (j >= n) return -1;
        char next = raw.charAt(j);
        if (next == '>') return j + 1;
        if (next == '/') {
            if (raw.startsWith("/>", j)) return j + 2;
            return -1;
        }
        if ((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') || next == '=' || next == '/') return -1;
        return j > i ? j : i + 1;
    }

    private int parseEndTag(int i) {
        int gt = raw.indexOf('>', i + 1);
        if (gt < 0) return -1;
        int gtpos = gt + 1;
        Matcher m = at(ENDTAGFIND, i);
        if (!m.lookingAt()) {
            if (cdataElem != null) {
                handleData(raw.substring(i, gtpos));
                return gtpos;
            }
            if (i + 2 >= n || !isAsciiLetter(raw.charAt(i + 2))) {
                if (raw.startsWith("</>", i)) return i + 3;
                return parseBogusComment(i);
            }
            int nameEnd = tagNameEnd(i + 2);
            String tagname = PyText.lowerAscii(raw.substring(i + 2, nameEnd));
            int g = raw.indexOf('>', skipSpaceOrSlash(nameEnd));
            handleEndTag(tagname);
            return g + 1;
        }
        String elem = PyText.lowerAscii(m.group(1));
        if (cdataElem != null && !elem.equals(cdataElem)) {
            handleData(raw.substring(i, gtpos));
            return gtpos;
        }
        handleEndTag(elem);
        cdataElem = null;
        return gtpos;
    }

    // ---- Hand-written equivalents of html.parser's tagfind_tolerant, attrfind_tolerant and
    // locatestarttagend_tolerant (the regexes dominated profiles). Everything after the tag name is optional
    // in those patterns, so the regex engine never backtracks into an earlier attribute: the only
    // backtracking is inside one attribute value, reproduced in scanValue.

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean ws(char c) {
        return PyText.isSpace(c);
    }

    /** End of {@code [a-zA-Z][^\t\n\r\f />\x00]*} starting at the letter at {@code p}. */
    private int tagNameEnd(int p) {
        p++;
        while (p < n) {
            char c = raw.charAt(p);
            if (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == ' ' || c == '/' || c == '>' || c == 0) break;
            p++;
        }
        return p;
    }

    /** {@code (?:\s|/(?!>))*}. */
    private int skipSpaceOrSlash(int p) {
        while (p < n) {
            char c = raw.charAt(p);
            if (ws(c) || (c == '/' && (p + 1 >= n || raw.charAt(p + 1) != '>'))) p++;
            else break;
        }
        return p;
    }

    /** {@code locatestarttagend_tolerant.match(rawdata, i).end()}. */
    private int locateStartTagEnd(int i) {
        int j = tagNameEnd(i + 1);
        while (j < n && (ws(raw.charAt(j)) || raw.charAt(j) == '/')) j++;
        while (true) {
            int e = scanAttribute(j);
            if (e < 0) break;
            j = e;
        }
        while (j < n && ws(raw.charAt(j))) j++;
        return j;
    }

    /** One {@code attrfind_tolerant} match at {@code p}: its end, or -1. */
    private int scanAttribute(int p) {
        if (p >= n || p == 0) return -1;
        char prev = raw.charAt(p - 1);
        if (!(prev == '\'' || prev == '"' || prev == '/' || ws(prev))) return -1;
        char c = raw.charAt(p);
        if (ws(c) || c == '/' || c == '>') return -1;
        int q = p + 1;
        while (q < n) {
            char d = raw.charAt(q);
            if (ws(d) || d == '/' || d == '=' || d == '>') break;
            q++;
        }
        int v = scanValue(q);
        return skipSpaceOrSlash(v >= 0 ? v : q);
    }

    /** {@code \s*=+\s*('[^']*'|"[^"]*"|(?!['"])[^>\s]*)} at {@code p}, with the regex's backtracking; -1 if none. */
    private int scanValue(int p) {
        int q = p;
        while (q < n && ws(raw.charAt(q))) q++;
        if (q >= n || raw.charAt(q) != '=') return -1;
        int eqStart = q;
        while (q < n && raw.charAt(q) == '=') q++;
        int eqEnd = q;
        while (q < n && ws(raw.charAt(q))) q++;
        int alt = valueAlternatives(q);
        if (alt >= 0) return alt;
        if (q > eqEnd) return q - 1; // give back one space: an empty bare value before the quote
        if (eqEnd - eqStart >= 2) return valueAlternatives(eqEnd - 1); // give back one '='
        return -1;
    }

    /** {@code '[^']*'|"[^"]*"|(?!['"])[^>\s]*} at {@code q}: its end, or -1. */
    private int valueAlternatives(int q) {
        if (q < n && (raw.charAt(q) == '\'' || raw.charAt(q) == '"')) {
            int close = nextQuote(raw.charAt(q), q + 1);
            return close < 0 ? -1 : close + 1;
        }
        while (q < n && raw.charAt(q) != '>' && !ws(raw.charAt(q))) q++;
        return q;
    }

    private final int[] quoteFrom = {Integer.MAX_VALUE, Integer.MAX_VALUE};
    private final int[] quoteAt = {0, 0};

    /**
     * {@code raw.indexOf(quote, from)}, remembering the last answer per quote character: tag soup with
     * unterminated quotes would otherwise rescan to the end for every attribute (quadratic).
     */
    private int nextQuote(char quote, int from) {
        int k = quote == '"' ? 0 : 1;
        if (from >= quoteFrom[k] && (quoteAt[k] < 0 || from <= quoteAt[k])) return quoteAt[k];
        quoteFrom[k] = from;
        quoteAt[k] = raw.indexOf(quote, from);
        return quoteAt[k];
    }

    private int parseComment(int i) {
        Matcher m = at(COMMENTCLOSE, i + 4);
        return m.find() ? m.end() : -1;
    }

    private int parseBogusComment(int i) {
        int pos = raw.indexOf('>', i + 2);
        return pos < 0 ? -1 : pos + 1;
    }

    private int parseHtmlDeclaration(int i) {
        if (raw.startsWith("<![", i)) return parseMarkedSection(i);
        if (raw.regionMatches(true, i, "<!doctype", 0, 9)) {
            int gt = raw.indexOf('>', i + 9);
            return gt < 0 ? -1 : gt + 1;
        }
        return parseBogusComment(i);
    }

    private static final Set<String> SECTIONS = Set.of("temp", "cdata", "ignore", "include", "rcdata");
    private static final Set<String> MS_SECTIONS = Set.of("if", "else", "endif");

    private int parseMarkedSection(int i) {
        int start = i + 3;
        if (start == n) return -1;
        Matcher dm = at(DECLNAME, start);
        if (!dm.lookingAt()) throw new PythonError();
        if (dm.end() == n) return -1;
        String name = PyText.lowerAscii(PyText.strip(dm.group()));
        Matcher close;
        if (SECTIONS.contains(name)) {
            close = at(MARKEDSECTIONCLOSE, start);
        } else if (MS_SECTIONS.contains(name)) {
            close = at(MSMARKEDSECTIONCLOSE, start);
        } else {
            throw new PythonError();
        }
        return close.find() ? close.end() : -1;
    }
}
