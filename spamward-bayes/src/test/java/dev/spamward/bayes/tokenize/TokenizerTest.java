package dev.spamward.bayes.tokenize;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tokenizer's rules, one test per gonzofilter defect (specs/bayes.md section 3) and per rule of issue 3. */
class TokenizerTest {
    private final Tokenizer tk = new Tokenizer();

    private List<String> tokens(String msg) {
        return tk.tokenize(msg.getBytes(StandardCharsets.UTF_8)).all();
    }

    private List<String> tokens(byte[] msg) {
        return tk.tokenize(msg).all();
    }

    private static String plain(String headers, String body) {
        return "From: Bob <bob@example.org>\nTo: alice@example.net\nSubject: Hello there\n" + headers
                + "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n" + body;
    }

    @Test
    void d1CrlfAndLfCopiesGiveTheSameTokensAndCrlfHasBodyTokens() {
        String lf = plain("", "alpha bravo charlie\nsecond line here\n");
        List<String> a = tokens(lf);
        List<String> b = tokens(lf.replace("\n", "\r\n"));
        assertThat(b).isEqualTo(a).contains("alpha", "bravo", "charlie", "second", "line", "here");
    }

    @Test
    void d2ScriptAndStyleContentNeverBecomeTokens() {
        String html = "From: x@example.org\nContent-Type: text/html\n\n<html><head><style>p { colour: hiddenstyle }</style>"
                + "<script>var hiddenscript = 1;</script></head><body><p>visible words</p>"
                + "<script type='text/javascript'>document.write('writtenscript')</script></body></html>";
        List<String> t = tokens(html);
        assertThat(t).contains("visible", "words").noneMatch(s -> s.contains("hidden") || s.contains("writtenscript"));
    }

    @Test
    void d3TheLastWordOfAPartIsNeverLost() {
        assertThat(tokens(plain("", "alpha bravo charlie"))).contains("charlie");
        byte[] latin1Html = ("From: x@example.org\nContent-Type: text/html; charset=iso-8859-1\n\n<p>gr\u00fc\u00dfe aus M\u00fcnchen")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(tokens(latin1Html)).contains("grüße", "münchen");
    }

    @Test
    void d4UpperCaseTransferEncodingsAreDecoded() {
        String b64 = Base64.getMimeEncoder().encodeToString("decoded base64 content".getBytes(StandardCharsets.UTF_8));
        String msg = "From: x@example.org\nContent-Type: text/plain\nContent-Transfer-Encoding: BASE64\n\n" + b64 + "\n";
        assertThat(tokens(msg)).contains("decoded", "base64", "content");
        String qp = "From: x@example.org\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: Quoted-Printable\n\n"
                + "caf=C3=A9 soft=\nbreak\n";
        assertThat(tokens(qp)).contains("café", "softbreak");
    }

    @Test
    void d6LegacyCharsetsOutsideGonzofiltersTableAreDecoded() {
        for (String cs : List.of("windows-1253", "koi8-u", "gb2312", "shift_jis")) {
            String word = switch (cs) {
                case "windows-1253" -> "καλημέρα";
                case "koi8-u" -> "привіт";
                case "gb2312" -> "中文邮件";
                default -> "日本語です";
            };
            byte[] body = word.getBytes(Charset.forName(cs));
            byte[] head = ("From: x@example.org\nContent-Type: text/plain; charset=" + cs + "\nContent-Transfer-Encoding: 8bit\n\n")
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] msg = new byte[head.length + body.length];
            System.arraycopy(head, 0, msg, 0, head.length);
            System.arraycopy(body, 0, msg, head.length, body.length);
            List<String> t = tokens(msg);
            if (cs.equals("gb2312")) assertThat(t).as(cs).contains("中文", "文邮", "邮件");
            else if (cs.equals("shift_jis")) assertThat(t).as(cs).contains("日本", "本語");
            else assertThat(t).as(cs).contains(word);
        }
    }

    @Test
    void d7ForwardedMailAndAttachmentsGiveTokens() {
        String msg = "From: x@example.org\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"BOUND\"\n\n--BOUND\n"
                + "Content-Type: text/plain\n\nsee forwarded\n--BOUND\nContent-Type: message/rfc822\n\n"
                + "From: inner@example.com\nSubject: inner subject\nContent-Type: text/plain\n\ninnerbody words\n--BOUND\n"
                + "Content-Type: application/pdf; name=\"invoice_2024.PDF\"\nContent-Disposition: attachment; filename=\"invoice_2024.PDF\"\n"
                + "Content-Transfer-Encoding: base64\n\nJVBERi0xLjQK\n--BOUND--\n";
        List<String> t = tokens(msg);
        assertThat(t).contains("forwarded", "innerbody", "mime:subject:inner", "part:type:message/rfc822",
                "part:type:application/pdf", "part:ext:pdf", "mime:content-disposition:attachment");
        assertThat(t).anyMatch(s -> s.startsWith("part:size:"));
        // The boundary value is not a token; the parameter name is.
        assertThat(t).noneMatch(s -> s.contains("BOUND")).contains("content-type:boundary");
    }

    @Test
    void d8UnicodeNormalisationInvisibleCharactersAndCharacterBasedLengths() {
        List<String> t = tokens(plain("", "ＶＩＡＧＲＡ vi\u00ADagra ph\u200Barm\u200Dacy \uFB01nance über\n"));
        assertThat(t).contains("viagra", "pharmacy", "finance", "über", "meta:invisible-chars").doesNotContain("VIAGRA");
        assertThat(t).noneMatch(s -> s.indexOf('\u00AD') >= 0 || s.indexOf('\u200B') >= 0 || s.indexOf('\u200D') >= 0);
        // Lengths count characters: a 3-letter word with 2-byte letters is kept, 41 characters become long:.
        assertThat(tokens(plain("", "äöü " + "x".repeat(41) + " " + "y".repeat(40) + "\n")))
                .contains("äöü", "long:xxxxxxxxxxxx", "y".repeat(40)).doesNotContain("x".repeat(41));
        // Case folding.
        assertThat(tokens(plain("", "FREE Money\n"))).contains("free", "money").doesNotContain("FREE", "Money");
    }

    @Test
    void headerTokensArePrefixedWithTheLowerCasedNameAndIdsAndDatesAreSkipped() {
        String msg = "Received: from mx.example.net (mx.example.net [192.0.2.1]) by mail.example.org (Postfix) with ESMTPS id 4AB12CD for <alice@example.org>; Tue, 1 Oct 2024 10:00:00 +0000\n"
                + "Date: Tue, 1 Oct 2024 10:00:00 +0000\nMessage-ID: <uniqueid123@example.net>\nReferences: <ref999@x>\n"
                + "Delivery-Date: Tue, 1 Oct 2024\nX-Spam-Status: Yes, score=99\nDKIM-Signature: v=1; b=signaturedata\n"
                + "SUBJECT: Cheap pills\nFrom: \"Shop\" <shop@pills.example>\n\nbody text\n";
        List<String> t = tokens(msg);
        assertThat(t).contains("hdr:subject", "subject:cheap", "subject:pills", "from:shop@pills.example",
                "from:@pills.example", "received:mx.example.net", "received:192.0.2.1", "received:postfix", "received:esmtps");
        assertThat(t).noneMatch(s -> s.contains("4AB12CD") || s.contains("4ab12cd") || s.contains("uniqueid123")
                || s.contains("ref999") || s.contains("2024") || s.contains("10:00") || s.startsWith("x-spam") || s.contains("signaturedata")
                || s.startsWith("delivery-date") || s.startsWith("received:alice"));
    }

    @Test
    void urlsGiveHostDomainAndPathTokensFromTextAndHtmlAttributes() {
        String msg = "From: x@example.org\nContent-Type: text/html\n\n<p>Visit <a href='https://login.evil.example.co.uk/verify/account?id=7'>here</a>"
                + " <img src=\"http://203.0.113.9/pixel.gif\"> or www.shop.example.com/deals</p>\n";
        List<String> t = tokens(msg);
        assertThat(t).contains("url:login.evil.example.co.uk", "url.dom:example.co.uk", "url.tld:uk", "url.path:verify",
                "url.path:account", "url.ip", "url:www.shop.example.com", "url.dom:example.com", "url.path:deals", "meta:html");
    }

    @Test
    void theMboxFromLineGivesNoTokensAndGarbageNeverThrows() {
        List<String> t = tokens("From spammer@example.com Mon Jan  1 00:00:00 2024\n" + plain("", "words here\n"));
        assertThat(t).noneMatch(s -> s.contains("spammer")).contains("words");
        byte[] junk = new byte[5000];
        new java.util.Random(7).nextBytes(junk);
        assertThat(tk.tokenize(junk)).isNotNull();
        assertThat(tk.tokenize(new byte[0]).all()).isNotNull();
    }

    @Test
    void parseProblemsAreReportedAndBecomeTokens() {
        String msg = "From: x@example.org\nContent-Type: multipart/mixed; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n"
                + "Content-Transfer-Encoding: base64\n\n!!!notbase64***\n";
        Tokens t = tk.tokenize(msg.getBytes(StandardCharsets.UTF_8));
        assertThat(t.problems()).isNotEmpty();
        assertThat(t.all()).anyMatch(s -> s.startsWith("meta:defect:"));
    }

    @Test
    void theMessageKeyIgnoresLineEndsAndTheOrderOfTokens() {
        String lf = plain("", "one two three\n");
        assertThat(tk.tokenize(lf.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)).key())
                .isEqualTo(tk.tokenize(lf.getBytes(StandardCharsets.UTF_8)).key())
                .isNotEqualTo(tk.tokenize(plain("", "one two four\n").getBytes(StandardCharsets.UTF_8)).key());
    }
}
