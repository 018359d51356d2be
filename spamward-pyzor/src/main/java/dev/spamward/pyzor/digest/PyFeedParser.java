package dev.spamward.pyzor.digest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * A port of Python 3.11's {@code email.feedparser.FeedParser} (policy compat32), as used by
 * {@code email.message_from_bytes}: the same line splitting, header rules, boundary matching, EOF-matcher
 * stack and defect recovery, so that the tree (and which bytes end up in which payload) is the one pyzor
 * digests. It never throws on input: every oddity becomes the same fallback Python picks.
 */
final class PyFeedParser {
    private final Deque<String> lines = new ArrayDeque<>();
    private final List<Predicate<String>> eofStack = new ArrayList<>();
    private final List<PyMessage> msgStack = new ArrayList<>();
    private PyMessage cur;
    private PyMessage last;
    /**
     * Nesting limit. Python gives up with RecursionError (and pyzor with it) long before mail this deep is
     * useful; here the part at the limit keeps its body as a plain payload, so hostile nesting cannot
     * overflow the stack.
     */
    static final int MAX_DEPTH = 64;


    private PyFeedParser(String text) {
        splitKeepEnds(text, lines);
    }

    /** {@code email.message_from_bytes(raw)}. */
    static PyMessage parse(byte[] raw) {
        return parse(surrogateEscape(raw));
    }

    /** {@code email.message_from_string(text)}; 8-bit bytes given as U+DC80..U+DCFF. */
    static PyMessage parse(String text) {
        PyFeedParser p = new PyFeedParser(text);
        p.parsegen();
        return p.popMessage();
    }

    /** {@code bytes.decode('ascii', 'surrogateescape')}. */
    static String surrogateEscape(byte[] raw) {
        char[] c = new char[raw.length];
        for (int i = 0; i < raw.length; i++) {
            int b = raw[i] & 0xFF;
            c[i] = b < 0x80 ? (char) b : (char) (0xDC00 + b);
        }
        return new String(c);
    }

    /** Universal-newline line split keeping the ends ({@code StringIO(newline='').readlines()}). */
    private static void splitKeepEnds(String s, Deque<String> out) {
        int n = s.length();
        int start = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                out.add(s.substring(start, i + 1));
                start = i + 1;
            } else if (c == '\r') {
                if (i + 1 < n && s.charAt(i + 1) == '\n') i++;
                out.add(s.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < n) out.add(s.substring(start));
    }

    // ---- BufferedSubFile ----

    /** The next line, or "" at the end of input or when a pushed EOF matcher matches (line kept). */
    private String readline() {
        String line = lines.pollFirst();
        if (line == null) return "";
        for (int i = eofStack.size() - 1; i >= 0; i--) {
            if (eofStack.get(i).test(line)) {
                lines.addFirst(line);
                return "";
            }
        }
        return line;
    }

    private void unreadline(String line) {
        lines.addFirst(line);
    }

    // ---- FeedParser ----

    private void newMessage() {
        PyMessage msg = new PyMessage();
        if (cur != null && cur.contentType().equals("multipart/digest")) msg.setDefaultType("message/rfc822");
        if (!msgStack.isEmpty()) msgStack.getLast().attach(msg);
        msgStack.add(msg);
        cur = msg;
        last = msg;
    }

    private PyMessage popMessage() {
        PyMessage m = msgStack.removeLast();
        cur = msgStack.isEmpty() ? null : msgStack.getLast();
        return m;
    }

    private static boolean startsWithNewline(String line) {
        return !line.isEmpty() && (line.charAt(0) == '\r' || line.charAt(0) == '\n');
    }

    /** {@code headerRE = ^(From |[\041-\071\073-\176]*:|[\t ])}. */
    private static boolean isHeaderLine(String line) {
        if (line.startsWith("From ")) return true;
        if (!line.isEmpty() && (line.charAt(0) == '\t' || line.charAt(0) == ' ')) return true;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ':') return true;
            if (c < 0x21 || c > 0x7E) return false;
        }
        return false;
    }

    private String readAll() {
        StringBuilder b = new StringBuilder();
        String line;
        while (!(line = readline()).isEmpty()) b.append(line);
        return b.toString();
    }

    private void parsegen() {
        newMessage();
        List<String> headers = new ArrayList<>();
        String line;
        while (!(line = readline()).isEmpty()) {
            if (!isHeaderLine(line)) {
                if (!startsWithNewline(line)) unreadline(line); // MissingHeaderBodySeparatorDefect
                break;
            }
            headers.add(line);
        }
        parseHeaders(headers);
        if (msgStack.size() > MAX_DEPTH) {
            cur.setPayload(readAll());
            return;
        }
        String ctype = cur.contentType();
        if (ctype.equals("message/delivery-status")) {
            parseDeliveryStatus();
            return;
        }
        String main = ctype.substring(0, ctype.indexOf('/'));
        if (main.equals("message")) {
            parsegen();
            popMessage();
            return;
        }
        if (main.equals("multipart")) {
            parseMultipart();
            return;
        }
        cur.setPayload(readAll());
    }

    private void parseDeliveryStatus() {
        while (true) {
            eofStack.add(PyFeedParser::startsWithNewline);
            parsegen();
            popMessage();
            eofStack.removeLast();
            readline();
            String line = readline();
            if (line.isEmpty()) break;
            unreadline(line);
        }
    }

    private void parseMultipart() {
        String boundary = cur.boundary();
        if (boundary == null) {
            cur.setPayload(readAll()); // NoBoundaryInMultipartDefect: the body stays one string
            return;
        }
        BoundaryMatcher matcher = new BoundaryMatcher("--" + boundary);
        boolean capturingPreamble = true;
        StringBuilder preamble = new StringBuilder();
        boolean closeBoundarySeen = false;
        while (true) {
            String line = readline();
            if (line.isEmpty()) break;
            int mo = matcher.match(line);
            if (mo != BoundaryMatcher.NO) {
                if (mo == BoundaryMatcher.CLOSE) {
                    closeBoundarySeen = true;
                    break;
                }
                if (capturingPreamble) {
                    capturingPreamble = false;
                    unreadline(line);
                    continue;
                }
                while (true) {
                    line = readline();
                    if (matcher.match(line) == BoundaryMatcher.NO) {
                        unreadline(line);
                        break;
                    }
                }
                eofStack.add(l -> matcher.match(l) != BoundaryMatcher.NO);
                parsegen();
                if (!last.mainType().equals("multipart")) {
                    String payload = last.payload();
                    if (payload != null && !last.isMultipart()) last.setPayload(stripOneEol(payload));
                }
                eofStack.removeLast();
                popMessage();
                last = cur;
            } else {
                // Only reachable while capturing the preamble (Python asserts this).
                preamble.append(line);
            }
        }
        if (capturingPreamble) {
            // StartBoundaryNotFoundDefect: the whole body is the payload, as a string.
            cur.setPayload(preamble.toString());
            readAll();
            return;
        }
        if (!closeBoundarySeen) return; // CloseBoundaryNotFoundDefect
        readAll(); // the epilogue, which the digest never uses
    }

    private static String stripOneEol(String s) {
        if (s.endsWith("\r\n")) return s.substring(0, s.length() - 2);
        if (s.endsWith("\r") || s.endsWith("\n")) return s.substring(0, s.length() - 1);
        return s;
    }

    private void parseHeaders(List<String> headerLines) {
        String lastHeader = "";
        List<String> lastValue = new ArrayList<>();
        for (int lineno = 0; lineno < headerLines.size(); lineno++) {
            String line = headerLines.get(lineno);
            char first = line.charAt(0);
            if (first == ' ' || first == '\t') {
                if (lastHeader.isEmpty()) continue; // FirstHeaderLineIsContinuationDefect
                lastValue.add(line);
                continue;
            }
            if (!lastHeader.isEmpty()) {
                setRaw(lastValue);
                lastHeader = "";
                lastValue = new ArrayList<>();
            }
            if (line.startsWith("From ")) {
                if (lineno == 0) continue; // the unix From_ line
                if (lineno == headerLines.size() - 1) {
                    unreadline(line);
                    return;
                }
                continue; // MisplacedEnvelopeHeaderDefect
            }
            int i = line.indexOf(':');
            if (i <= 0) continue; // InvalidHeaderDefect("Missing header name.")
            lastHeader = line.substring(0, i);
            lastValue.add(line);
        }
        if (!lastHeader.isEmpty()) setRaw(lastValue);
    }

    /** compat32 {@code header_source_parse}. */
    private void setRaw(List<String> sourceLines) {
        String first = sourceLines.getFirst();
        int colon = first.indexOf(':');
        String name = first.substring(0, colon);
        StringBuilder value = new StringBuilder();
        int k = colon + 1;
        while (k < first.length() && (first.charAt(k) == ' ' || first.charAt(k) == '\t')) k++;
        value.append(first, k, first.length());
        for (int i = 1; i < sourceLines.size(); i++) value.append(sourceLines.get(i));
        int end = value.length();
        while (end > 0 && (value.charAt(end - 1) == '\r' || value.charAt(end - 1) == '\n')) end--;
        value.setLength(end);
        cur.addHeader(name, value.toString());
    }

    /** {@code (?P<sep>--boundary)(?P<end>--)?(?P<ws>[ \t]*)(?P<linesep>\r\n|\r|\n)?$} with {@code re.match}. */
    private static final class BoundaryMatcher {
        static final int NO = 0;
        static final int SEPARATOR = 1;
        static final int CLOSE = 2;
        private final String separator;

        BoundaryMatcher(String separator) {
            this.separator = separator;
        }

        int match(String line) {
            if (!line.startsWith(separator)) return NO;
            int p = separator.length();
            if (line.startsWith("--", p) && tailMatches(line, p + 2)) return CLOSE;
            return tailMatches(line, p) ? SEPARATOR : NO;
        }

        private static boolean tailMatches(String line, int p) {
            int n = line.length();
            while (p < n && (line.charAt(p) == ' ' || line.charAt(p) == '\t')) p++;
            String rest = line.substring(p);
            return rest.isEmpty() || rest.equals("\n") || rest.equals("\r") || rest.equals("\r\n");
        }
    }
}
