package dev.spamward.pyzor.digest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Seeded generator of awkward messages for the differential test: random MIME structures, charsets,
 * transfer encodings, HTML with entities, comments and scripts, Unicode whitespace, and byte-level
 * mutations of the reference messages.
 */
final class MessageGenerator {
    private static final List<String> CHARSETS = List.of("utf-8", "iso-8859-1", "windows-1252", "koi8-r", "gb2312",
            "big5", "shift_jis", "euc-jp", "iso-2022-jp", "utf-16", "windows-1251", "us-ascii", "ks_c_5601-1987",
            "latin1", "UTF8", "iso-8859-15", "euc-kr", "gbk", "cp1250", "unknown-8bit", "x-unknown", "utf-7",
            "iso-8859-7", "windows-1256", "tis-620", "\"utf-8\"", "utf_8", "macintosh", "default");
    private static final List<String> WORDS = List.of("hello", "world", "Viagra", "free", "money!!!", "click",
            "here", "http://example.com/x?y=1", "user@example.org", "mailto:a@b.c", "ftp:x", "a:b", "@at", "at@",
            "verylongtokenwithoutspaces1234567890", "café", "naïve", "日本語のテキスト", "Привет", "مرحبا", "한국어",
            "中文字符", "ünïcödé", "\u00a0", "\u3000", "\u2003", "\u200b", "\u2028", "\u0085", "\u001c", "\u001f", "\t",
            "𝒳𝒴𝒵", "😀😀", "İstanbul", "ſtraße", "Kelvin:x", "x1ab:cd", "1:ab:c", "&amp;", "&lt;tag&gt;", "&#169;",
            "&#x1F600;", "&nbsp;", "&notit;", "&copy", "&#0;", "&#x80;", "&#xD800;", "&#99999999;", "&bogus;",
            "=3D", "=\n", "<", ">", "&", "--", "\r", "\f", "\u000b");
    private static final List<String> HTML_BITS = List.of("<p>", "</p>", "<br/>", "<div class=\"a\">", "</div>",
            "<script>var x = '<p>hidden</p>';</script>", "<style>p {color:red}</style>", "<!-- comment -->",
            "<!-- unterminated", "<![CDATA[ x ]]>", "<![if !supportLists]>", "<![endif]>", "<!DOCTYPE html>",
            "<?xml version=\"1.0\"?>", "<a href=\"http://x.y/z\">link text here</a>", "<img src=x alt='pic'>",
            "<SCRIPT>hidden()</SCRIPT>", "</script>", "<b>bold words</b>", "< notatag", "<a b='c' d=e f>",
            "<a\nhref=x>", "<x/>", "</>", "<!bogus>", "<td nowrap>", "&amp;&amp;", "<script/>", "<style", "<p<p>",
            "<tag attr=\"unterminated>", "<![bad[", "</a b c>", "<a =b>");

    private final Random r;

    MessageGenerator(long seed) {
        r = new Random(seed);
    }

    private String pick(List<String> l) {
        return l.get(r.nextInt(l.size()));
    }

    String text(int words) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            b.append(pick(WORDS));
            int sep = r.nextInt(10);
            b.append(sep < 6 ? " " : sep < 9 ? "\n" : "");
        }
        return b.toString();
    }

    private static final List<String> SOUP = List.of("<", "<a", "<b ", "</", ">", "/", "/>", "=", "==", "'", "\"", " ",
            "\u00a0", "\t", "\n", "x", "href", "=1", "&amp;", "&", "word", "<script>", "</script>", "<!--", "-->", "<!", "?",
            "\u3000", "\u001c", "é", "日本", "=''", "=\"\"", "'a'", " =");

    /** Random tag soup: attribute syntax, quotes, slashes and odd whitespace in every combination. */
    String soup(int tokens) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < tokens; i++) b.append(pick(SOUP));
        return b.toString();
    }

    String html(int bits) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < bits; i++) {
            int k = r.nextInt(3);
            b.append(k == 0 ? pick(HTML_BITS) : k == 1 ? text(1 + r.nextInt(6)) : soup(3 + r.nextInt(20)));
        }
        return b.toString();
    }

    private byte[] encodeText(String text, String charset) {
        String name = charset.replace("\"", "");
        try {
            Charset cs = Charset.forName(name.equals("utf_8") ? "UTF-8" : name);
            return text.getBytes(cs);
        } catch (RuntimeException e) {
            return text.getBytes(r.nextBoolean() ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        }
    }

    private String cte() {
        return switch (r.nextInt(8)) {
            case 0, 1 -> "base64";
            case 2, 3 -> "quoted-printable";
            case 4 -> "8bit";
            case 5 -> "Base64";
            case 6 -> "x-uuencode";
            default -> "";
        };
    }

    private byte[] transferEncode(byte[] body, String cte) {
        String lower = cte.toLowerCase();
        if (lower.equals("base64")) {
            String b64 = Base64.getMimeEncoder(76, "\n".getBytes()).encodeToString(body);
            if (r.nextInt(6) == 0 && b64.length() > 3) b64 = b64.substring(0, b64.length() - 1 - r.nextInt(3));
            if (r.nextInt(6) == 0) b64 = b64 + "!!garbage==" + b64;
            return (b64 + "\n").getBytes(StandardCharsets.US_ASCII);
        }
        if (lower.equals("quoted-printable")) {
            StringBuilder b = new StringBuilder();
            int col = 0;
            for (byte x : body) {
                int v = x & 0xFF;
                if (v == '\n') {
                    b.append('\n');
                    col = 0;
                    continue;
                }
                if (v >= 33 && v <= 126 && v != '=' || v == ' ') b.append((char) v);
                else b.append(String.format("=%02X", v));
                if (++col > 70 && r.nextBoolean()) {
                    b.append("=\n");
                    col = 0;
                }
            }
            if (r.nextInt(5) == 0) b.append("=ZZ =4 =\r\n= ");
            return b.toString().getBytes(StandardCharsets.ISO_8859_1);
        }
        if (lower.equals("x-uuencode")) {
            return ("begin 644 file.txt\n" + uu(body) + "`\nend\n").getBytes(StandardCharsets.ISO_8859_1);
        }
        return body;
    }

    private static String uu(byte[] data) {
        StringBuilder b = new StringBuilder();
        for (int off = 0; off < data.length; off += 45) {
            int n = Math.min(45, data.length - off);
            b.append((char) (32 + n));
            for (int i = 0; i < n; i += 3) {
                int c1 = data[off + i] & 0xFF;
                int c2 = i + 1 < n ? data[off + i + 1] & 0xFF : 0;
                int c3 = i + 2 < n ? data[off + i + 2] & 0xFF : 0;
                int[] q = {c1 >> 2, ((c1 << 4) | (c2 >> 4)) & 63, ((c2 << 2) | (c3 >> 6)) & 63, c3 & 63};
                for (int v : q) b.append(v == 0 ? '`' : (char) (32 + v));
            }
            b.append('\n');
        }
        return b.toString();
    }

    private void part(ByteArrayOutputStream out, int depth) {
        int kind = depth > 2 ? r.nextInt(4) : r.nextInt(8);
        String charset = pick(CHARSETS);
        String nl = r.nextInt(8) == 0 ? "\r\n" : "\n";
        switch (kind) {
            case 0, 1 -> leaf(out, "text/plain", charset, text(5 + r.nextInt(60)), nl);
            case 2 -> leaf(out, "text/html", charset, html(5 + r.nextInt(40)), nl);
            case 3 -> {
                String type = r.nextBoolean() ? "application/octet-stream" : "image/gif";
                byte[] data = new byte[r.nextInt(200)];
                r.nextBytes(data);
                String cte = r.nextBoolean() ? "base64" : "8bit";
                write(out, "Content-Type: " + type + (r.nextBoolean() ? "; charset=" + charset : "") + nl
                        + "Content-Transfer-Encoding: " + cte + nl + nl);
                out.writeBytes(transferEncode(data, cte));
            }
            case 4, 5 -> {
                String boundary = "b" + depth + "_" + r.nextInt(1000) + (r.nextInt(5) == 0 ? " x" : "");
                String sub = pick(List.of("mixed", "alternative", "related", "digest"));
                boolean noBoundary = r.nextInt(8) == 0;
                write(out, "Content-Type: multipart/" + sub + (noBoundary ? "" : ";" + (r.nextBoolean() ? nl + "\t" : " ")
                        + "boundary=\"" + boundary + "\"") + nl + nl);
                if (r.nextBoolean()) write(out, "preamble text line" + nl);
                int n = 1 + r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    write(out, "--" + boundary + (r.nextInt(10) == 0 ? "  " : "") + nl);
                    part(out, depth + 1);
                    write(out, nl);
                }
                if (r.nextInt(5) != 0) write(out, "--" + boundary + "--" + nl);
                if (r.nextBoolean()) write(out, "epilogue text" + nl);
            }
            case 6 -> {
                write(out, "Content-Type: message/rfc822" + nl + nl + "From: x@y.z" + nl + "Subject: inner" + nl);
                part(out, depth + 1);
            }
            default -> leaf(out, r.nextBoolean() ? "text/enriched" : "text/x-weird", charset, text(20), nl);
        }
    }

    private void leaf(ByteArrayOutputStream out, String type, String charset, String text, String nl) {
        String cte = cte();
        String ct = r.nextInt(10) == 0 ? "" : "Content-Type: " + type + (r.nextInt(6) == 0 ? "" : "; charset=" + charset) + nl;
        write(out, ct + (cte.isEmpty() ? "" : "Content-Transfer-Encoding: " + cte + nl) + nl);
        byte[] body = encodeText(text, charset);
        if (r.nextInt(8) == 0) {
            byte[] noise = new byte[r.nextInt(40)];
            r.nextBytes(noise);
            body = concat(body, noise);
        }
        byte[] encoded = transferEncode(body, cte);
        if (nl.equals("\r\n")) encoded = new String(encoded, StandardCharsets.ISO_8859_1).replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        out.writeBytes(encoded);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A fresh random message. */
    byte[] message() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (r.nextInt(10) == 0) write(out, "From sender@example.org Mon Jan  1 00:00:00 2024\n");
        write(out, "From: a@example.org\nTo: b@example.org\nSubject: test " + r.nextInt() + "\nMIME-Version: 1.0\n");
        if (r.nextInt(15) == 0) write(out, "X-Broken header line without colon\n");
        part(out, 0);
        return out.toByteArray();
    }

    /** A byte-level mutation of {@code base}. */
    byte[] mutate(byte[] base) {
        byte[] b = base.clone();
        int ops = 1 + r.nextInt(6);
        for (int i = 0; i < ops && b.length > 0; i++) {
            int pos = r.nextInt(b.length);
            switch (r.nextInt(5)) {
                case 0 -> b[pos] = (byte) r.nextInt(256);
                case 1 -> b = concat(concat(java.util.Arrays.copyOf(b, pos),
                        pick(WORDS).getBytes(StandardCharsets.UTF_8)), java.util.Arrays.copyOfRange(b, pos, b.length));
                case 2 -> b = concat(concat(java.util.Arrays.copyOf(b, pos),
                        pick(HTML_BITS).getBytes(StandardCharsets.UTF_8)), java.util.Arrays.copyOfRange(b, pos, b.length));
                case 3 -> b = concat(java.util.Arrays.copyOf(b, pos),
                        java.util.Arrays.copyOfRange(b, Math.min(b.length, pos + r.nextInt(64)), b.length));
                default -> b = java.util.Arrays.copyOf(b, pos);
            }
        }
        return b;
    }
}
