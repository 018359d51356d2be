package dev.spamward.bayes.tokenize;

import java.util.EnumSet;
import java.util.Set;

/**
 * Tokenizer settings.
 *
 * @param minWord shortest body word kept, in characters
 * @param minHeaderWord shortest header word kept, in characters
 * @param maxWord longest word kept whole, in characters (longer ones become {@code long:} + 12 characters)
 * @param caseMode how letter case is treated (after NFKC)
 * @param wordPairs also emit adjacent body word pairs ({@code "w1 w2"})
 * @param maxTokens most tokens taken from one message (the rest is ignored and flagged)
 * @param features the optional token families in use
 */
public record TokenizerOptions(int minWord, int minHeaderWord, int maxWord, CaseMode caseMode, boolean wordPairs, int maxTokens,
        Set<Feature> features) {
    public TokenizerOptions {
        if (minWord < 1 || minHeaderWord < 1 || maxWord < Math.max(minWord, 12) || maxTokens < 1) {
            throw new IllegalArgumentException("bad tokenizer limits");
        }
        features = features.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(features));
    }

    public TokenizerOptions(int minWord, int minHeaderWord, int maxWord, CaseMode caseMode, boolean wordPairs, int maxTokens) {
        this(minWord, minHeaderWord, maxWord, caseMode, wordPairs, maxTokens, DEFAULT_FEATURES);
    }

    /** A copy with other optional token families. */
    public TokenizerOptions withFeatures(Set<Feature> f) {
        return new TokenizerOptions(minWord, minHeaderWord, maxWord, caseMode, wordPairs, maxTokens, f);
    }

    /** Optional token families (see {@link MessageShape}). */
    public enum Feature {
        /** Shapes of the Message-ID and Date fields (ratware writes them its own way) and their domain / zone. */
        ID_SHAPES,
        /** Pairs of consecutive header field names (the order a mailer writes them in). */
        HEADER_ORDER,
        /** Buckets of counts and ratios: Received hops, links, capitals, exclamation marks, body size, HTML-only. */
        COUNTS,
        /** Domain suffixes of host names and addresses in header fields. */
        HEADER_DOMAINS,
        /** Whether the From domain agrees with the Return-Path, Reply-To, Message-ID and To domains. */
        ALIGNMENT
    }

    /** All of them: together they lifted TOE accuracy from 0.981 to 0.984 (BENCHMARKS.md, Bayes). */
    static final Set<Feature> DEFAULT_FEATURES = EnumSet.allOf(Feature.class);

    /** Letter case: folded only, kept only, or both (a word with capitals gives its folded and its written form). */
    public enum CaseMode { FOLD, KEEP, BOTH }

    /** The defaults chosen by the TOE benchmark (BENCHMARKS.md, Bayes). */
    public static TokenizerOptions defaults() {
        return new TokenizerOptions(3, 2, 40, CaseMode.FOLD, false, 20_000);
    }
}
