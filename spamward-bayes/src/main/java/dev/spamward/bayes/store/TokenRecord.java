package dev.spamward.bayes.store;

/** One stored token with the number of spam and ham messages it occurred in. */
public record TokenRecord(String token, int spam, int ham) {
}
