package dev.spamward.bayes.store;

import java.util.List;

/**
 * A consistent snapshot (one read transaction) of the counts a classification needs: how many messages
 * each class has learned, and for each asked token in how many learned messages of each class it occurred.
 *
 * @param spamMessages messages learned as spam
 * @param hamMessages messages learned as ham
 * @param tokens the tokens asked for, in order
 * @param spam per token, spam messages containing it
 * @param ham per token, ham messages containing it
 */
public record Counts(long spamMessages, long hamMessages, List<String> tokens, int[] spam, int[] ham) {
}
