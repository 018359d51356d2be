package dev.spamward.bayes.model;

import dev.spamward.bayes.store.Counts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Naive Bayes over per-message token presence (a Bernoulli model restricted to the tokens present):
 * the log-odds {@code ln(Ns/Nh) + Σ ln(P(t|spam)/P(t|ham))} with Laplace-smoothed
 * {@code P(t|c) = (count + a) / (Nc + 2a)}, turned into a probability by the logistic function, so that
 * the decision rule is symmetric (score ≥ 0.5 ⇔ the spam likelihood is larger), unlike gonzofilter's ratio
 * rule. Offered as an alternative to {@link ChiSquareModel}; the benchmark chose between them.
 */
public final class LogOddsModel implements Model {
    private final double alpha;
    private final boolean prior;

    /**
     * @param alpha Laplace smoothing constant
     * @param prior include the class prior ln(Ns/Nh)
     */
    public LogOddsModel(double alpha, boolean prior) {
        this.alpha = alpha;
        this.prior = prior;
    }

    @Override
    public Score score(Counts c, int explain) {
        long ns = c.spamMessages();
        long nh = c.hamMessages();
        if (ns == 0 || nh == 0) return new Score(0.5, 0, List.of(), "not enough training: both classes need messages");
        double logOdds = prior ? Math.log((double) ns / nh) : 0;
        List<TokenEvidence> ev = new ArrayList<>();
        int used = 0;
        for (int i = 0; i < c.tokens().size(); i++) {
            int s = c.spam()[i];
            int h = c.ham()[i];
            if (s == 0 && h == 0) continue;
            double ps = (s + alpha) / (ns + 2 * alpha);
            double ph = (h + alpha) / (nh + 2 * alpha);
            double llr = Math.log(ps / ph);
            logOdds += llr;
            used++;
            if (explain > 0) ev.add(new TokenEvidence(c.tokens().get(i), s, h, ps / (ps + ph)));
        }
        ev.sort(Comparator.comparingDouble(TokenEvidence::strength).reversed());
        double score = 1 / (1 + Math.exp(-logOdds));
        return new Score(score, used, List.copyOf(ev.subList(0, Math.min(explain, ev.size()))), used == 0 ? "no known token" : null);
    }
}
