package dev.spamward.bench.bayes;

import dev.spamward.bayes.model.ChiSquareModel;
import dev.spamward.bayes.model.Score;
import dev.spamward.bayes.model.TokenEvidence;
import dev.spamward.bayes.store.Label;
import dev.spamward.bayes.store.MemoryTokenStore;
import dev.spamward.bayes.tokenize.Tokenizer;
import dev.spamward.bayes.tokenize.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** Development tool: 2-fold split of the corpus (fold 0), full training in memory, prints misclassified test messages. */
public final class KFoldDiag {
    private KFoldDiag() {
    }

    static List<Path> group(Path corpus, String... gs) throws Exception {
        List<Path> out = new ArrayList<>();
        for (String g : gs) {
            try (Stream<Path> s = Files.list(corpus.resolve(g))) {
                s.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        double cut = Double.parseDouble(args[1]);
        ChiSquareModel m = new ChiSquareModel(new ChiSquareModel.Params(Double.parseDouble(args[2]), 0.5,
                Double.parseDouble(args[3]), Integer.parseInt(args[4]), 1));
        int show = args.length > 5 ? Integer.parseInt(args[5]) : 10;
        List<Path> ham = group(corpus, "easy-ham-1", "easy-ham-2", "hard-ham-1");
        List<Path> spam = group(corpus, "spam-1", "spam-2");
        Collections.shuffle(ham, new Random(20240603));
        Collections.shuffle(spam, new Random(20240604));
        dev.spamward.bayes.tokenize.TokenizerOptions to = dev.spamward.bayes.tokenize.TokenizerOptions.defaults();
        String feats = System.getenv("FEATURES");
        if (feats != null) {
            java.util.Set<dev.spamward.bayes.tokenize.TokenizerOptions.Feature> fs =
                    java.util.EnumSet.noneOf(dev.spamward.bayes.tokenize.TokenizerOptions.Feature.class);
            for (String f : feats.split(",")) if (!f.isBlank()) fs.add(dev.spamward.bayes.tokenize.TokenizerOptions.Feature.valueOf(f.strip()));
            to = to.withFeatures(fs);
        }
        Tokenizer tk = new Tokenizer(new dev.spamward.mime.MailParser(), to);
        MemoryTokenStore store = new MemoryTokenStore();
        for (int i = 0; i < ham.size(); i += 2) {
            Tokens t = tk.tokenize(Files.readAllBytes(ham.get(i)));
            store.learn(t.key(), t.distinct(), Label.HAM);
        }
        for (int i = 0; i < spam.size(); i += 2) {
            Tokens t = tk.tokenize(Files.readAllBytes(spam.get(i)));
            store.learn(t.key(), t.distinct(), Label.SPAM);
        }
        if (System.getenv("GRID") != null) {
            List<List<String>> spamT = new ArrayList<>();
            List<List<String>> hamT = new ArrayList<>();
            for (int i = 1; i < spam.size(); i += 2) spamT.add(tk.tokenize(Files.readAllBytes(spam.get(i))).distinct());
            for (int i = 1; i < ham.size(); i += 2) hamT.add(tk.tokenize(Files.readAllBytes(ham.get(i))).distinct());
            for (String sv : System.getenv().getOrDefault("S", "1").split(",")) {
                for (String mdv : System.getenv().getOrDefault("MD", "0.25").split(",")) {
                    for (String mxv : System.getenv().getOrDefault("MAX", "150").split(",")) {
                        ChiSquareModel g = new ChiSquareModel(new ChiSquareModel.Params(Double.parseDouble(sv), 0.5,
                                Double.parseDouble(mdv), Integer.parseInt(mxv), 1, 27,
                                Double.parseDouble(System.getenv().getOrDefault("BUDGET", "0"))));
                        double[] ss = spamT.stream().mapToDouble(t -> g.score(store.lookup(t), 0).probability()).toArray();
                        double[] hs = hamT.stream().mapToDouble(t -> g.score(store.lookup(t), 0).probability()).toArray();
                        StringBuilder b = new StringBuilder("s=" + sv + " md=" + mdv + " max=" + mxv + " ");
                        for (double c : new double[] {0.3, 0.5, 0.6, 0.7, 0.8}) {
                            long fnc = java.util.Arrays.stream(ss).filter(x -> x < c).count();
                            long fpc = java.util.Arrays.stream(hs).filter(x -> x >= c).count();
                            b.append(String.format(" | %.1f FN %3d FP %2d", c, fnc, fpc));
                        }
                        System.out.println(b);
                    }
                }
            }
            return;
        }
        int fn = 0, fp = 0, shown = 0;
        for (int i = 1; i < spam.size(); i += 2) {
            Score s = m.score(store.lookup(tk.tokenize(Files.readAllBytes(spam.get(i))).distinct()), 12);
            if (s.probability() < cut) {
                fn++;
                if (shown++ < show) print(spam.get(i), s);
            }
        }
        for (int i = 1; i < ham.size(); i += 2) {
            Score s = m.score(store.lookup(tk.tokenize(Files.readAllBytes(ham.get(i))).distinct()), 12);
            if (s.probability() >= cut) {
                fp++;
                if (shown++ < show + 3) print(ham.get(i), s);
            }
        }
        System.out.println("FN " + fn + " FP " + fp);
    }

    private static void print(Path p, Score s) {
        System.out.printf("%s %.3f used=%d%n", p.getParent().getFileName() + "/" + p.getFileName(), s.probability(), s.used());
        StringBuilder b = new StringBuilder("   ");
        for (TokenEvidence e : s.evidence()) b.append(String.format(" %s(%d/%d %.2f)", e.token(), e.spam(), e.ham(), e.probability()));
        System.out.println(b);
    }
}
