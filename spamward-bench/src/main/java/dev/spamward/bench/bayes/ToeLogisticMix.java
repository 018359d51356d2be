package dev.spamward.bench.bayes;
import dev.spamward.bayes.model.ChiSquareModel;
import dev.spamward.bayes.store.Label;
import dev.spamward.bayes.store.MemoryTokenStore;
import dev.spamward.bayes.tokenize.Tokenizer;
import dev.spamward.bayes.tokenize.TokenizerOptions;
import dev.spamward.bayes.tokenize.Tokens;
import dev.spamward.mime.MailParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Development tool (an experiment that did not become a default; BENCHMARKS.md "How the defaults were chosen"):
 * TOE with a logistic regression over the same tokens, refitted on the learned messages after each learn, alone
 * and averaged with chi-square. Usage: {@code ToeLogisticMix BASE SEEDS NAME:MIX:CUT[,...]} where MIX is the
 * regression's weight (1 = regression alone, 0 = chi-square alone); {@code -Depochs=}, {@code -Drate=}; DIAG=1
 * lists the false positives.
 */
public final class ToeLogisticMix {
    private ToeLogisticMix() {
    }

    static double EPOCHS = Double.parseDouble(System.getProperty("epochs", "10"));
    static double RATE = Double.parseDouble(System.getProperty("rate", "0.5"));

    static final class Lr {
        final Map<String, double[]> w = new HashMap<>();
        double bias;
        final List<List<String>> xs = new ArrayList<>();
        final List<Integer> ys = new ArrayList<>();
        double margin(List<String> x) {
            double s = bias, norm = 1 / Math.sqrt(Math.max(1, x.size()));
            for (String t : x) { double[] v = w.get(t); if (v != null) s += v[0] * norm; }
            return s;
        }
        void step(List<String> x, int y) {
            double p = 1 / (1 + Math.exp(-margin(x)));
            double g = RATE * (y - p), norm = 1 / Math.sqrt(Math.max(1, x.size()));
            for (String t : x) w.computeIfAbsent(t, k -> new double[1])[0] += g * norm;
            bias += g * 0.1;
        }
        void learn(List<String> x, int y, Random r) {
            xs.add(x); ys.add(y);
            // a few steps on the new message, then a pass over a sample of the rest
            for (int e = 0; e < EPOCHS; e++) {
                step(x, y);
            }
            for (int i = 0; i < xs.size(); i++) { int j = r.nextInt(xs.size()); step(xs.get(j), ys.get(j)); }
        }
    }

    public static void main(String[] a) throws Exception {
        Path base = Path.of(a[0]);
        int seeds = Integer.parseInt(a[1]);
        Tokenizer tk = new Tokenizer(new MailParser(), TokenizerOptions.defaults());
        Map<Path, Tokens> cache = Toe.tokenizeAll(base, tk);
        ChiSquareModel chi = new ChiSquareModel(ChiSquareModel.Params.defaults());
        for (String mode : a[2].split(",")) {
            double mix = Double.parseDouble(mode.split(":")[1]);
            double cut = Double.parseDouble(mode.split(":")[2]);
            int fnSum = 0, fpSum = 0; StringBuilder per = new StringBuilder();
            Map<String,Integer> miss = new TreeMap<>();
            for (int seed = 1; seed <= seeds; seed++) {
                MemoryTokenStore store = new MemoryTokenStore();
                Lr lr = new Lr();
                Random r = new Random(seed * 77L);
                ToeFilter f = new ToeFilter() {
                    public String name() { return mode; }
                    public void learn(Path p, Label l) { Tokens t = cache.get(p); store.learn(t.key(), t.distinct(), l);
                        lr.learn(t.distinct(), l == Label.SPAM ? 1 : 0, r); }
                    public boolean isSpam(Path p) {
                        List<String> x = cache.get(p).distinct();
                        double pc = chi.score(store.lookup(x), 0).probability();
                        double pl = 1 / (1 + Math.exp(-lr.margin(x)));
                        return mix * pl + (1 - mix) * pc >= cut;
                    }
                };
                ToeResult res = Toe.run(f, base, seed, seed);
                fnSum += res.fn(); fpSum += res.fp();
                per.append(String.format(" %d/%d/%d", res.fn(), res.fp(), res.lham()));
                if (System.getenv("DIAG") != null) for (String cls : new String[] {"test/ham"})
                    for (Path p : Toe.list(base.resolve(cls))) if (f.isSpam(p)) miss.merge(p.getFileName().toString().substring(0, 20), 1, Integer::sum);
            }
            System.out.printf("%-14s acc=%.4f FN=%5.1f FP=%5.1f |%s%n", mode, 1 - (fnSum + fpSum) / (1200.0 * seeds), fnSum / (double) seeds, fpSum / (double) seeds, per);
            if (!miss.isEmpty()) System.out.println("   " + miss);
        }
    }
}
