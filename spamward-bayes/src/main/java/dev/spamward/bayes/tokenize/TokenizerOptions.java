package dev.spamward.bayes.tokenize;

/**
 * Tokenizer settings.
 *
 * @param minWord shortest body word kept, in characters
 * @param minHeaderWord shortest header word kept, in characters
 * @param maxWord longest word kept whole, in characters (longer ones become {@code long:} + 12 characters)
 * @param caseMode how letter case is treated (after NFKC)
 * @param wordPairs also emit adjacent body word pairs ({@code "w1 w2"})
 * @param maxTokens most tokens taken from one message (the rest is ignored and flagged)
 */
public record TokenizerOptions(int minWord, int minHeaderWord, int maxWord, CaseMode caseMode, boolean wordPairs, int maxTokens) {
    public TokenizerOptions {
        if (minWord < 1 || minHeaderWord < 1 || maxWord < Math.max(minWord, 12) || maxTokens < 1) {
            throw new IllegalArgumentException("bad tokenizer limits");
        }
    }

    /** Letter case: folded only, kept only, or both (a word with capitals gives its folded and its written form). */
    public enum CaseMode { FOLD, KEEP, BOTH }

    /** The defaults chosen by the TOE benchmark (BENCHMARKS.md, Bayes). */
    public static TokenizerOptions defaults() {
        return new TokenizerOptions(3, 2, 40, CaseMode.FOLD, false, 20_000);
    }
}
