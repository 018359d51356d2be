package dev.spamward.bench.bayes;

import dev.spamward.bayes.BayesFilter;
import dev.spamward.bayes.store.Label;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Development tool: learns the TOE learn set into a fresh LMDB store, then classifies every file under CORPUS
 * (default: the TOE test set) five times on one thread through {@link BayesFilter#batch()}, the path
 * {@code spamward check --batch} takes, printing wall and CPU rates per pass (the first passes show the warm-up).
 * Usage: FilterSpeed TOE_BASE DBDIR [CORPUS]
 */
public final class FilterSpeed {
    private FilterSpeed() {
    }

    public static void main(String[] args) throws Exception {
        Path base = Path.of(args[0]);
        List<Path> test;
        if (args.length > 2) {
            try (Stream<Path> s = Files.walk(Path.of(args[2]))) {
                test = s.filter(Files::isRegularFile).sorted().toList();
            }
        } else {
            test = new ArrayList<>(Toe.list(base.resolve("test/ham")));
            test.addAll(Toe.list(base.resolve("test/spam")));
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        try (SpamwardToe sw = new SpamwardToe(Path.of(args[1]), 0.8)) {
            long t0 = System.nanoTime();
            int n = 0;
            for (Path p : Toe.list(base.resolve("learn/spam"))) { sw.learn(p, Label.SPAM); n++; }
            for (Path p : Toe.list(base.resolve("learn/ham"))) { sw.learn(p, Label.HAM); n++; }
            System.out.printf("learn: %.0f msg/s%n", n / ((System.nanoTime() - t0) / 1e9));
            try (BayesFilter.Batch b = sw.filter().batch()) {
                for (int r = 0; r < 5; r++) {
                    t0 = System.nanoTime();
                    long c0 = mx.getCurrentThreadCpuTime();
                    for (Path p : test) b.classify(Files.readAllBytes(p), 0);
                    System.out.printf("classify %d messages: %.0f msg/s, %.0f msg per CPU-second%n", test.size(),
                            test.size() / ((System.nanoTime() - t0) / 1e9), test.size() / ((mx.getCurrentThreadCpuTime() - c0) / 1e9));
                }
            }
        }
    }
}
