package dev.spamward.bayes.store.lmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spamward.bayes.store.Counts;
import dev.spamward.bayes.store.Label;
import dev.spamward.bayes.store.LearnOutcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real separate JVMs against one LMDB store: concurrent reader and writer processes, and kill -9 while learning. */
public class MultiProcessStoreTest {
    @TempDir
    Path tmp;

    private Process child(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), StoreChild.class.getName()));
        cmd.addAll(List.of(args));
        Path err = tmp.resolve("child-" + args[0] + ".err");
        return new ProcessBuilder(cmd).redirectError(err.toFile()).start();
    }

    private String stderr(String child) {
        try {
            return "child stderr: " + java.nio.file.Files.readString(tmp.resolve("child-" + child + ".err"));
        } catch (java.io.IOException e) {
            return "no child stderr";
        }
    }

    @Test
    void readerProcessesSeeConsistentSnapshotsWhileAnotherProcessLearns() throws Exception {
        Path db = tmp.resolve("db");
        try (LmdbTokenStore s = LmdbTokenStore.open(db, false, new LmdbTokenStore.Options(65536, 512, false))) {
            s.learn(StoreChild.key(1_000_000), StoreChild.tokens(1_000_000), Label.SPAM); // the DB exists for readers
        }
        // A small initial map makes the writer grow it several times while the readers read (MDB_MAP_RESIZED).
        Process writer = child("learn", db.toString(), "0", "400", "65536");
        Process reader = child("read", db.toString(), "4");
        // This JVM reads too, read-only, while the child writes.
        int snapshots = 0;
        long last = 0;
        try (LmdbTokenStore r = LmdbTokenStore.open(db, true, LmdbTokenStore.Options.defaults())) {
            while (writer.isAlive() && snapshots < 100_000) {
                Counts c = r.lookup(List.of("common"));
                assertThat(c.spam()[0]).isEqualTo(c.spamMessages());
                assertThat(c.spamMessages()).isGreaterThanOrEqualTo(last);
                last = c.spamMessages();
                snapshots++;
            }
        }
        assertThat(writer.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(writer.exitValue()).as(() -> stderr("learn")).isZero();
        assertThat(reader.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String readerOut = new String(reader.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(readerOut).as(() -> stderr("read")).startsWith("ok ");
        assertThat(snapshots).isGreaterThan(1);
        try (LmdbTokenStore r = LmdbTokenStore.open(db, true, LmdbTokenStore.Options.defaults())) {
            assertThat(r.lookup(List.of("common")).spamMessages()).isEqualTo(401);
            assertThat(r.stats().tokens()).isEqualTo(1 + 300 * 401);
            assertThat(r.stats().bytes()).as("the map grew far beyond its first 64 KiB").isGreaterThan(4L << 20);
        }
    }

    /** Starts {@code StoreChild hold DB SECONDS} and returns once the child holds the write transaction. */
    public static Process holdingWriter(Path db, int seconds, Path stderr) throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), StoreChild.class.getName(), "hold", db.toString(), Integer.toString(seconds));
        Process p = new ProcessBuilder(cmd).redirectError(stderr.toFile()).start();
        String line = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        assertThat(line).as(() -> "child: " + readQuietly(stderr)).isEqualTo("holding");
        return p;
    }

    private static String readQuietly(Path f) {
        try {
            return java.nio.file.Files.readString(f);
        } catch (java.io.IOException e) {
            return "(no stderr)";
        }
    }

    @Test
    void aSecondWriterGivesUpAfterTheLockTimeoutWhileReadersGoOn() throws Exception {
        Path db = tmp.resolve("db");
        try (LmdbTokenStore s = LmdbTokenStore.open(db, false, LmdbTokenStore.Options.defaults())) {
            s.learn(StoreChild.key(1), StoreChild.tokens(1), Label.SPAM);
        }
        Process holder = holdingWriter(db, 60, tmp.resolve("hold.err"));
        try {
            var quick = new LmdbTokenStore.Options(1 << 20, 16, false, java.time.Duration.ofMillis(500));
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> LmdbTokenStore.open(db, false, quick).close())
                    .isInstanceOf(dev.spamward.bayes.store.StoreException.class)
                    .hasMessageContaining("database is busy (another process is learning)")
                    .hasMessageContaining("500 ms");
            assertThat((System.nanoTime() - t0) / 1e9).isBetween(0.45, 20.0);
            try (LmdbTokenStore r = LmdbTokenStore.open(db, true, LmdbTokenStore.Options.defaults())) {
                assertThat(r.lookup(List.of("common")).spam()[0]).isEqualTo(1); // readers never wait
            }
        } finally {
            holder.destroyForcibly().waitFor();
        }
        // The holder is gone (killed in its transaction): the lock and LMDB's writer mutex are free again.
        var patient = new LmdbTokenStore.Options(1 << 20, 16, false, java.time.Duration.ofSeconds(10));
        try (LmdbTokenStore s = LmdbTokenStore.open(db, false, patient)) {
            assertThat(s.learn(StoreChild.key(2), StoreChild.tokens(2), Label.SPAM)).isEqualTo(LearnOutcome.LEARNED);
        }
    }

    private static int lastReported(Path progress) throws java.io.IOException {
        if (!java.nio.file.Files.exists(progress)) return 0;
        List<String> lines = java.nio.file.Files.readAllLines(progress);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("learned ")) return Integer.parseInt(lines.get(i).substring(8).trim());
        }
        return 0;
    }

    @Test
    void killingALearningProcessLosesAtMostTheMessageBeingLearnedAndCorruptsNothing() throws Exception {
        Path db = tmp.resolve("db");
        Process writer = child("learn", db.toString(), "0", "100000");
        Path progress = tmp.resolve("progress.txt");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (lastReported(progress) < 150 && System.nanoTime() < deadline && writer.isAlive()) Thread.sleep(5);
        writer.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no fsync
        assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        AtomicInteger reported = new AtomicInteger(lastReported(progress));
        assertThat(reported.get()).isGreaterThanOrEqualTo(150);
        try (LmdbTokenStore s = LmdbTokenStore.open(db, false, LmdbTokenStore.Options.defaults())) {
            Counts c = s.lookup(List.of("common"));
            // Every reported commit is there; at most the one in flight (committed but not yet reported) more.
            assertThat(c.spamMessages()).isBetween((long) reported.get(), reported.get() + 1L);
            assertThat(c.spam()[0]).isEqualTo(c.spamMessages());
            long[] tokens = {0};
            s.forEachToken(t -> tokens[0]++);
            assertThat(tokens[0]).isEqualTo(1 + 300 * c.spamMessages());
            assertThat(s.stats().messages()).isEqualTo(c.spamMessages());
            // The store keeps working: the next message learns, a learned one is recognised.
            int next = (int) c.spamMessages();
            assertThat(s.learn(StoreChild.key(next), StoreChild.tokens(next), Label.SPAM)).isEqualTo(LearnOutcome.LEARNED);
            assertThat(s.learn(StoreChild.key(0), StoreChild.tokens(0), Label.SPAM)).isEqualTo(LearnOutcome.ALREADY_LEARNED);
        }
    }
}
