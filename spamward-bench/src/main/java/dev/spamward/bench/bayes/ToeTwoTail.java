package dev.spamward.bench.bayes;
import dev.spamward.bayes.store.Counts;
import dev.spamward.bayes.store.Label;
import dev.spamward.bayes.store.MemoryTokenStore;
import dev.spamward.bayes.tokenize.Tokenizer;
import dev.spamward.bayes.tokenize.TokenizerOptions;
import dev.spamward.bayes.tokenize.Tokens;
import dev.spamward.mime.MailParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Development tool (an experiment that did not become a default; BENCHMARKS.md "How the defaults were chosen"):
 * TOE with the two chi-square tails, H (spam evidence) and S (ham evidence), and a two-dimensional rule: spam when
 * (1 + H - K*S) / 2 reaches CUT and S stays below T. Usage: {@code ToeTwoTail BASE SEEDS K,T,CUT[;...]};
 * {@code -Dhamrep=2} learns each ham twice.
 */
public final class ToeTwoTail {
    private ToeTwoTail() {
    }

    static int HAMREP = Integer.getInteger("hamrep", 1), SPAMREP = Integer.getInteger("spamrep", 1);
    static double surv(double x, int v) {
        if (x <= 0) return 1;
        double half = x / 2, lnHalf = Math.log(half), lnTerm = -half, max = lnTerm;
        int k = v / 2; double[] t = new double[k]; t[0] = lnTerm;
        for (int i = 1; i < k; i++) { lnTerm += lnHalf - Math.log(i); t[i] = lnTerm; if (lnTerm > max) max = lnTerm; }
        double sum = 0; for (double x2 : t) sum += Math.exp(x2 - max);
        return Math.min(1, Math.exp(max + Math.log(sum)));
    }
    /** returns {h, s} */
    static double[] tails(Counts c, double sS, double x, double md, int max) {
        long ns = c.spamMessages(), nh = c.hamMessages();
        List<double[]> used = new ArrayList<>();
        for (int i = 0; i < c.tokens().size(); i++) {
            int s = c.spam()[i], h = c.ham()[i];
            if (s == 0 && h == 0) continue;
            double fs = (double) s / ns, fh = (double) h / nh, pr = fs / (fs + fh), cnt = s + h;
            double f = (sS * x + cnt * pr) / (sS + cnt);
            if (Math.abs(f - 0.5) < md) continue;
            used.add(new double[] {Math.clamp(f, 1e-6, 1 - 1e-6)});
        }
        used.sort((a, b) -> Double.compare(Math.abs(b[0] - 0.5), Math.abs(a[0] - 0.5)));
        if (used.size() > max) used = used.subList(0, max);
        if (used.isEmpty()) return new double[] {0.5, 0.5};
        double lh = 0, ls = 0;
        for (double[] e : used) { lh += Math.log(e[0]); ls += Math.log1p(-e[0]); }
        int m = used.size();
        return new double[] {surv(-2 * lh, 2 * m), surv(-2 * ls, 2 * m)};
    }

    public static void main(String[] a) throws Exception {
        Path base = Path.of(a[0]);
        int seeds = Integer.parseInt(a[1]);
        Tokenizer tk = new Tokenizer(new MailParser(), TokenizerOptions.defaults());
        Map<Path, Tokens> cache = Toe.tokenizeAll(base, tk);
        String[] rules = a[2].split(";");
        for (String rule : rules) {
            String[] r = rule.split(",");
            double k = Double.parseDouble(r[0]);   // weight of S in the score
            double tS = Double.parseDouble(r[1]);  // S at or above which the message is ham
            double cut = Double.parseDouble(r[2]);
            int fnSum = 0, fpSum = 0; StringBuilder per = new StringBuilder();
            for (int seed = 1; seed <= seeds; seed++) {
                MemoryTokenStore store = new MemoryTokenStore();
                ToeFilter f = new ToeFilter() {
                    public String name() { return rule; }
                    public void learn(Path p, Label l) { Tokens t = cache.get(p); store.learn(t.key(), t.distinct(), l);
                        int reps = l == Label.HAM ? HAMREP : SPAMREP;
                        for (int i = 1; i < reps; i++) { byte[] k2 = java.util.Arrays.copyOf(t.key(), t.key().length + 1); k2[k2.length - 1] = (byte) i; store.learn(k2, t.distinct(), l); } }
                    public boolean isSpam(Path p) {
                        double[] hs = tails(store.lookup(cache.get(p).distinct()), 1, 0.5, 0.25, 150);
                        double score = Math.clamp((1 + hs[0] - k * hs[1]) / 2, 0, 1);
                        return score >= cut && hs[1] < tS;
                    }
                };
                ToeResult res = Toe.run(f, base, seed, seed);
                fnSum += res.fn(); fpSum += res.fp();
                per.append(String.format(" %d/%d", res.fn(), res.fp()));
            }
            System.out.printf("%-18s acc=%.4f FN=%5.1f FP=%5.1f |%s%n", rule, 1 - (fnSum + fpSum) / (1200.0 * seeds), fnSum / (double) seeds, fpSum / (double) seeds, per);
        }
    }
}
