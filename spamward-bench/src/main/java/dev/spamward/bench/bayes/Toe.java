package dev.spamward.bench.bayes;

import dev.spamward.bayes.store.Label;
import dev.spamward.bayes.tokenize.Tokenizer;
import dev.spamward.bayes.tokenize.Tokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The train-on-error procedure of gonzofilter's toe.py (specs/bayes.md section 4.2), seeded:
 * shuffle learn/ham and learn/spam; learn 50 ham + 50 spam alternately; then passes in which each
 * misclassified message is learned in its class together with one unclassified message of the other
 * class, until a pass learns nothing; finally classify test/spam and test/ham without learning.
 * The file lists are sorted before shuffling so that a seed gives the same order on every machine.
 */
final class Toe {
    private Toe() {
    }

    static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return new ArrayList<>(s.filter(Files::isRegularFile).sorted().toList());
        }
    }

    /** Every message of the TOE split tokenized once, for the development tools that try many settings. */
    static Map<Path, Tokens> tokenizeAll(Path base, Tokenizer tk)
            throws IOException {
        Map<Path, Tokens> cache = new HashMap<>();
        for (String d : List.of("learn/ham", "learn/spam", "test/ham", "test/spam")) {
            for (Path p : list(base.resolve(d))) cache.put(p, tk.tokenize(Files.readAllBytes(p)));
        }
        return cache;
    }

    static ToeResult run(ToeFilter f, Path base, long seed, int runNo) throws Exception {
        long t0 = System.nanoTime();
        Random rnd = new Random(seed);
        List<Path> hams = list(base.resolve("learn/ham"));
        List<Path> spams = list(base.resolve("learn/spam"));
        Collections.shuffle(hams, rnd);
        Collections.shuffle(spams, rnd);
        int lham = 0;
        int lspam = 0;
        for (int i = 0; i < 50; i++) {
            f.learn(pop(hams), Label.HAM);
            lham++;
            f.learn(pop(spams), Label.SPAM);
            lspam++;
        }
        while (true) {
            List<Path> restHam = new ArrayList<>();
            List<Path> restSpam = new ArrayList<>();
            int beforeHam = lham;
            int beforeSpam = lspam;
            while (!hams.isEmpty() || !spams.isEmpty()) {
                if (!spams.isEmpty()) {
                    Path x = pop(spams);
                    if (f.isSpam(x)) {
                        restSpam.add(x);
                    } else {
                        f.learn(x, Label.SPAM);
                        lspam++;
                        if (!hams.isEmpty()) {
                            f.learn(pop(hams), Label.HAM);
                            lham++;
                            continue;
                        }
                    }
                }
                if (!hams.isEmpty()) {
                    Path x = pop(hams);
                    if (!f.isSpam(x)) {
                        restHam.add(x);
                    } else {
                        f.learn(x, Label.HAM);
                        lham++;
                        if (!spams.isEmpty()) {
                            f.learn(pop(spams), Label.SPAM);
                            lspam++;
                        }
                    }
                }
            }
            hams.addAll(restHam);
            spams.addAll(restSpam);
            if ((hams.isEmpty() && spams.isEmpty()) || (lham == beforeHam && lspam == beforeSpam)) break;
        }
        int tp = 0, fn = 0, tn = 0, fp = 0;
        for (Path p : list(base.resolve("test/spam"))) {
            if (f.isSpam(p)) tp++;
            else fn++;
        }
        for (Path p : list(base.resolve("test/ham"))) {
            if (f.isSpam(p)) fp++;
            else tn++;
        }
        return new ToeResult(f.name(), runNo, lham, lspam, fn, fp, tp, tn, (System.nanoTime() - t0) / 1e9);
    }

    private static Path pop(List<Path> l) {
        return l.remove(l.size() - 1);
    }
}
