package dev.spamward.bayes.model;

import dev.spamward.bayes.store.Counts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Robinson's token probabilities combined with Fisher's inverse chi-square, as in bogofilter, spamprobe's
 * successors, SpamAssassin and rspamd.
 *
 * <p>Per token: {@code p = (s/Ns) / (s/Ns + h/Nh)} from the message frequencies in each class, smoothed
 * towards {@code x} with strength {@code s}: {@code f = (s·x + n·p) / (s + n)}, n = s + h. Tokens with
 * {@code |f − 0.5| < minDev} are ignored; at most {@code maxTokens} of the strongest take part. With m
 * tokens (fewer as training grows: {@link Params#tokenLimit}), {@code H = C⁻¹(−2 Σ ln f, 2m)} and {@code S = C⁻¹(−2 Σ ln(1−f), 2m)} (C⁻¹ is the chi-square
 * survival function) and the score is {@code (1 + H − S) / 2}: near 1 when the evidence for spam is
 * strong and against ham weak.
 */
public final class ChiSquareModel implements Model {

    /**
     * @param strength Robinson's s (weight of the prior x)
     * @param prior Robinson's x (assumed probability of an unseen token)
     * @param minDev minimum |f − 0.5| for a token to count
     * @param maxTokens most extreme tokens used (0: all)
     * @param minLearned messages each class needs before scores are given
     * @param minTokens fewest tokens the limit falls to as training grows
     * @param tokenBudget with {@code n} messages learned in the smaller class, at most {@code tokenBudget / n}
     *     tokens (between {@code minTokens} and {@code maxTokens}) take part; 0 = always {@code maxTokens}. With little
     *     training many weak tokens are needed; with much, the strongest few decide and the rest add correlated noise
     */
    public record Params(double strength, double prior, double minDev, int maxTokens, long minLearned, int minTokens,
                         double tokenBudget) {
        public Params(double strength, double prior, double minDev, int maxTokens, long minLearned) {
            this(strength, prior, minDev, maxTokens, minLearned, maxTokens, 0);
        }

        /** The tuned defaults (see BENCHMARKS.md, Bayes). */
        public static Params defaults() {
            return new Params(1.0, 0.5, 0.25, 150, 1, 27, 15_000);
        }

        /** How many of the strongest tokens take part when the smaller class has {@code learned} messages (0: all). */
        public int tokenLimit(long learned) {
            if (maxTokens <= 0 || tokenBudget <= 0) return maxTokens;
            long fit = (long) (tokenBudget / Math.max(1, learned));
            return (int) Math.clamp(fit, Math.min(minTokens, maxTokens), maxTokens);
        }
    }

    private final Params p;

    public ChiSquareModel(Params params) {
        this.p = params;
    }

    public Params params() {
        return p;
    }

    @Override
    public Score score(Counts c, int explain) {
        long ns = c.spamMessages();
        long nh = c.hamMessages();
        if (ns < Math.max(1, p.minLearned()) || nh < Math.max(1, p.minLearned())) {
            return new Score(0.5, 0, List.of(), "not enough training: " + ns + " spam and " + nh + " ham learned, "
                    + Math.max(1, p.minLearned()) + " of each needed");
        }
        int n = c.tokens().size();
        List<TokenEvidence> used = new ArrayList<>(Math.min(n, 256));
        for (int i = 0; i < n; i++) {
            int s = c.spam()[i];
            int h = c.ham()[i];
            if (s == 0 && h == 0) continue;
            double fs = (double) s / ns;
            double fh = (double) h / nh;
            double pr = fs / (fs + fh);
            double cnt = s + h;
            double f = (p.strength() * p.prior() + cnt * pr) / (p.strength() + cnt);
            if (Math.abs(f - 0.5) < p.minDev()) continue;
            used.add(new TokenEvidence(c.tokens().get(i), s, h, Math.clamp(f, 1e-6, 1 - 1e-6)));
        }
        used.sort(Comparator.comparingDouble(TokenEvidence::strength).reversed());
        int limit = p.tokenLimit(Math.min(ns, nh));
        if (limit > 0 && used.size() > limit) used = used.subList(0, limit);
        if (used.isEmpty()) return new Score(0.5, 0, List.of(), "no known token");
        double lnHam = 0;
        double lnSpam = 0;
        for (TokenEvidence e : used) {
            lnHam += Math.log(e.probability());
            lnSpam += Math.log1p(-e.probability());
        }
        int m = used.size();
        double h = chiSquareSurvival(-2 * lnHam, 2 * m);
        double s = chiSquareSurvival(-2 * lnSpam, 2 * m);
        double score = Math.clamp((1 + h - s) / 2, 0, 1);

        return new Score(score, m, List.copyOf(used.subList(0, Math.min(explain, m))), null);
    }

    /**
     * P(X ≥ x) for a chi-square variable with an even number {@code v} of degrees of freedom:
     * {@code e^{−x/2} Σ_{i<v/2} (x/2)^i / i!}, summed in log space so that large sums do not underflow.
     */
    static double chiSquareSurvival(double x, int v) {
        if (x <= 0) return 1;
        double half = x / 2;
        double lnHalf = Math.log(half);
        double lnTerm = -half;
        double max = lnTerm;
        int k = v / 2;
        double[] terms = new double[k];
        terms[0] = lnTerm;
        for (int i = 1; i < k; i++) {
            lnTerm += lnHalf - Math.log(i);
            terms[i] = lnTerm;
            if (lnTerm > max) max = lnTerm;
        }
        double sum = 0;
        for (double t : terms) sum += Math.exp(t - max);
        return Math.min(1, Math.exp(max + Math.log(sum)));
    }
}
