package dev.spamward.bayes;

import dev.spamward.bayes.model.Score;
import dev.spamward.bayes.model.Verdict;
import java.util.List;

/**
 * The classifier's answer for one message.
 *
 * @param verdict ham, unsure or spam, from the score and the cut-offs
 * @param score spam probability in [0,1]
 * @param details tokens used and the strongest evidence
 * @param tokens distinct tokens of the message
 * @param problems what could not be read in the message (classified on the rest)
 */
public record Classification(Verdict verdict, double score, Score details, int tokens, List<String> problems) {
}
