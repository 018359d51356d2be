package dev.spamward.mime;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks that hold for every parsed message, whatever the input. */
final class MessageInvariants {
    private MessageInvariants() {
    }

    /** No parser error, every text part decoded, derived views and the tree printer work. */
    static void check(String name, ParsedMessage m) {
        assertThat(m.parts()).as(name).isNotEmpty();
        assertThat(m.defects()).as(name + " parser errors").noneMatch(d -> d.type() == DefectType.PARSER_ERROR);
        for (MimePart p : m.parts()) {
            if (p.mimeType().startsWith("text/") && !p.isMultipart()) {
                assertThat(p.text()).as(name + " part " + p.path() + " decoded text").isNotNull();
                assertThat(p.visibleText()).as(name + " part " + p.path() + " visible text").isNotNull();
                assertThat(p.urls()).isNotNull();
            }
        }
        assertThat(MimeCommand.TreePrinter.render(m, true)).isNotEmpty();
    }
}
