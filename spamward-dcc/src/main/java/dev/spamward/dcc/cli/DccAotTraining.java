package dev.spamward.dcc.cli;

import dev.spamward.core.cli.AotTraining;
import dev.spamward.dcc.checksum.DccChecksummer;
import dev.spamward.dcc.proto.ClientIdentity;
import dev.spamward.dcc.proto.DccOp;
import dev.spamward.dcc.proto.OpNums;
import dev.spamward.dcc.proto.Packets;
import java.nio.charset.StandardCharsets;

/** AOT training for {@code spamward dcc}: checksum a sample multipart message and build a signed request (no network). */
public final class DccAotTraining implements AotTraining {
    private static final String SAMPLE = """
            From sender@example.com Sat Nov 21 08:00:00 2026
            Received: from mx.example.com (mx.example.com [192.0.2.1]) by mail.example.org
            From: Sender <sender@example.com>
            Message-ID: <aot@example.com>
            MIME-Version: 1.0
            Content-Type: multipart/alternative; boundary="b1"

            --b1
            Content-Type: text/plain; charset=iso-8859-2
            Content-Transfer-Encoding: quoted-printable

            Dear friend, our garden club meets on Tuesday evening at http://www.club.example.org/meet =
            to talk about the roses and the weather this summer.
            --b1
            Content-Type: text/html; charset=utf-8
            Content-Transfer-Encoding: base64

            PGh0bWw+PGJvZHk+PHA+T3VyIGdhcmRlbiBjbHViIG1lZXRzIG9uIFR1ZXNkYXkuPC9wPjwvYm9keT48L2h0bWw+
            --b1--
            """;

    @Override
    public void train() {
        var sums = DccChecksummer.compute(SAMPLE.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        sums.format();
        Packets.request(DccOp.QUERY, ClientIdentity.of(40000, "training"), new OpNums(1, 2, 3, 1), 0, sums.reported());
    }
}
