package dev.spamward.bayes.tokenize;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import dev.spamward.mime.MailParser;
import org.junit.jupiter.api.Test;

class MessageShapeTest {
    private static final String MSG = "Received: from mx.example.net (mx.example.net [192.0.2.1]) by mail.example.org with ESMTP id X1\n"
            + "Message-ID: <20021203122413.5678.qmail@mail.shop.example>\n"
            + "Date: 3 Dec 2002 12:24:13 -0000\n"
            + "From: \"Shop\" <deals@shop.example>\n"
            + "Reply-To: other@elsewhere.example\n"
            + "Return-Path: <bounce@news.shop.example>\n"
            + "To: alice@example.org\n"
            + "Subject: BUY NOW!!! $$$\n"
            + "Content-Type: text/html\n\n"
            + "<p>HUGE SAVINGS today! <a href='http://a.example/1'>x</a> <a href='http://b.example/2'>y</a></p>\n";

    private static List<String> tokens(TokenizerOptions options) {
        return new Tokenizer(new MailParser(), options).tokenize(MSG.getBytes(StandardCharsets.UTF_8)).all();
    }

    @Test
    void shapeCollapsesRunsOfOneCharacterClass() {
        assertThat(MessageShape.shape("<20021203122413.5678.qmail@five2go.com>")).isEqualTo("<9.9.a@a9a.a>");
        assertThat(MessageShape.shape("Tue, 12 Nov 2002 18:07:11 -0500")).isEqualTo("Aa, 9 Aa 9 9:9:9 -9");
    }

    @Test
    void idsAndDatesGiveTheirShapesNotTheirValues() {
        List<String> t = tokens(TokenizerOptions.defaults());
        assertThat(t).contains("msgid:shape:<9.9.a@a.a.a>", "msgid:dom:shop.example", "date:shape:9 Aa 9 9:9:9 -9", "date:tz:-0000");
        assertThat(t).noneMatch(s -> s.contains("20021203") || s.contains("12:24"));
    }

    @Test
    void headerOrderCountsDomainsAndAlignment() {
        List<String> t = tokens(TokenizerOptions.defaults());
        assertThat(t).contains("horder:^>message-id", "horder:message-id>date", "horder:subject>content-type");
        assertThat(t).noneMatch(s -> s.startsWith("horder:") && s.contains("received"));
        assertThat(t).contains("count:received:1", "count:urls:2", "count:html-only", "count:subject-bang", "count:subject-dollar",
                "count:subject-capitals:4");
        assertThat(t).contains("received:dom:example.net", "return-path:dom:shop.example");
        assertThat(t).contains("align:return-path:related", "align:reply-to:other", "align:msgid:related", "align:to:other");
    }

    @Test
    void eachFamilyCanBeSwitchedOff() {
        List<String> t = tokens(TokenizerOptions.defaults().withFeatures(EnumSet.noneOf(TokenizerOptions.Feature.class)));
        assertThat(t).noneMatch(s -> s.startsWith("msgid:") || s.startsWith("date:") || s.startsWith("horder:")
                || s.startsWith("count:") || s.startsWith("align:") || s.contains(":dom:"));
        assertThat(t).contains("subject:buy", "huge");
    }

    @Test
    void missingFieldsAreTokensToo() {
        List<String> t = new Tokenizer().tokenize("Subject: hi\n\nbody words here\n".getBytes(StandardCharsets.UTF_8)).all();
        assertThat(t).contains("msgid:none", "date:none", "align:no-from-domain");
    }
}
