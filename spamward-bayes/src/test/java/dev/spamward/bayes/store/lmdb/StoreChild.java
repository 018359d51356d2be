package dev.spamward.bayes.store.lmdb;

import dev.spamward.bayes.store.Counts;
import dev.spamward.bayes.store.Label;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A separate JVM for the multi-process tests: {@code learn DIR FIRST COUNT [MAPSIZE]} learns messages one commit
 * each and appends {@code learned N} to {@code ../progress.txt} after every commit; {@code read DIR SECONDS} reads snapshots read-only
 * and prints {@code ok N} or {@code inconsistent ...}; {@code hold DIR SECONDS} keeps a write transaction open,
 * printing {@code holding} once it has it.
 */
public final class StoreChild {
    private StoreChild() {
    }

    /** Tokens of synthetic message {@code i}: one shared by all, 300 of its own. */
    static List<String> tokens(int i) {
        List<String> t = new ArrayList<>();
        t.add("common");
        for (int k = 0; k < 300; k++) t.add("m" + i + "-t" + k);
        return t;
    }

    static byte[] key(int i) {
        return new byte[] {9, (byte) (i >> 16), (byte) (i >> 8), (byte) i};
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "learn" -> {
                int first = Integer.parseInt(args[2]);
                int count = Integer.parseInt(args[3]);
                long mapSize = args.length > 4 ? Long.parseLong(args[4]) : LmdbTokenStore.Options.defaults().mapSize();
                // Progress goes to an unbuffered file (one write syscall per commit) so that it survives kill -9.
                try (LmdbTokenStore s = LmdbTokenStore.open(dir, false, new LmdbTokenStore.Options(mapSize, 512, false));
                     var progress = new java.io.FileOutputStream(dir.resolveSibling("progress.txt").toFile(), true)) {
                    for (int i = first; i < first + count; i++) {
                        s.learn(key(i), tokens(i), Label.SPAM);
                        progress.write(("learned " + (i + 1) + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    }
                }
            }
            case "read" -> {
                // Reopens the store again and again while the writer grows the map: opening must cope too.
                long until = System.nanoTime() + (long) (Double.parseDouble(args[2]) * 1e9);
                long last = -1;
                int snapshots = 0;
                while (System.nanoTime() < until) {
                    try (LmdbTokenStore s = LmdbTokenStore.open(dir, true, LmdbTokenStore.Options.defaults())) {
                        for (int k = 0; k < 20; k++) {
                            Counts c = s.lookup(List.of("common"));
                            if (c.spam()[0] != c.spamMessages() || c.spamMessages() < last) {
                                System.out.println("inconsistent " + c.spam()[0] + " " + c.spamMessages() + " " + last);
                                return;
                            }
                            last = c.spamMessages();
                            snapshots++;
                        }
                    }
                }
                System.out.println("ok " + last + " " + snapshots);
            }
            case "hold" -> {
                try (LmdbTokenStore s = LmdbTokenStore.open(dir, false, LmdbTokenStore.Options.defaults())) {
                    s.holdWriteTransactionForTest(() -> {
                        System.out.println("holding");
                        System.out.flush();
                        try {
                            Thread.sleep((long) (Double.parseDouble(args[2]) * 1000));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                }
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }
}
