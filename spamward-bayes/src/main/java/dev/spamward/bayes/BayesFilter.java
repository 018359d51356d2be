package dev.spamward.bayes;

import dev.spamward.bayes.model.Cutoffs;
import dev.spamward.bayes.model.Model;
import dev.spamward.bayes.model.Score;
import dev.spamward.bayes.store.Counts;
import dev.spamward.bayes.store.Label;
import dev.spamward.bayes.store.LearnOutcome;
import dev.spamward.bayes.store.TokenStore;
import dev.spamward.bayes.tokenize.Tokenizer;
import dev.spamward.bayes.tokenize.Tokens;

/**
 * The Bayes filter: tokenizer, model and token store put together. Thread-safe when the store is.
 * The store is not owned (the caller closes it).
 */
public final class BayesFilter {
    private final Tokenizer tokenizer;
    private final TokenStore store;
    private final Model model;
    private final Cutoffs cutoffs;

    public BayesFilter(Tokenizer tokenizer, TokenStore store, Model model, Cutoffs cutoffs) {
        this.tokenizer = tokenizer;
        this.store = store;
        this.model = model;
        this.cutoffs = cutoffs;
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    public TokenStore store() {
        return store;
    }

    public Cutoffs cutoffs() {
        return cutoffs;
    }

    /** Classifies a raw message; {@code explain} strongest tokens are kept as evidence. */
    public Classification classify(byte[] raw, int explain) {
        return classify(tokenizer.tokenize(raw), explain);
    }

    /** Classifies an already tokenized message. */
    public Classification classify(Tokens tokens, int explain) {
        return classify(tokens, explain, store.lookup(tokens.distinct()));
    }

    /** Classifies a tokenized message on counts read elsewhere (they must be for {@code tokens.distinct()}). */
    public Classification classify(Tokens tokens, int explain, Counts counts) {
        Score s = model.score(counts, explain);
        return new Classification(cutoffs.verdict(s), s.probability(), s, counts.tokens().size(), tokens.problems());
    }

    /**
     * Classifies many messages in a row on the calling thread through one {@link TokenStore#reader() store reader}
     * (one snapshot, counts read once); close it (before the store) when done.
     */
    public Batch batch() {
        return new Batch(store.reader());
    }

    /** See {@link #batch()}. Not thread-safe: one per thread. */
    public final class Batch implements AutoCloseable {
        private final TokenStore.Reader reader;

        private Batch(TokenStore.Reader reader) {
            this.reader = reader;
        }

        public Classification classify(byte[] raw, int explain) {
            Tokens tokens = tokenizer.tokenize(raw);
            return BayesFilter.this.classify(tokens, explain, reader.lookup(tokens.distinct()));
        }

        @Override
        public void close() {
            reader.close();
        }
    }

    /** Learns a raw message as {@code label} (a no-op when already learned so; moves it from the other class). */
    public LearnOutcome learn(byte[] raw, Label label) {
        return learn(tokenizer.tokenize(raw), label);
    }

    public LearnOutcome learn(Tokens tokens, Label label) {
        return store.learn(tokens.key(), tokens.distinct(), label);
    }

    /** Removes a learned message's tokens again. */
    public LearnOutcome unlearn(byte[] raw) {
        Tokens t = tokenizer.tokenize(raw);
        return store.unlearn(t.key(), t.distinct());
    }
}
