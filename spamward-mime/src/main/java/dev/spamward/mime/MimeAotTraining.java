package dev.spamward.mime;

import dev.spamward.core.cli.AotTraining;
import java.io.IOException;
import java.io.InputStream;

/** AOT training: parses a bundled sample message with HTML, base64 and quoted-printable parts. */
public final class MimeAotTraining implements AotTraining {

    @Override
    public void train() {
        try (InputStream in = MimeAotTraining.class.getResourceAsStream("aot-sample.eml")) {
            if (in == null) return;
            ParsedMessage m = new MailParser().parse(in);
            for (MimePart p : m.textParts()) {
                p.visibleText();
                p.urls();
            }
            MimeCommand.TreePrinter.render(m, true);
        } catch (IOException e) {
            // Training is best effort.
        }
    }
}
