package dev.spamward.bench.bayes;

import dev.spamward.bayes.model.ChiSquareModel;
import dev.spamward.bayes.model.Score;
import dev.spamward.bayes.model.TokenEvidence;
import dev.spamward.bayes.store.Label;
import dev.spamward.bayes.store.MemoryTokenStore;
import dev.spamward.bayes.tokenize.Tokenizer;
import dev.spamward.bayes.tokenize.TokenizerOptions;
import dev.spamward.bayes.tokenize.Tokens;
import dev.spamward.mime.MailParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Development tool: one TOE run, then prints the misclassified test messages with their strongest tokens. */
public final class ToeDiag {
    private ToeDiag() {
    }

    public static void main(String[] args) throws Exception {
        Path base = Path.of(args[0]);
        double cut = Double.parseDouble(args[1]);
        Tokenizer tk = new Tokenizer(new MailParser(), TokenizerOptions.defaults());
        ChiSquareModel m = new ChiSquareModel(ChiSquareModel.Params.defaults());
        MemoryTokenStore store = new MemoryTokenStore();
        ToeFilter f = new ToeFilter() {
            public String name() {
                return "diag";
            }

            public void learn(Path p, Label l) throws Exception {
                Tokens t = tk.tokenize(Files.readAllBytes(p));
                store.learn(t.key(), t.distinct(), l);
            }

            public boolean isSpam(Path p) throws Exception {
                return m.score(store.lookup(tk.tokenize(Files.readAllBytes(p)).distinct()), 0).probability() >= cut;
            }
        };
        System.out.println(Toe.run(f, base, 1, 1));
        for (String cls : new String[] {"test/ham", "test/spam"}) {
            for (Path p : Toe.list(base.resolve(cls))) {
                Score s = m.score(store.lookup(tk.tokenize(Files.readAllBytes(p)).distinct()), 400);
                boolean spam = s.probability() >= cut;
                if (spam != cls.endsWith("spam")) {
                    System.out.printf("%s %s %.3f used=%d%n", cls, p.getFileName(), s.probability(), s.used());
                    StringBuilder b = new StringBuilder("   ");
                    List<TokenEvidence> ev = s.evidence();
                    ev.stream().filter(e -> e.probability() > 0.5).limit(15).forEach(e -> b.append(String.format(" %s(%d/%d %.2f)", e.token(), e.spam(), e.ham(), e.probability())));
                    b.append("\n   HAM:");
                    ev.stream().filter(e -> e.probability() < 0.5).limit(15).forEach(e -> b.append(String.format(" %s(%d/%d %.2f)", e.token(), e.spam(), e.ham(), e.probability())));
                    b.append(String.format("%n   spammy=%d hammy=%d", ev.stream().filter(e -> e.probability() > 0.5).count(), ev.stream().filter(e -> e.probability() < 0.5).count()));
                    System.out.println(b);
                }
            }
        }
    }
}
