package dev.spamward.bayes.model;

import dev.spamward.bayes.store.Counts;

/** Turns the stored counts of a message's distinct tokens into a spam probability. */
public interface Model {

    /**
     * Scores a message.
     *
     * @param counts counts of the message's distinct tokens, from one store snapshot
     * @param explain how many of the strongest tokens to return as evidence (0 for none)
     */
    Score score(Counts counts, int explain);
}
