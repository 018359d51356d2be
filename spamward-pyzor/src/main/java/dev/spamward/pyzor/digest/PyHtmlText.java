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
    private static final String WS = "\\t\\n\\x0B\\f\\r\\x1C-\\x1F \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029"
            + "\\u202F\\u205F\\u3000";
    private static final String S = "[" + WS + "]";
    private static final Pattern STARTTAGOPEN = Pattern.compile("<[a-zA-Z]");
    private static final Pattern COMMENTCLOSE = Pattern.compile("--" + S + "*>");
    private static final Pattern TAGFIND = Pattern.compile("([a-zA-Z][^\\t\\n\\r\\f />\\x00]*)(?:" + S + "|/(?!>))*");
    private static final Pattern ATTRFIND = Pattern.compile(
            "((?<=['\"" + WS + "/])[^" + WS + "/>][^" + WS + "/=>]*)(" + S + "*=+" + S
                    + "*('[^']*'|\"[^\"]*\"|(?!['\"])[^>" + WS + "]*))?(?:" + S + "|/(?!>))*");
    private static final Pattern LOCATESTARTTAGEND = Pattern.compile(
            "<[a-zA-Z][^\\t\\n\\r\\f />\\x00]*"
                    + "(?:[" + WS + "/]*"
                    + "(?:(?<=['\"" + WS + "/])[^" + WS + "/>][^" + WS + "/=>]*"
                    + "(?:" + S + "*=+" + S + "*"
                    + "(?:'[^']*'|\"[^\"]*\"|(?!['\"])[^>" + WS + "]*)"
                    + S + "*)?(?:" + S + "|/(?!>))*"
                    + ")*)?"
                    + S + "*");
    private static final Pattern ENDTAGFIND = Pattern.compile("</" + S + "*([a-zA-Z][-.a-zA-Z0-9:_]*)" + S + "*>");
    private static final Pattern DECLNAME = Pattern.compile("[a-zA-Z][-_.a-zA-Z0-9]*" + S + "*");
    private static final Pattern MARKEDSECTIONCLOSE = Pattern.compile("]" + S + "*]" + S + "*>");
    private static final Pattern MSMARKEDSECTIONCLOSE = Pattern.compile("]" + S + "*>");
    private static final Pattern WS_OR_SEMI = Pattern.compile("[" + WS + ";]");
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
        return Pattern.compile("</" + S + "*" + elem + S + "*>", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
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

    private Matcher at(Pattern p, int i) {
        Matcher m = p.matcher(raw);
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
        Matcher tm = at(TAGFIND, i + 1);
        if (!tm.lookingAt()) throw new PythonError();
        int k = tm.end();
        String tag = PyText.lowerAscii(tm.group(1));
        while (k < endpos) {
            Matcher am = at(ATTRFIND, k);
            if (!am.lookingAt()) break;
            k = am.end();
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
        Matcher m = at(LOCATESTARTTAGEND, i);
        if (!m.lookingAt()) throw new PythonError();
        int j = m.end();
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
            Matcher nm = at(TAGFIND, i + 2);
            if (!nm.lookingAt()) {
                if (raw.startsWith("</>", i)) return i + 3;
                return parseBogusComment(i);
            }
            String tagname = PyText.lowerAscii(nm.group(1));
            int g = raw.indexOf('>', nm.end());
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
