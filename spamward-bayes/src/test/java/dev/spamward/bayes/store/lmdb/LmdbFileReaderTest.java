package dev.spamward.bayes.store.lmdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spamward.bayes.store.Counts;
import dev.spamward.bayes.store.Label;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java reader of data.mdb gives exactly what the native store gives, and never a torn snapshot. */
class LmdbFileReaderTest {
    @TempDir
    Path tmp;

    private static byte[] key(int n) {
        return ByteBuffer.allocate(16).putInt(n).putInt(n * 31).array();
    }

    private static List<String> messageTokens(Random r, int n) {
        List<String> t = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(20_000);
            t.add(switch (k % 5) {
                case 0 -> "subject:w" + k;
                case 1 -> "wört" + k + "ß";
                case 2 -> "url:host" + k + ".example";
                case 3 -> "x".repeat(300 + k % 300) + k; // longer than LMDB's key limit: cut like the store cuts
                default -> "w" + k;
            });
        }
        return t.stream().distinct().toList();
    }

    private static void assertSame(Counts a, Counts b) {
        assertThat(a.spamMessages()).isEqualTo(b.spamMessages());
        assertThat(a.hamMessages()).isEqualTo(b.hamMessages());
        assertThat(a.tokens()).isEqualTo(b.tokens());
        assertThat(a.spam()).isEqualTo(b.spam());
        assertThat(a.ham()).isEqualTo(b.ham());
    }

    @Test
    void countsEqualTheNativeStoreOnAMultiLevelTree() {
        Path dir = tmp.resolve("db");
        Random r = new Random(7);
        try (LmdbTokenStore store = LmdbTokenStore.open(dir, false, LmdbTokenStore.Options.defaults())) {
            List<List<String>> learned = new ArrayList<>();
            for (int m = 0; m < 400; m++) {
                List<String> t = messageTokens(r, 150);
                learned.add(t);
                store.learn(key(m), t, m % 3 == 0 ? Label.SPAM : Label.HAM);
            }
            for (int m = 0; m < 40; m++) store.unlearn(key(m), learned.get(m));
            store.learn(key(77), learned.get(77), Label.SPAM); // moved
            List<String> ask = new ArrayList<>(messageTokens(r, 3_000));
            ask.add("never-seen");
            ask.add("");
            Optional<Counts> direct = LmdbFileReader.lookup(dir, ask);
            assertThat(direct).isPresent();
            assertSame(direct.get(), store.lookup(ask));
            assertThat(java.util.Arrays.stream(direct.get().spam()).max().orElse(0)).isGreaterThan(1);
        }
    }

    @Test
    void anEmptyOrMissingOrForeignFileGivesEmptyOrZeros() throws Exception {
        assertThat(LmdbFileReader.lookup(tmp.resolve("missing"), List.of("a"))).isEmpty();
        Path junk = Files.createDirectories(tmp.resolve("junk"));
        byte[] noise = new byte[64 * 1024];
        new Random(1).nextBytes(noise);
        Files.write(junk.resolve("data.mdb"), noise);
        assertThat(LmdbFileReader.lookup(junk, List.of("a"))).isEmpty();
        Path fresh = tmp.resolve("fresh");
        try (LmdbTokenStore store = LmdbTokenStore.open(fresh, false, LmdbTokenStore.Options.defaults())) {
            Optional<Counts> c = LmdbFileReader.lookup(fresh, List.of("a", "b"));
            if (c.isPresent()) assertSame(c.get(), store.lookup(List.of("a", "b")));
        }
    }

    @Test
    void aNewerFormatIsLeftToTheNativeStore() {
        Path dir = tmp.resolve("newer");
        try (LmdbTokenStore store = LmdbTokenStore.open(dir, false, LmdbTokenStore.Options.defaults())) {
            store.learn(key(1), List.of("a"), Label.SPAM);
            store.overwriteFormatForTest(LmdbTokenStore.FORMAT + 1);
        }
        assertThat(LmdbFileReader.lookup(dir, List.of("a"))).isEmpty();
    }

    /** Every learned message has the token "all": a consistent snapshot has count(all) == messages per class. */
    @Test
    void readsWhileAnotherThreadLearnsAreNeverTorn() throws Exception {
        Path dir = tmp.resolve("busy");
        AtomicBoolean stop = new AtomicBoolean();
        try (LmdbTokenStore store = LmdbTokenStore.open(dir, false, LmdbTokenStore.Options.defaults())) {
            store.learn(key(0), List.of("all", "first"), Label.HAM);
            Thread writer = Thread.ofPlatform().start(() -> {
                Random r = new Random(3);
                for (int m = 1; !stop.get() && m < 100_000; m++) {
                    List<String> t = new ArrayList<>(messageTokens(r, 60));
                    t.add("all");
                    store.learn(key(m), t, m % 2 == 0 ? Label.SPAM : Label.HAM);
                }
            });
            int ok = 0;
            long until = System.nanoTime() + 3_000_000_000L;
            try {
                while (System.nanoTime() < until) {
                    Optional<Counts> c = LmdbFileReader.lookup(dir, List.of("all"));
                    if (c.isEmpty()) continue; // the writer got two commits ahead three times: the caller falls back
                    assertThat(c.get().spam()[0]).isEqualTo((int) c.get().spamMessages());
                    assertThat(c.get().ham()[0]).isEqualTo((int) c.get().hamMessages());
                    ok++;
                }
            } finally {
                stop.set(true);
                writer.join();
            }
            assertThat(ok).isGreaterThan(10);
        }
    }
}
