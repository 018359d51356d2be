package dev.spamward.dcc.proto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spamward.dcc.checksum.Checksum;
import dev.spamward.dcc.checksum.DccChecksummer;
import dev.spamward.dcc.checksum.Md5;
import dev.spamward.dcc.checksum.MessageChecksums;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packets captured between the real dccproc and dccd 1.3.158 (shared/vectors/wire/dcc): with the same
 * transaction fields, our requests are byte-equal to dccproc's (checksums computed by us from the same
 * message), and every server packet parses and verifies with the 32-byte key (not with a 16-byte key).
 */
class CapturedPacketsTest {
    private static final String DIR = "/dev/spamward/dcc/wire/";

    record Frame(boolean toServer, byte[] bytes) {
    }

    static List<Frame> frames(String name) throws IOException {
        String text;
        try (InputStream in = CapturedPacketsTest.class.getResourceAsStream(DIR + name)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Frame> out = new ArrayList<>();
        java.io.ByteArrayOutputStream cur = null;
        boolean toServer = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("frame ")) {
                if (cur != null) out.add(new Frame(toServer, cur.toByteArray()));
                cur = new java.io.ByteArrayOutputStream();
                toServer = line.contains("-> 127.0.0.1:6277");
            } else if (cur != null && line.matches("^  [0-9a-f]{4}  .*")) {
                String hex = line.substring(8, Math.min(line.length(), 8 + 16 * 3)).trim();
                for (String h : hex.split(" ")) if (!h.isEmpty()) cur.write(Integer.parseInt(h, 16));
            } else if (cur != null && line.startsWith("  header:")) {
                out.add(new Frame(toServer, cur.toByteArray()));
                cur = null;
            }
        }
        if (cur != null && cur.size() > 0) out.add(new Frame(toServer, cur.toByteArray()));
        return out;
    }

    static ClientIdentity identity(String name, long sender) {
        if (sender == 1) return ClientIdentity.anonymous();
        if (name.startsWith("09")) return ClientIdentity.of(sender, "not-the-right-password");
        if (name.startsWith("10")) return ClientIdentity.of(sender, "some-password");
        return ClientIdentity.of(sender, "wire-test-passwd-19");
    }

    static MessageChecksums mbox1() throws IOException {
        try (InputStream in = CapturedPacketsTest.class.getResourceAsStream(
                "/dev/spamward/dcc/vectors/messages/gdcc-mbox1.eml")) {
            return DccChecksummer.compute(in.readAllBytes());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"01-anon-query.txt", "02-anon-report.txt", "03-anon-report-many.txt",
            "04-anon-query-after.txt", "05-auth-query.txt", "06-auth-report.txt", "07-auth-report-many.txt",
            "08-auth-query-after.txt", "09-badpass-query.txt", "10-unknownid-query.txt"})
    void requestsAreByteEqualAndAnswersVerify(String name) throws Exception {
        List<Frame> frames = frames(name);
        assertThat(frames).isNotEmpty();
        List<Checksum> ours = mbox1().reported();
        ClientIdentity id = null;
        OpNums nums = null;
        int op = 0;
        int requests = 0, answers = 0;
        for (Frame f : frames) {
            ByteBuffer b = ByteBuffer.wrap(f.bytes());
            assertThat(b.getShort() & 0xffff).isEqualTo(f.bytes().length);
            b.get();
            int pop = b.get() & 0xff;
            long sender = Integer.toUnsignedLong(b.getInt());
            OpNums n = new OpNums(b.getInt(), b.getInt(), b.getInt(), b.getInt());
            if (f.toServer()) {
                requests++;
                id = identity(name, sender);
                nums = n;
                op = pop;
                byte[] mine = pop == DccOp.NOP ? Packets.nop(id, n) : Packets.request(pop, id, n, b.getInt(), ours);
                assertThat(HexFormat.of().formatHex(mine)).as(name + " request op " + pop)
                        .isEqualTo(HexFormat.of().formatHex(f.bytes()));
                if (!id.isAnonymous()) assertThat(verifies16(f.bytes(), name)).isFalse();
            } else {
                answers++;
                DccReply reply = ReplyParser.parse(f.bytes(), f.bytes().length, id, nums, op, ours.size());
                assertThat(reply.serverId()).isEqualTo(1000);
                boolean rejected = name.startsWith("09") || name.startsWith("10");
                assertThat(reply.unsigned()).isEqualTo(id.isAnonymous() || rejected);
                if (reply instanceof DccReply.Answer a) {
                    assertThat(a.counts()).hasSize(7);
                    if (name.contains("many")) assertThat(a.counts().get(4).current()).isEqualTo(Targets.TOO_MANY);
                }
                if (reply instanceof DccReply.Ok ok) {
                    assertThat(ok.brand()).isEqualTo("DRPTEST");
                    assertThat(ok.maxPktVersion()).isEqualTo(12);
                    assertThat(ok.qdelayMs()).isIn(400, 450);
                }
                if (!id.isAnonymous() && !rejected) assertThat(verifies16(f.bytes(), name)).isFalse();
            }
        }
        assertThat(requests).isGreaterThanOrEqualTo(1);
        assertThat(answers).isEqualTo(requests);
    }

    /** The wrong (gdcc) key: password zero-padded to 16 bytes. */
    private static boolean verifies16(byte[] pkt, String name) {
        String pw = name.startsWith("09") ? "not-the-right-password" : "wire-test-passwd-19";
        MessageDigest md = Md5.create();
        md.update(Arrays.copyOf(pw.getBytes(StandardCharsets.UTF_8), 16));
        md.update(pkt, 0, pkt.length - 16);
        return Arrays.equals(md.digest(), Arrays.copyOfRange(pkt, pkt.length - 16, pkt.length));
    }
}
