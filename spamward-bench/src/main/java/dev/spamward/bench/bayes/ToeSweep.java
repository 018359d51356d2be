package dev.spamward.bench.bayes;

import dev.spamward.bayes.model.ChiSquareModel;
import dev.spamward.bayes.model.Cutoffs;
import dev.spamward.bayes.model.LogOddsModel;
import dev.spamward.bayes.model.Model;
import dev.spamward.bayes.store.Label;
import dev.spamward.bayes.store.MemoryTokenStore;
import dev.spamward.bayes.tokenize.Tokenizer;
import dev.spamward.bayes.tokenize.TokenizerOptions;
import dev.spamward.bayes.tokenize.Tokens;
import dev.spamward.mime.MailParser;
import java.nio.file.Path;
import java.util.Map;

/**
 * Development tool: TOE with an in-memory store over many model settings and seeds, each message
 * tokenized once. Used to choose the defaults; not part of the published benchmark.
 * Usage: ToeSweep BASE SEEDS
 */
public final class ToeSweep {
    private ToeSweep() {
    }

    private static double[] env(String name, double[] fallback) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) return fallback;
        return java.util.Arrays.stream(v.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    public static void main(String[] args) throws Exception {
        Path base = Path.of(args[0]);
        int seeds = Integer.parseInt(args[1]);
        String tokOpts = args.length > 2 ? args[2] : "default";
        TokenizerOptions to = switch (tokOpts) {
            case "pairs" -> new TokenizerOptions(3, 2, 40, TokenizerOptions.CaseMode.FOLD, true, 20_000);
            case "case" -> new TokenizerOptions(3, 2, 40, TokenizerOptions.CaseMode.KEEP, false, 20_000);
            case "min2" -> new TokenizerOptions(2, 2, 40, TokenizerOptions.CaseMode.FOLD, false, 20_000);
            case "min4" -> new TokenizerOptions(4, 2, 40, TokenizerOptions.CaseMode.FOLD, false, 20_000);
            case "casepairs" -> new TokenizerOptions(3, 2, 40, TokenizerOptions.CaseMode.KEEP, true, 20_000);
            case "both" -> new TokenizerOptions(3, 2, 40, TokenizerOptions.CaseMode.BOTH, false, 20_000);
            default -> TokenizerOptions.defaults();
        };
        String feats = System.getenv("FEATURES");
        if (feats != null) {
            java.util.Set<TokenizerOptions.Feature> fs = java.util.EnumSet.noneOf(TokenizerOptions.Feature.class);
            for (String f : feats.split(",")) if (!f.isBlank()) fs.add(TokenizerOptions.Feature.valueOf(f.strip()));
            to = to.withFeatures(fs);
        }
        Tokenizer tk = new Tokenizer(new MailParser(), to);
        Map<Path, Tokens> cache = Toe.tokenizeAll(base, tk);
        Map<String, Model> models = new java.util.LinkedHashMap<>();
        boolean small = "small".equals(System.getenv("GRID"));
        for (double s : env("S", small ? new double[] {0.45, 1.0} : new double[] {0.0178, 0.1, 0.45, 1.0})) {
            for (double md : env("MD", small ? new double[] {0.1, 0.2, 0.375} : new double[] {0.0, 0.1, 0.2, 0.375})) {
                for (double mtd : env("MAX", small ? new double[] {150, 0} : new double[] {27, 150, 0})) {
                    int mt = (int) mtd;
                    for (double x : env("X", new double[] {0.5})) {
                        models.put("chi s=" + s + " md=" + md + " max=" + mt + " x=" + x,
                                new ChiSquareModel(new ChiSquareModel.Params(s, x, md, mt, 1)));
                    }
                }
            }
        }
        models.put("chi bogo x=.52", new ChiSquareModel(new ChiSquareModel.Params(0.0178, 0.52, 0.375, 0, 1)));
        models.put("logodds a=1 prior", new LogOddsModel(1, true));
        models.put("logodds a=0.1", new LogOddsModel(0.1, false));
        double[] cuts = env("CUTS", small ? new double[] {0.5, 0.6, 0.7} : new double[] {0.5, 0.6, 0.7, 0.8, 0.9});
        if (System.getenv("S") != null) {
            models.remove("chi bogo x=.52");
            models.remove("logodds a=1 prior");
            models.remove("logodds a=0.1");
        }
        Map<String, Integer> misses = new java.util.TreeMap<>();
        for (var e : models.entrySet()) {
            for (double cut : cuts) {
                int fnSum = 0, fpSum = 0, fpMax = 0, fnMax = 0;
                StringBuilder per = new StringBuilder();
                for (int seed = 1; seed <= seeds; seed++) {
                    MemoryTokenStore store = new MemoryTokenStore();
                    Model m = e.getValue();
                    Cutoffs c = new Cutoffs(cut, cut, false);
                    ToeFilter f = new ToeFilter() {
                        public String name() {
                            return e.getKey();
                        }

                        public void learn(Path p, Label l) {
                            Tokens t = cache.get(p);
                            store.learn(t.key(), t.distinct(), l);
                        }

                        public boolean isSpam(Path p) {
                            return c.verdict(m.score(store.lookup(cache.get(p).distinct()), 0).probability())
                                    == dev.spamward.bayes.model.Verdict.SPAM;
                        }
                    };
                    ToeResult r = Toe.run(f, base, seed, seed);
                    if (System.getenv("DIAG") != null) {
                        for (String cls : new String[] {"test/ham", "test/spam"}) {
                            for (Path p : Toe.list(base.resolve(cls))) {
                                if (f.isSpam(p) != cls.endsWith("spam")) misses.merge(cls + " " + p.getFileName(), 1, Integer::sum);
                            }
                        }
                    }
                    fnSum += r.fn();
                    fpSum += r.fp();
                    fpMax = Math.max(fpMax, r.fp());
                    fnMax = Math.max(fnMax, r.fn());
                    per.append(String.format(" %d/%d/%d", r.fn(), r.fp(), r.lham()));
                }
                if (!misses.isEmpty()) {
                    misses.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                            .forEach(x -> System.out.println("   " + x.getValue() + " " + x.getKey()));
                    misses.clear();
                }
                System.out.printf("%-34s cut=%.2f  acc=%.4f  FN=%5.1f FP=%5.1f maxFP=%d maxFN=%d |%s%n", e.getKey(), cut,
                        1 - (fnSum + fpSum) / (1200.0 * seeds), fnSum / (double) seeds, fpSum / (double) seeds, fpMax, fnMax, per);
            }
        }
    }
}
