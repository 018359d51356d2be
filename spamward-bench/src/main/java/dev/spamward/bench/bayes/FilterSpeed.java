package dev.spamward.bench.bayes;

import dev.spamward.bayes.store.Label;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Development tool: learn the TOE learn set into a fresh LMDB store, then classify the test set 3 times. Usage: FilterSpeed BASE DBDIR */
public final class FilterSpeed {
    private FilterSpeed() {
    }

    public static void main(String[] args) throws Exception {
        Path base = Path.of(args[0]);
        List<Path> test = new ArrayList<>(Toe.list(base.resolve("test/ham")));
        test.addAll(Toe.list(base.resolve("test/spam")));
        try (SpamwardToe sw = new SpamwardToe(Path.of(args[1]), 0.8)) {
            long t0 = System.nanoTime();
            int n = 0;
            for (Path p : Toe.list(base.resolve("learn/spam"))) { sw.learn(p, Label.SPAM); n++; }
            for (Path p : Toe.list(base.resolve("learn/ham"))) { sw.learn(p, Label.HAM); n++; }
            System.out.printf("learn: %.0f msg/s%n", n / ((System.nanoTime() - t0) / 1e9));
            t0 = System.nanoTime();
            for (Path p : test) sw.learn(p, p.toString().contains("/spam/") ? Label.SPAM : Label.HAM);
            System.out.printf("learn (warm, 1200 more): %.0f msg/s%n", test.size() / ((System.nanoTime() - t0) / 1e9));
            for (int r = 0; r < 3; r++) {
                List<byte[]> msgs = new ArrayList<>();
                for (Path p : test) msgs.add(Files.readAllBytes(p));
                t0 = System.nanoTime();
                for (byte[] m : msgs) sw.filter().classify(m, 0);
                System.out.printf("classify: %.0f msg/s%n", msgs.size() / ((System.nanoTime() - t0) / 1e9));
            }
        }
    }
}
