package dev.spamward.bayes.model;

/**
 * How a score in [0,1] becomes a verdict: {@code score >= spam} is spam; with the unsure band enabled,
 * {@code score <= ham} is ham and anything between is unsure; without it everything below {@code spam} is ham.
 *
 * @param ham upper bound of the ham range (used only with the unsure band)
 * @param spam lower bound of the spam range
 * @param unsureBand whether to report unsure
 */
public record Cutoffs(double ham, double spam, boolean unsureBand) {
    public Cutoffs {
        if (!(ham >= 0 && ham <= spam && spam <= 1)) {
            throw new IllegalArgumentException("cut-offs must satisfy 0 <= ham (" + ham + ") <= spam (" + spam + ") <= 1");
        }
    }

    /**
     * The verdict for a model's score: as {@link #verdict(double)}, except that a score no token took part in (too
     * little training, or no known token) is never spam: unsure with the unsure band, else ham. A filter that has
     * learned nothing yet must not mark every message as spam.
     */
    public Verdict verdict(Score score) {
        if (score.used() == 0) return unsureBand ? Verdict.UNSURE : Verdict.HAM;
        return verdict(score.probability());
    }

    /** The verdict for a score. */
    public Verdict verdict(double score) {
        if (score >= spam) return Verdict.SPAM;
        if (!unsureBand || score <= ham) return Verdict.HAM;
        return Verdict.UNSURE;
    }
}
