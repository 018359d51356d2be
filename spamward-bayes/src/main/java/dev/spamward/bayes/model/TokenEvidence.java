package dev.spamward.bayes.model;

/**
 * One token's contribution to a score.
 *
 * @param token the token
 * @param spam learned spam messages containing it
 * @param ham learned ham messages containing it
 * @param probability its smoothed spam probability f(w) in (0,1)
 */
public record TokenEvidence(String token, int spam, int ham, double probability) {
    /** Distance from neutral (0.5), the weight used for ordering explanations. */
    public double strength() {
        return Math.abs(probability - 0.5);
    }
}
