package dev.spamward.bayes.store;

/** What a learn or unlearn call did to the store. */
public enum LearnOutcome {
    /** The message was new and its tokens were added to the class. */
    LEARNED,
    /** The message was already learned in that class: nothing changed (learning twice is a no-op). */
    ALREADY_LEARNED,
    /** The message was learned in the other class: its tokens moved to the new class. */
    MOVED,
    /** The message's tokens were removed from the class it was learned in. */
    UNLEARNED,
    /** Unlearn of a message the store has never learned: nothing changed. */
    NOT_LEARNED;

    /** True when the store changed. */
    public boolean changed() {
        return this == LEARNED || this == MOVED || this == UNLEARNED;
    }
}
