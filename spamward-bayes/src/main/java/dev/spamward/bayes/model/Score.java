package dev.spamward.bayes.model;

import java.util.List;

/**
 * A model's answer for one message.
 *
 * @param probability spam probability in [0,1] (0.5 when nothing is known)
 * @param used tokens that took part in the score
 * @param evidence the tokens that weighed most, strongest first
 * @param note why the score is neutral, or null (e.g. not enough training)
 */
public record Score(double probability, int used, List<TokenEvidence> evidence, String note) {
}
