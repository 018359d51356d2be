package dev.spamward.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spamward.cli.Main;
import dev.spamward.greylist.peers.Peers;
import dev.spamward.greylist.peers.PostfixInstance;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code contrib/postfix/spamward-filter.sh} (which runs {@code spamward pass}) as the content filter of a real private
 * Postfix, a {@code pipe} service run as user nobody exactly as the script's header shows: the filtered message
 * carries the X-Spamward-* fields and every other byte; when it cannot be passed on, the script exits 75 and
 * Postfix defers the mail and delivers it once the fault is gone, so nothing is lost or bounced. Two tests replace
 * the last step (SENDMAIL is a script that stores the message and its arguments); one runs it as in production:
 * Postfix's own sendmail reinjects into the same instance, which then delivers the message.
 */
class PostfixContentFilterTest {
    @TempDir
    Path dir;

    private static final String BODY = "Dear friend,\r\nbuy cheap pills now, limited offer, click here to order.\r\n"
            + "Last line without a line break";

    private static int cli(String... args) {
        return Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    /** A trained database, the filter, its commands and the output folder; returns the master.cf service lines. */
    private List<String> setUp(Path out) throws Exception {
        return setUp(out, false);
    }

    /**
     * With {@code realSendmail} the filter reinjects with its default, Postfix's own sendmail; otherwise with a script
     * that stores the message and its arguments in {@code out}.
     */
    private List<String> setUp(Path out, boolean realSendmail) throws Exception {
        Path db = dir.resolve("db");
        Path train = Files.createDirectories(dir.resolve("train"));
        for (int i = 0; i < 3; i++) {
            Files.writeString(train.resolve("spam" + i), "From: x" + i + "@spam.example\nSubject: cheap pills " + i
                    + "\n\nbuy cheap pills now, limited offer " + i + ", click here to order\n");
            Files.writeString(train.resolve("ham" + i), "From: colleague" + i + "@example.org\nSubject: meeting notes " + i
                    + "\n\nthe project review is moved to thursday; agenda attached " + i + "\n");
        }
        assertThat(cli("learn", "--spam", "-db", db.toString(), train.resolve("spam0").toString(), train.resolve("spam1").toString(),
                train.resolve("spam2").toString())).isZero();
        assertThat(cli("learn", "--ham", "-db", db.toString(), train.resolve("ham0").toString(), train.resolve("ham1").toString(),
                train.resolve("ham2").toString())).isZero();
        String cp = PublicClassPath.copy(dir.resolve("cp"));
        Files.createDirectories(out);
        String java = ProcessHandle.current().info().command().orElse("java");
        Path spamward = executable("spamward", "exec '" + java + "' -XX:-UsePerfData -XX:TieredStopAtLevel=1 "
                + "--enable-native-access=ALL-UNNAMED -cp '" + cp + "' " + Main.class.getName() + " \"$@\"\n");
        Path sendmail = executable("sendmail", "printf '%s\\n' \"$@\" > '" + out + "'/args-$$ && cat > '" + out + "'/msg-$$.eml\n");
        Path filter = dir.resolve("spamward-filter.sh");
        Files.copy(Path.of("..", "contrib", "postfix", "spamward-filter.sh"), filter);
        PublicClassPath.openToAll(dir, "rwxr-xr-x");
        for (Path x : List.of(spamward, sendmail, filter)) Files.setPosixFilePermissions(x, PosixFilePermissions.fromString("rwxr-xr-x"));
        return List.of("spamward  unix  -       n       n       -       4       pipe",
                "  flags=Rq user=nobody null_sender=",
                "  argv=/usr/bin/env SPAMWARD=" + spamward + " SPAMWARD_BAYES_DB=" + db + (realSendmail ? "" : " SENDMAIL=" + sendmail),
                "       " + filter + " -f ${sender} -- ${recipient}");
    }

    private Path executable(String name, String body) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body);
        return p;
    }

    private PostfixInstance postfix(List<String> services) throws Exception {
        return PostfixInstance.start(Files.createDirectories(dir.resolve("pf")), null, null, services,
                List.of("content_filter = spamward:dummy"));
    }

    /** The first file in {@code out} whose name starts with {@code prefix} (msg- from the sendmail stand-in). */
    private static Optional<Path> delivered(Path out, String prefix) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst();
        }
    }

    private static Optional<Path> delivered(Path out) throws IOException {
        return delivered(out, "msg-");
    }

    /** Waits up to 60 s for a non-empty {@link #delivered} file; fails with Postfix's log. */
    private static Path awaitDelivered(Path out, PostfixInstance pf, String prefix) throws Exception {
        long end = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < end) {
            Optional<Path> f = delivered(out, prefix);
            if (f.isPresent() && Files.size(f.get()) > 0) {
                Thread.sleep(200); // the writer may not be done yet
                return f.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("nothing delivered; maillog:\n" + pf.maillog());
    }

    private static Path awaitDelivered(Path out, PostfixInstance pf) throws Exception {
        return awaitDelivered(out, pf, "msg-");
    }

    private Path message() throws IOException {
        Path m = dir.resolve("in.eml");
        Files.writeString(m, "From: alice@example.net\r\nTo: bob@example.org\r\nSubject: offer\r\n\r\n" + BODY + "\r\n",
                StandardCharsets.US_ASCII);
        return m;
    }

    @Test
    void postfixPipesMailThroughTheFilterWhichAddsTheVerdictAndKeepsEveryOtherByte() throws Exception {
        Path out = dir.resolve("out");
        try (PostfixInstance pf = postfix(setUp(out))) {
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxrwxrwx"));
            String t = pf.swaksData("alice@example.net", "bob@example.org", message());
            assertThat(t).as(t).contains("250 2.0.0 Ok: queued as");
            Path got = awaitDelivered(out, pf);
            String mail = Files.readString(got, StandardCharsets.ISO_8859_1);
            String args = Files.readString(got.resolveSibling(got.getFileName().toString().replace("msg-", "args-").replace(".eml", "")));
            assertThat(args).as("sendmail gets the envelope").isEqualTo("-f\nalice@example.net\n--\nbob@example.org\n");
            assertThat(mail).as("Postfix's own trace fields: it went through Postfix").contains("Received: from mail.example.net");
            assertThat(mail).containsPattern("\nX-Spamward-Verdict: (ham|spam|unsure)\r?\n").containsPattern("\nX-Spamward-Score: [01]\\.\\d{4}\r?\n");
            assertThat(mail).as("spam-like wording against a database that learned it as spam").contains("X-Spamward-Verdict: spam");
            assertThat(mail.replace("\r\n", "\n")).contains(BODY.replace("\r\n", "\n"));
            assertThat(pf.maillog()).contains("status=sent (delivered via spamward service)");
        }
    }

    /**
     * The whole FILTER_README path with nothing replaced: smtpd hands the mail to the filter, whose default sendmail
     * reinjects it through postdrop and pickup into the same Postfix, which delivers it (to a store service here).
     */
    @Test
    void theFilteredMessageIsReinjectedByPostfixsOwnSendmailAndDelivered() throws Exception {
        Path out = dir.resolve("out");
        List<String> services = new ArrayList<>(setUp(out, true));
        Path store = executable("store", "cat > '" + out + "'/final-$$.eml\n");
        Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxrwxrwx"));
        int filtered = Peers.freePort();
        // as in the script's header: only mail from the network is filtered, not what the filter reinjects
        services.add("127.0.0.1:" + filtered + " inet  n       -       n       -       -       smtpd");
        services.add("  -o content_filter=spamward:dummy");
        services.add("store     unix  -       n       n       -       -       pipe");
        services.add("  flags=R user=nobody argv=" + store);
        try (PostfixInstance pf = PostfixInstance.start(Files.createDirectories(dir.resolve("pf")), null, null, services,
                List.of("relay_transport = store:", "default_transport = store:"), true)) {
            String t = pf.swaksData(filtered, "alice@example.net", "bob@example.org", message());
            assertThat(t).as(t).contains("250 2.0.0 Ok: queued as");
            String mail = Files.readString(awaitDelivered(out, pf, "final-"), StandardCharsets.ISO_8859_1);
            assertThat(mail).containsPattern("Received: by mx\\.test\\.invalid \\(Postfix, from userid 65534\\)")
                    .as("reinjected by sendmail as the filter user, after the original smtpd hop")
                    .contains("Received: from mail.example.net");
            assertThat(mail).contains("X-Spamward-Verdict: spam").containsPattern("\nX-Spamward-Score: [01]\\.\\d{4}\r?\n");
            assertThat(mail.replace("\r\n", "\n")).contains(BODY.replace("\r\n", "\n"));
            assertThat(mail.split("X-Spamward-Verdict:", -1)).as("filtered once, not again after reinjection").hasSize(2);
            assertThat(pf.maillog()).contains("status=sent (delivered via spamward service)", "status=sent (delivered via store service)")
                    .doesNotContain("status=bounced");
        }
    }

    @Test
    void aMessageThatCannotBePassedOnIsDeferredByPostfixNotLostOrBounced() throws Exception {
        Path out = dir.resolve("out");
        try (PostfixInstance pf = postfix(setUp(out))) {
            // out stays root's and 755: the reinjection (user nobody) fails, so the filter exits 75 (EX_TEMPFAIL)
            String t = pf.swaksData("alice@example.net", "bob@example.org", message());
            assertThat(t).as(t).contains("250 2.0.0 Ok: queued as");
            long end = System.nanoTime() + 60_000_000_000L;
            while (!pf.maillog().contains("status=deferred") && System.nanoTime() < end) Thread.sleep(200);
            assertThat(pf.maillog()).contains("status=deferred").doesNotContain("status=bounced");
            assertThat(pf.queue()).contains("bob@example.org");
            assertThat(delivered(out)).isEmpty();
            // the fault is fixed: the deferred mail is delivered
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxrwxrwx"));
            pf.flush();
            String mail = Files.readString(awaitDelivered(out, pf), StandardCharsets.ISO_8859_1);
            assertThat(mail).contains("X-Spamward-Verdict: ");
            assertThat(mail.replace("\r\n", "\n")).contains(BODY.replace("\r\n", "\n"));
        }
    }
}
