package dev.spamward.pyzor.cli;

import dev.spamward.core.cli.AotTraining;
import dev.spamward.pyzor.digest.PyzorDigester;
import java.nio.charset.StandardCharsets;

/** Loads the digest classes (MIME walk, codecs, HTML) into the launcher's AOT cache. */
public final class PyzorAotTraining implements AotTraining {
    private static final String SAMPLE = """
            From: a@example.org
            Subject: training
            MIME-Version: 1.0
            Content-Type: multipart/alternative; boundary="b"

            --b
            Content-Type: text/plain; charset=iso-8859-1
            Content-Transfer-Encoding: quoted-printable

            Caf=E9 lines long enough to be kept by the digest
            second line of plain text for the training run
            --b
            Content-Type: text/html; charset=utf-8
            Content-Transfer-Encoding: base64

            PGh0bWw+PGJvZHk+PHA+SGVsbG8gdHJhaW5pbmcgd29ybGQgJmFtcDsgZnJpZW5kczwvcD48L2JvZHk+PC9odG1sPg==
            --b--
            """;

    @Override
    public void train() {
        PyzorDigester.digest(SAMPLE.getBytes(StandardCharsets.US_ASCII));
    }
}
