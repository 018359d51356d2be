package dev.spamward.bayes.store;

/** One remembered learned message: its key (a digest of its token set) and the class it was learned as. */
public record MessageRecord(byte[] key, Label label) {
}
