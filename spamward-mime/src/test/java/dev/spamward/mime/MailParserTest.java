package dev.spamward.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailParserTest {
    private final MailParser parser = new MailParser();

    private ParsedMessage parse(String s) {
        return parser.parse(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static List<DefectType> types(ParsedMessage m) {
        return m.defects().stream().map(Defect::type).toList();
    }

    @Test
    void aReadErrorIsReportedNotTakenForAnEmptyMessage() {
        java.io.InputStream failing = new java.io.InputStream() {
            private int left = 100;

            @Override
            public int read() throws java.io.IOException {
                if (left-- > 0) return 'x';
                throw new java.io.IOException("Is a directory");
            }
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MailParser().parse(failing))
                .isInstanceOf(java.io.IOException.class).hasMessage("Is a directory");
    }

    @Test
    void simpleMessageHasHeadersAndText() {
        ParsedMessage m = parse("From: a@example.org\nSubject: hi\n\nhello world\n");
        assertThat(m.headers().first("subject")).isEqualTo("hi");
        assertThat(m.parts()).hasSize(1);
        assertThat(m.root().mimeType()).isEqualTo("text/plain");
        assertThat(m.root().text()).isEqualTo("hello world\n");
        assertThat(m.defects()).isEmpty();
    }

    @Test
    void crlfAndLfGiveTheSameText() {
        String lf = "Subject: x\nContent-Type: text/plain\n\nline one\nline two\nlast words";
        ParsedMessage a = parse(lf);
        ParsedMessage b = parse(lf.replace("\n", "\r\n"));
        assertThat(b.root().text().replace("\r\n", "\n")).isEqualTo(a.root().text());
        assertThat(a.root().text()).endsWith("last words");
    }

    @Test
    void foldedAndEncodedHeadersAreUnfoldedAndDecoded() {
        ParsedMessage m = parse("Subject: =?UTF-8?B?w6l0w6k=?=\n =?ISO-8859-1?Q?_caf=E9?= plain\nX-Long: one\n\ttwo\n\nbody");
        assertThat(m.headers().first("Subject")).isEqualTo("été café plain");
        assertThat(m.headers().first("X-Long")).isEqualTo("one\ttwo");
        assertThat(m.headers().field("Subject").rawValue()).startsWith("=?UTF-8?B?");
    }

    @Test
    void lenientBase64DecodesWhatItCanAndFlagsTheRest() {
        ParsedMessage m = parse("Content-Transfer-Encoding: base64\n\naGVsbG8g!!d29y\nbGQ=\nZXh0cmE\n");
        assertThat(m.root().text()).isEqualTo("hello worldextra");
        assertThat(types(m)).contains(DefectType.BAD_BASE64, DefectType.BASE64_DATA_AFTER_PADDING);
    }

    @Test
    void quotedPrintableSoftBreaksAndBadEscapes() {
        ParsedMessage m = parse("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
                + "caf=C3=A9 soft=\nbreak =ZZ end=\r\n");
        assertThat(m.root().text()).isEqualTo("café softbreak =ZZ end");
        assertThat(types(m)).contains(DefectType.BAD_QUOTED_PRINTABLE);
    }

    @Test
    void mailCharsetAliasesMapToWhatMailMeans() {
        assertThat(Charsets.lookup("cp932")).isEqualTo(Charset.forName("windows-31j"));
        assertThat(Charsets.lookup("ks_c_5601-1987")).isEqualTo(Charset.forName("x-windows-949"));
        assertThat(Charsets.lookup("\"ISO-8859-8-I\"")).isEqualTo(Charset.forName("ISO-8859-8"));
        assertThat(Charsets.lookup("macintosh")).isEqualTo(Charset.forName("x-MacRoman"));
        assertThat(Charsets.lookup("utf-7")).isSameAs(Charsets.UTF_7);
        assertThat(Charsets.lookup("iso-8859-1")).isEqualTo(Charset.forName("windows-1252"));
        assertThat(Charsets.lookup("no-such-charset")).isNull();
    }

    @Test
    void decodesWithAliasesAndUtf7() {
        byte[] sjis = "日本語".getBytes(Charset.forName("windows-31j"));
        byte[] body = concat("Content-Type: text/plain; charset=cp932\nContent-Transfer-Encoding: 8bit\n\n", sjis);
        assertThat(parser.parse(body).root().text()).isEqualTo("日本語");
        ParsedMessage u7 = parse("Content-Type: text/plain; charset=utf-7\n\nHi Mom -+Jjo--! A+ImIDkQ. 1 +- 1");
        assertThat(u7.root().text()).isEqualTo("Hi Mom -☺-! A≢Α. 1 + 1");
    }

    @Test
    void unknownCharsetFallsBackAndIsFlagged() {
        byte[] body = concat("Content-Type: text/plain; charset=x-zzz\n\n", "naïve".getBytes(StandardCharsets.UTF_8));
        ParsedMessage m = parser.parse(body);
        assertThat(m.root().text()).isEqualTo("naïve");
        assertThat(types(m)).contains(DefectType.UNKNOWN_CHARSET);
    }

    @Test
    void invalidBytesBecomeReplacementCharactersAndAreFlagged() {
        byte[] body = concat("Content-Type: text/plain; charset=utf-8\n\n", new byte[] {'a', (byte) 0xff, 'b'});
        ParsedMessage m = parser.parse(body);
        assertThat(m.root().text()).isEqualTo("a\uFFFDb");
        assertThat(types(m)).contains(DefectType.MALFORMED_TEXT);
    }

    @Test
    void htmlGivesVisibleTextAndUrlsButNoScriptOrStyle() {
        ParsedMessage m = parse("Content-Type: text/html\n\n<html><head><title>T</title><style>.x{color:red}</style></head>"
                + "<body><script>var secret=1;</script><p>Buy <a href=\"http://spam.example/x\">now</a></p>"
                + "<div style=\"display: none\">hidden words</div><img src=\"http://img.example/i.png\">"
                + "see www.other.example/page.</body></html>");
        MimePart p = m.root();
        assertThat(p.visibleText()).contains("Buy now").contains("see www.other.example/page.")
                .doesNotContain("secret").doesNotContain("color").doesNotContain("hidden words");
        assertThat(p.urls()).containsExactly("http://spam.example/x", "http://img.example/i.png", "www.other.example/page");
    }

    @Test
    void multipartTreeWithEmbeddedMessage() {
        ParsedMessage m = parse("""
                Content-Type: multipart/mixed; boundary="outer"

                preamble
                --outer
                Content-Type: text/plain

                first
                --outer
                Content-Type: message/rfc822

                Subject: inner
                Content-Type: multipart/alternative; boundary=inner

                --inner
                Content-Type: text/plain

                inner plain
                --inner
                Content-Type: text/html

                <p>inner html</p>
                --inner--
                --outer--
                """);
        assertThat(m.parts()).extracting(MimePart::path).containsExactly("", "1", "2", "2.1", "2.1.1", "2.1.2");
        assertThat(m.parts()).extracting(MimePart::mimeType).containsExactly("multipart/mixed", "text/plain",
                "message/rfc822", "multipart/alternative", "text/plain", "text/html");
        assertThat(m.parts().get(2).isEmbeddedMessage()).isTrue();
        assertThat(m.parts().get(3).headers().first("Subject")).isEqualTo("inner");
        assertThat(m.textParts()).extracting(MimePart::visibleText).containsExactly("first", "inner plain", "inner html");
    }

    @Test
    void multipartWithoutBoundaryKeepsTheBodyAsText() {
        ParsedMessage m = parse("Content-Type: multipart/mixed\n\n--x\nContent-Type: text/plain\n\nbody\n");
        assertThat(m.root().isText()).isTrue();
        assertThat(m.root().text()).contains("body");
        assertThat(types(m)).contains(DefectType.MISSING_BOUNDARY);
    }

    @Test
    void missingClosingBoundaryKeepsTheLastPart() {
        ParsedMessage m = parse("Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nlast words here");
        assertThat(m.textParts()).hasSize(1);
        assertThat(m.textParts().get(0).text()).isEqualTo("last words here");
        assertThat(types(m)).contains(DefectType.PREMATURE_END);
    }

    @Test
    void limitsCapTheWorkAndAreReported() throws java.io.IOException {
        StringBuilder sb = new StringBuilder("Content-Type: multipart/mixed; boundary=b\n\n");
        for (int i = 0; i < 50; i++) sb.append("--b\nContent-Type: text/plain\n\npart ").append(i).append('\n');
        sb.append("--b--\n");
        MailParser small = new MailParser(new MimeLimits(1 << 20, 10, 5, 100, 1000, 10));
        ParsedMessage m = small.parse(sb.toString().getBytes(StandardCharsets.US_ASCII));
        assertThat(m.parts()).hasSize(10);
        assertThat(m.truncated()).isTrue();
        assertThat(m.defects()).anySatisfy(d -> assertThat(d.detail()).contains("parts > 10"));

        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 40; i++) deep.append("Content-Type: multipart/mixed; boundary=d").append(i).append("\n\n--d").append(i).append('\n');
        deep.append("Content-Type: text/plain\n\ndeep\n");
        ParsedMessage d = small.parse(deep.toString().getBytes(StandardCharsets.US_ASCII));
        assertThat(d.parts().stream().mapToInt(MimePart::depth).max().orElse(0)).isLessThanOrEqualTo(5);
        assertThat(d.defects()).anySatisfy(x -> assertThat(x.detail()).contains("depth > 5"));

        ParsedMessage big = small.parse(new java.io.ByteArrayInputStream(new byte[3 << 20]));
        assertThat(big.rawSize()).isEqualTo(3 << 20);
        assertThat(big.truncated()).isTrue();
    }

    @Test
    void mboxFromLineIsRemovedAndRemembered() {
        ParsedMessage m = parse("From sender@example.org Sat Nov 21 08:00:00 2026\nSubject: s\n\nbody\n");
        assertThat(m.mboxFromLine()).isEqualTo("From sender@example.org Sat Nov 21 08:00:00 2026");
        assertThat(m.headers().first("Subject")).isEqualTo("s");
    }

    @Test
    void headerOnlyEmptyNulAndBareCrInputs() {
        assertThat(parse("Subject: only headers").headers().first("Subject")).isEqualTo("only headers");
        assertThat(parse("").parts()).hasSize(1);
        assertThat(types(parse("Subject: x\n\na\0b\n"))).contains(DefectType.NUL_BYTES);
        ParsedMessage cr = parse("Subject: mac\r\rline1\rline2");
        assertThat(cr.headers().first("Subject")).isEqualTo("mac");
        assertThat(cr.root().text()).isEqualTo("line1\nline2");
        assertThat(types(cr)).contains(DefectType.BARE_CR_LINE_ENDS);
    }

    @Test
    void filenamesFromDispositionIncludingRfc2231() {
        ParsedMessage m = parse("Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: application/pdf\n"
                + "Content-Disposition: attachment; filename*=utf-8''r%C3%A9sum%C3%A9.pdf\nContent-Transfer-Encoding: base64\n\n"
                + "JVBERg==\n--b--\n");
        MimePart att = m.parts().get(1);
        assertThat(att.filename()).isEqualTo("résumé.pdf");
        assertThat(att.isText()).isFalse();
        assertThat(new String(att.decodedBody(), StandardCharsets.US_ASCII)).isEqualTo("%PDF");
    }

    private static byte[] concat(String head, byte[] body) {
        byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[h.length + body.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(body, 0, out, h.length, body.length);
        return out;
    }
}
