package dev.spamward.razor.sig;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agents' message preparation ({@code Razor2::String::prep_mail}, {@code split_mime}, {@code prep_part}):
 * the original header block for report uploads and one small "part message" (headers, blank line, body) per
 * MIME leaf. This is deliberately not a MIME parser: Razor signatures depend on its exact quirks.
 */
public final class MailPreparer {
    /** Limits of {@code Razor2::Client::Core::prepare_parts}. */
    static final int MAX_PART_HEADER = 4 * 1024;
    static final int MAX_PART_BODY = 60 * 1024;
    static final int MAX_ORIG_HEADER = 15 * 1024;

    private static final Pattern BOUNDARY =
            Pattern.compile("(?di)Content-Type: multipart.+boundary=(\"[^\"]+\"|\\S+)");
    private static final Pattern QUOTED = Pattern.compile("(?d)^\"(.*)\"$");
    private static final Pattern CONTENT_TYPE_START = Pattern.compile("(?i)^Content-Type:");
    private static final Pattern FOLD = Pattern.compile("\\n\\s+");

    private final String agent;

    /** @param agent the client name written into each part's {@code X-Razor2-Agent} header */
    public MailPreparer(String agent) {
        this.agent = agent;
    }

    /**
     * A prepared message: the original headers (for uploads) and the part texts in order.
     *
     * @param headers the original header block with {@code \n} line ends
     * @param parts the part messages; a part with an empty body is already dropped
     */
    public record Prepared(String headers, List<String> parts) {
    }

    /** {@code prep_mail} with {@code report_headers = 1}. */
    public Prepared prepare(String mail) {
        String origHdr = PerlText.splitHeader(mail)[0] + "\n";
        List<String> parts = new ArrayList<>();
        for (String part : splitMime(mail, false)) {
            String prepped = prepPart(part);
            if (prepped != null) parts.add(prepped);
        }
        if (origHdr.length() > MAX_ORIG_HEADER) origHdr = limitHeader(origHdr, MAX_ORIG_HEADER);
        return new Prepared(origHdr.replace("\r\n", "\n"), List.copyOf(parts));
    }

    /** {@code split_mime}. */
    List<String> splitMime(String mail, boolean recursive) {
        String[] hb = PerlText.splitHeader(mail);
        String hdr = hb[0];
        String body = hb[1];
        boolean noValidHeader = !PerlText.isTrue(body);
        if (recursive && !CONTENT_TYPE_START.matcher(hdr).find()) noValidHeader = true;
        if (noValidHeader) {
            String part = "X-Razor2-Agent: " + agent + "\n" + (mail.startsWith("\n") ? "" : "\n") + mail;
            return List.of(part);
        }
        hdr = FOLD.matcher(hdr).replaceAll("");
        StringBuilder trimmed = new StringBuilder();
        for (String line : PerlText.split(hdr, "\n")) {
            if (startsWithIgnoreCase(line, "Content-") || startsWithIgnoreCase(line, "X-Razor2")) {
                trimmed.append(line).append('\n');
            }
        }
        String boundary = "";
        Matcher bm = BOUNDARY.matcher(trimmed);
        if (bm.find()) boundary = bm.group(1);
        if (boundary.isEmpty()) {
            return List.of("X-Razor2-Agent: " + agent + "\n" + trimmed + "\n" + body);
        }
        Matcher q = QUOTED.matcher(boundary);
        if (q.matches()) boundary = q.group(1);
        String dashB = "--" + boundary;
        int close = body.indexOf("\n" + dashB + "--");
        if (close >= 0) body = body.substring(0, close);
        if (startsWithDelimiter(body, 0, dashB) >= 0) body = "garbage\n" + body;
        List<String> pieces = new ArrayList<>();
        if (!body.contains(dashB)) {
            pieces.add("garbage");
            pieces.add(body);
        } else {
            pieces = splitOnDelimiter(body, dashB);
        }
        List<String> out = new ArrayList<>();
        for (int i = 1; i < pieces.size(); i++) {
            String piece = pieces.get(i);
            if (!PerlText.hasNonSpace(piece)) continue;
            out.addAll(splitMime(piece, true));
        }
        return out;
    }

    /** If {@code s} has {@code dashB \r* \n} at {@code at}, the index after it; else -1. */
    private static int startsWithDelimiter(String s, int at, String dashB) {
        if (!s.startsWith(dashB, at)) return -1;
        int j = at + dashB.length();
        while (j < s.length() && s.charAt(j) == '\r') j++;
        return j < s.length() && s.charAt(j) == '\n' ? j + 1 : -1;
    }

    /** Perl {@code split /\n\Q--B\E\r*\n/, $body}: trailing empty pieces dropped. */
    private static List<String> splitOnDelimiter(String body, String dashB) {
        List<String> out = new ArrayList<>();
        int from = 0;
        int search = 0;
        while (true) {
            int nl = body.indexOf("\n" + dashB, search);
            if (nl < 0) break;
            int after = startsWithDelimiter(body, nl + 1, dashB);
            if (after < 0) {
                search = nl + 1;
                continue;
            }
            out.add(body.substring(from, nl));
            from = after;
            search = after;
        }
        out.add(body.substring(from));
        int n = out.size();
        while (n > 0 && out.get(n - 1).isEmpty()) n--;
        return new ArrayList<>(out.subList(0, n));
    }

    /** {@code prep_part}: {@code null} for an empty body. */
    String prepPart(String part) {
        String[] hb = PerlText.splitHeader(part);
        String hdr = hb[0] + "\n";
        String body = hb[1];
        if (!PerlText.isTrue(body)) return null;
        boolean binary = isBinary(part);
        if (binary) body = enBase64(body);
        body = crlf(body);
        hdr = crlf(hdr);
        int bodyLen = body.length();
        if (bodyLen > MAX_PART_BODY) {
            body = body.substring(0, MAX_PART_BODY);
            if (binary) body = body.substring(0, body.length() - 2) + "==";
            hdr = "X-Razor2-Origlen-Body: " + bodyLen + "\n" + hdr;
        }
        if (hdr.length() > MAX_PART_HEADER) hdr = limitHeader(hdr, MAX_PART_HEADER);
        return hdr + "\n" + body;
    }

    /** Adds {@code X-Razor2-Origlen-Header} and cuts at the last complete line within {@code max}. */
    private static String limitHeader(String hdr, int max) {
        String out = "X-Razor2-Origlen-Header: " + hdr.length() + "\n" + hdr;
        if (out.length() > max) {
            out = out.substring(0, max);
            int end = out.length();
            while (end > 0 && out.charAt(end - 1) != '\n') end--;
            out = out.substring(0, end);
        }
        return out;
    }

    /** {@code s/\r+\n/\n/g}. */
    private static String crlf(String s) {
        if (s.indexOf('\r') < 0) return s;
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\r') {
                int j = i;
                while (j < s.length() && s.charAt(j) == '\r') j++;
                if (j < s.length() && s.charAt(j) == '\n') {
                    out.append('\n');
                    i = j + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /**
     * {@code enBase64::isit} on the whole part text: it starts with the 8-bit marker, or its first character of
     * the Perl class {@code [\x00-\x1f|\x7f-\xff]} (which contains '|') is not CR, LF or TAB.
     */
    static boolean isBinary(String text) {
        if (text.startsWith("Content-Type-Encoding: 8-bit")) return true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= 0x1f || c == '|' || c >= 0x7f) return c != '\r' && c != '\n' && c != '\t';
        }
        return false;
    }

    /** {@code enBase64::doit}: standard base64, 76-character lines, with its own header line. */
    static String enBase64(String body) {
        String b64 = java.util.Base64.getEncoder().encodeToString(PerlText.toBytes(body));
        StringBuilder out = new StringBuilder("Content-Transfer-Encoding: base64\n\n");
        for (int i = 0; i < b64.length(); i += 76) {
            out.append(b64, i, Math.min(b64.length(), i + 76)).append('\n');
        }
        return out.toString();
    }

    private static boolean startsWithIgnoreCase(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
