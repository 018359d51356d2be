package dev.spamward.bayes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Bayes commands end to end on real SpamAssassin corpus messages and a real LMDB database. */
class CliTest {
    @TempDir
    Path tmp;
    Path db;
    static final Path CORPUS = corpus();

    private static Path corpus() {
        try {
            return Path.of(CliTest.class.getResource("/dev/spamward/bayes/corpus").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> files(String cls) throws IOException {
        try (var s = Files.list(CORPUS.resolve(cls))) {
            return s.sorted().toList();
        }
    }

    @BeforeEach
    void setUp() {
        db = tmp.resolve("db");
    }

    /** Every third message of a class is held out for testing (easy and hard ham on both sides). */
    static List<Path> heldOut(String cls) throws IOException {
        List<Path> all = files(cls);
        return java.util.stream.IntStream.range(0, all.size()).filter(i -> i % 3 == 2).mapToObj(all::get).toList();
    }

    /** Learns the other 20 of each class (in a directory each, as a user would). */
    private void train() throws IOException {
        for (String cls : List.of("ham", "spam")) {
            Path d = Files.createDirectories(tmp.resolve("train-" + cls));
            List<Path> test = heldOut(cls);
            for (Path f : files(cls)) {
                if (!test.contains(f)) Files.copy(f, d.resolve(f.getFileName()));
            }
            Cli.Result r = Cli.run(null, "learn", "-db", db.toString(), "--" + cls, d.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.err()).contains("learned as " + cls + ": 20 messages").contains("messages/s");
        }
    }

    @Test
    void learnThenCheckGivesGonzofilterExitCodesOnHeldOutMessages() throws IOException {
        train();
        int right = 0;
        int total = 0;
        for (String cls : List.of("ham", "spam")) {
            for (Path f : heldOut(cls)) {
                Cli.Result r = Cli.run(null, "check", "-db", db.toString(), f.toString());
                assertThat(r.exit()).isIn(10, 11);
                assertThat(r.out()).matches("(HAM|SPAM) [01]\\.\\d{6}\\R");
                if (r.exit() == (cls.equals("spam") ? 11 : 10)) right++;
                total++;
            }
        }
        assertThat(right).as("correct of %d held-out messages", total).isGreaterThanOrEqualTo(17);
    }

    @Test
    void checkReadsStdinExplainsAndBatchPrintsOneLinePerMessage() throws IOException {
        train();
        byte[] spam = Files.readAllBytes(heldOut("spam").get(3));
        Cli.Result r = Cli.run(spam, "check", "-db", db.toString(), "--explain", "-");
        assertThat(r.out().lines().count()).isGreaterThan(3);
        assertThat(r.out().lines().skip(1).toList()).allMatch(l -> l.matches("  0\\.\\d{4}  spam=\\d+ ham=\\d+  .+"));
        Cli.Result b = Cli.run(null, "check", "-db", db.toString(), "--batch", CORPUS.resolve("ham").toString());
        assertThat(b.exit()).isZero();
        assertThat(b.out().lines().toList()).hasSize(30).allMatch(l -> l.matches(".+\\.eml\t(HAM|SPAM)\t[01]\\.\\d{6}"));
    }

    @Test
    void checkOfADirectoryWithoutBatchIsAClearError() throws IOException {
        train();
        Cli.Result r = Cli.run(null, "check", "-db", db.toString(), CORPUS.resolve("ham").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("is a directory; a check takes one message (spamward check --batch takes directories)");
    }

    @Test
    void anEmptyMessageIsScoredWithANote() throws IOException {
        train();
        Cli.Result r = Cli.run(new byte[0], "check", "-db", db.toString(), "-");
        assertThat(r.exit()).isIn(10, 11);
        assertThat(r.err()).contains("the message is empty (0 bytes)");
    }

    @Test
    void batchGivesTheSameVerdictsAndScoresAsOneCheckPerMessageInInputOrder() throws IOException {
        train();
        List<Path> all = new java.util.ArrayList<>(files("spam"));
        all.addAll(files("ham"));
        List<String> args = new java.util.ArrayList<>(List.of("check", "-db", db.toString(), "--batch"));
        all.forEach(p -> args.add(p.toString()));
        Cli.Result b = Cli.run(null, args.toArray(String[]::new));
        assertThat(b.exit()).isZero();
        List<String> expected = new java.util.ArrayList<>();
        for (Path f : all) {
            Cli.Result r = Cli.run(null, "check", "-db", db.toString(), f.toString());
            expected.add(f + "\t" + r.out().strip().replace(' ', '\t'));
        }
        assertThat(b.out().lines().toList()).isEqualTo(expected);
    }

    @Test
    void learningWhileAnotherProcessHoldsTheWriterGivesUpWithDatabaseBusy() throws Exception {
        train();
        Process holder = dev.spamward.bayes.store.lmdb.MultiProcessStoreTest.holdingWriter(db, 60, tmp.resolve("hold.err"));
        try {
            Cli.Result r = Cli.run(null, List.of("bayes.lock_timeout=1s"), "learn", "-db", db.toString(), "--spam",
                    files("spam").get(0).toString());
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).startsWith("spamward: database is busy (another process is learning): waited 1 s")
                    .doesNotContain("Exception");
            Cli.Result c = Cli.run(null, "check", "-db", db.toString(), files("spam").get(0).toString());
            assertThat(c.exit()).as("checking never waits for the writer").isIn(10, 11);
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }

    @Test
    void unsureBandGivesExit12() throws IOException {
        train();
        Path f = heldOut("ham").get(3);
        Cli.Result r = Cli.run(null, List.of("bayes.unsure=true", "bayes.ham_cutoff=0", "bayes.spam_cutoff=1"),
                "check", "-db", db.toString(), f.toString());
        assertThat(r.exit()).isEqualTo(12);
        assertThat(r.out()).startsWith("UNSURE ");
    }

    /**
     * A folder the user cannot read, or null where none can be made: chmod 000 when not root; as root (CI), a
     * /proc folder of another process, which a container's root may not read either.
     */
    private Path unreadableFolder() throws IOException {
        Path d = tmp.resolve("locked");
        Files.createDirectories(d.resolve("sub"));
        Files.writeString(d.resolve("sub/1.eml"), "Subject: x\n\nhello\n");
        try {
            Files.setPosixFilePermissions(d.resolve("sub"), java.util.Set.of());
        } catch (UnsupportedOperationException e) {
            return null;
        }
        try (var s = Files.list(d.resolve("sub"))) {
            s.count();
        } catch (java.nio.file.AccessDeniedException e) {
            return d; // not root: the permissions hold
        }
        Path proc = Path.of("/proc/1/task/1/fdinfo");
        try (var s = Files.list(proc)) {
            s.count();
            return null;
        } catch (IOException e) {
            return Path.of("/proc/1/task/1");
        }
    }

    @Test
    void anUnreadableFolderInsideATreeIsNamedBeforeAnythingIsLearned() throws IOException {
        Path tree = unreadableFolder();
        org.junit.jupiter.api.Assumptions.assumeTrue(tree != null, "no unreadable folder can be made here");
        Path good = files("spam").get(0);
        Cli.Result r = Cli.run(null, "learn", "-db", db.toString(), "--spam", good.toString(), tree.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(": permission denied").contains("nothing was learned")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(Files.exists(db.resolve("data.mdb"))).isFalse();
        Cli.Result check = Cli.run(null, "check", "--batch", "-db", db.toString(), tree.toString());
        assertThat(check.exit()).isEqualTo(1);
        assertThat(check.err()).contains(": permission denied").doesNotContain("Exception");
    }

    @Test
    void aMissingDatabaseIsAClearErrorNotAStackTrace() {
        Cli.Result r = Cli.run("Subject: x\n\nhello\n".getBytes(StandardCharsets.UTF_8), "check", "-db", db.toString(), "-");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("spamward: no token database at").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void anUnreadablePathFailsBeforeAnythingIsLearnedAndARerunLearnsNothingTwice() throws IOException {
        Path good = files("spam").get(0);
        Cli.Result r = Cli.run(null, "learn", "-db", db.toString(), "--spam", good.toString(), tmp.resolve("nope").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("nope: no such file or directory").contains("nothing was learned");
        assertThat(Files.exists(db.resolve("data.mdb"))).isFalse();
        assertThat(Cli.run(null, "learn", "-db", db.toString(), "--spam", good.toString()).err()).contains("1 learned");
        assertThat(Cli.run(null, "learn", "-db", db.toString(), "--spam", good.toString()).err()).contains("1 already learned");
        Cli.Result stats = Cli.run(null, "bayes", "stats", "-db", db.toString());
        assertThat(stats.out()).contains("spam messages: 1").contains("ham messages:  0");
    }

    @Test
    void unlearnAndMoveCorrectMistakes() throws IOException {
        Path f = files("ham").get(0);
        Cli.run(null, "learn", "-db", db.toString(), "--spam", f.toString());
        assertThat(Cli.run(null, "learn", "-db", db.toString(), "--ham", f.toString()).err()).contains("1 moved");
        assertThat(Cli.run(null, "bayes", "stats", "-db", db.toString()).out()).contains("spam messages: 0").contains("ham messages:  1");
        assertThat(Cli.run(null, "unlearn", "-db", db.toString(), f.toString()).err()).contains("1 unlearned");
        Cli.Result stats = Cli.run(null, "bayes", "stats", "-db", db.toString());
        assertThat(stats.out()).contains("ham messages:  0").contains("tokens:        0");
    }

    @Test
    void passAddsHeadersAndKeepsEveryOtherByte() throws IOException {
        train();
        for (Path f : List.of(heldOut("spam").get(5), heldOut("ham").get(5))) {
            byte[] in = Files.readAllBytes(f);
            Cli.Result r = Cli.run(in, "pass", "-db", db.toString());
            assertThat(r.exit()).isZero();
            byte[] out = r.stdout();
            String s = new String(out, StandardCharsets.ISO_8859_1);
            assertThat(s).containsPattern("X-Spamward-Verdict: (ham|spam)\nX-Spamward-Score: [01]\\.\\d{4}\n");
            assertThat(removeAdded(out)).isEqualTo(in);
        }
    }

    @Test
    void passWithAnInternalErrorWritesTheOriginalWithAnErrorField() {
        byte[] in = "From: a@example.org\r\nSubject: hi\r\n\r\nbody\r\nwithout final newline".getBytes(StandardCharsets.UTF_8);
        Cli.Result r = Cli.run(in, "pass", "-db", db.resolve("missing").toString());
        assertThat(r.exit()).isZero();
        String s = new String(r.stdout(), StandardCharsets.UTF_8);
        assertThat(s).startsWith("From: a@example.org\r\nSubject: hi\r\nX-Spamward-Error: no token database at ")
                .endsWith("\r\n\r\nbody\r\nwithout final newline");
        assertThat(removeAdded(r.stdout())).isEqualTo(in);
    }

    @Test
    void passThatCannotReadOrWriteTheMessageAsksTheMtaToTryAgain() throws IOException {
        Cli.Result missing = Cli.run(null, "pass", "-db", db.toString(), "-in", tmp.resolve("gone.eml").toString());
        assertThat(missing.exit()).as("EX_TEMPFAIL: the MTA keeps the message").isEqualTo(75);
        assertThat(missing.err()).contains("gone.eml: no such file or directory (nothing was written)").doesNotContain("Exception");
        assertThat(missing.stdout()).isEmpty();

        Path msg = tmp.resolve("m.eml");
        Files.writeString(msg, "Subject: x\n\nhello\n");
        Cli.Result toDir = Cli.run(null, "pass", "-db", db.toString(), "-in", msg.toString(), "-out", tmp.toString());
        assertThat(toDir.exit()).isEqualTo(75);
        assertThat(toDir.err()).contains(tmp + ": is a directory (nothing was written)").doesNotContain("Exception");
    }

    @Test
    void passOfAMessageLongerThanTheLimitClassifiesItsStartAndCopiesTheRest() {
        StringBuilder b = new StringBuilder("From: a@example.org\nSubject: big\n\n");
        for (int i = 0; i < 100_000; i++) b.append("line ").append(i).append('\n');
        byte[] in = b.toString().getBytes(StandardCharsets.US_ASCII);
        Cli.Result r = Cli.run(in, List.of("bayes.max_message_size=1000"), "pass", "-db", db.resolve("missing").toString());
        assertThat(r.exit()).isZero();
        assertThat(new String(r.stdout(), StandardCharsets.US_ASCII)).startsWith("From: a@example.org\nSubject: big\nX-Spamward-Error: ");
        assertThat(removeAdded(r.stdout())).isEqualTo(in);

        byte[] longHeader = ("X-Long: " + "y".repeat(5_000) + "\n\nbody\n").getBytes(StandardCharsets.US_ASCII);
        Cli.Result h = Cli.run(longHeader, List.of("bayes.max_message_size=1000"), "pass", "-db", db.resolve("missing").toString());
        assertThat(h.stdout()).isEqualTo(longHeader);
        assertThat(h.err()).contains("header section is longer than 1000 bytes");
    }

    @Test
    void anMboxIsSplitAsItIsReadAndEachMessageIsCapped() throws IOException {
        String big = "From b@example.org Mon Jan  1 00:00:01 2024\nSubject: two\n\n" + "x".repeat(200_000) + "\n"
                + "From inside a long line is no boundary\n>From quoted\n\n";
        String mbox = "From a@example.org Mon Jan  1 00:00:00 2024\nSubject: one\n\nfirst\n\n" + big
                + "From c@example.org Mon Jan  1 00:00:02 2024\nSubject: three\n\nthird\n";
        List<byte[]> got = new java.util.ArrayList<>();
        MessageSource.forEachMessage(new java.io.ByteArrayInputStream(mbox.getBytes(StandardCharsets.US_ASCII)), 1000, got::add);
        assertThat(got).hasSize(3);
        assertThat(got.get(1)).hasSize(1001);
        assertThat(new String(got.get(2), StandardCharsets.US_ASCII)).endsWith("Subject: three\n\nthird\n");
        List<byte[]> whole = MessageSource.split(mbox.getBytes(StandardCharsets.US_ASCII));
        assertThat(whole).hasSize(3);
        assertThat(new String(whole.get(1), StandardCharsets.US_ASCII)).endsWith("\nFrom inside a long line is no boundary\nFrom quoted\n\n");
    }

    /** A file larger than a Java array (2 GiB) is read in bounded memory; reading it whole failed with OutOfMemoryError. */
    @Test
    void aStreamLargerThanAnArrayIsReadInBoundedMemory() throws IOException {
        long size = (1L << 31) + 1000;
        java.io.InputStream huge = new java.io.InputStream() {
            private long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 'a' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) return -1;
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) (n % 97 == 0 ? '\n' : 'a'));
                left -= n;
                return n;
            }
        };
        List<Integer> sizes = new java.util.ArrayList<>();
        MessageSource.forEachMessage(huge, 2 << 20, m -> sizes.add(m.length));
        assertThat(sizes).containsExactly((2 << 20) + 1);
    }

    /** The output with the added X-Spamward lines removed. */
    private static byte[] removeAdded(byte[] out) {
        String s = new String(out, StandardCharsets.ISO_8859_1);
        return s.replaceAll("X-Spamward-[A-Za-z]+: [^\r\n]*\r?\n", "").getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void gonzofilterProtocolDrivesLearnAndCheck() throws IOException {
        List<Path> spam = files("spam");
        List<Path> ham = files("ham");
        for (int i = 0; i < 15; i++) {
            assertThat(Cli.run(null, "gonzo", "-db", db.toString(), "-spam", "-in", spam.get(i).toString()).exit()).isZero();
            assertThat(Cli.run(null, "gonzo", "-db", db.toString(), "-ham", "-in", ham.get(i).toString()).exit()).isZero();
        }
        assertThat(Cli.run(null, "gonzo", "-db", db.toString(), "-check", "-in", spam.get(20).toString()).exit()).isIn(10, 11);
        // -in is one message, as in gonzofilter: a folder is refused, not learned message by message
        String before = Cli.run(null, "bayes", "stats", "-db", db.toString()).out();
        Cli.Result dir = Cli.run(null, "gonzo", "-db", db.toString(), "-spam", "-in", spam.get(0).getParent().toString());
        assertThat(dir.exit()).isEqualTo(1);
        assertThat(dir.err()).contains("is a directory; -in takes one message file");
        assertThat(Cli.run(null, "bayes", "stats", "-db", db.toString()).out()).isEqualTo(before);
    }

    @Test
    void exportImportRoundTripAndTokensCommand() throws IOException {
        train();
        Path dump = tmp.resolve("dump.txt");
        assertThat(Cli.run(null, "bayes", "export", "-db", db.toString(), dump.toString()).exit()).isZero();
        Path db2 = tmp.resolve("db2");
        assertThat(Cli.run(null, "bayes", "import", "-db", db2.toString(), dump.toString()).exit()).isZero();
        String a = Cli.run(null, "bayes", "dump", "-db", db.toString()).out();
        assertThat(Cli.run(null, "bayes", "dump", "-db", db2.toString()).out()).isEqualTo(a).isNotEmpty();
        Path f = files("spam").get(0);
        assertThat(Cli.run(null, "check", "-db", db2.toString(), f.toString()).out())
                .isEqualTo(Cli.run(null, "check", "-db", db.toString(), f.toString()).out());
        Cli.Result t = Cli.run(null, "tokens", f.toString());
        assertThat(t.exit()).isZero();
        assertThat(t.out().lines().toList()).contains("hdr:subject").hasSizeGreaterThan(20);
        Cli.Result bad = Cli.run("garbage\n".getBytes(StandardCharsets.UTF_8), "bayes", "import", "-db", db2.toString(), "-");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("line 1");
    }

    @Test
    void mboxFilesAreSplitIntoMessages() throws IOException {
        String a = "From a@example.org Mon Jan  1 00:00:00 2024\nSubject: one\n\nfirst body\n>From the quoted line\n\n";
        String b = "From b@example.org Mon Jan  1 00:00:01 2024\nSubject: two\n\nsecond body\n";
        byte[] joined = (a + b).getBytes(StandardCharsets.US_ASCII);
        Path mbox = tmp.resolve("box.mbox");
        Files.write(mbox, joined);
        List<byte[]> parts = MessageSource.split(joined);
        assertThat(parts).hasSize(2);
        assertThat(new String(parts.get(0), StandardCharsets.US_ASCII)).contains("\nFrom the quoted line\n").doesNotContain("second");
        assertThat(Cli.run(null, "learn", "-db", db.toString(), "--spam", mbox.toString()).err()).contains("2 messages");
    }
}
