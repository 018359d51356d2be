package dev.spamward.bench.bayes;

import dev.spamward.bayes.BayesFilter;
import dev.spamward.bayes.model.ChiSquareModel;
import dev.spamward.bayes.model.Cutoffs;
import dev.spamward.bayes.model.Verdict;
import dev.spamward.bayes.store.Label;
import dev.spamward.bayes.store.lmdb.LmdbTokenStore;
import dev.spamward.bayes.tokenize.Tokenizer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Spamward in the TOE harness, in-process: the default tokenizer, model and cut-offs over a real LMDB store
 * in a fresh directory. Every learn and check reads the file and tokenizes it, as the CLI would.
 */
final class SpamwardToe implements ToeFilter {
    private final LmdbTokenStore store;
    private final BayesFilter filter;

    SpamwardToe(Path dbDir, double spamCutoff) {
        this.store = LmdbTokenStore.open(dbDir, false, LmdbTokenStore.Options.defaults());
        this.filter = new BayesFilter(new Tokenizer(), store, new ChiSquareModel(ChiSquareModel.Params.defaults()),
                new Cutoffs(spamCutoff, spamCutoff, false));
    }

    @Override
    public String name() {
        return "spamward";
    }

    @Override
    public void learn(Path message, Label label) throws Exception {
        filter.learn(Files.readAllBytes(message), label);
    }

    @Override
    public boolean isSpam(Path message) throws Exception {
        return filter.classify(Files.readAllBytes(message), 0).verdict() == Verdict.SPAM;
    }

    BayesFilter filter() {
        return filter;
    }

    @Override
    public void close() {
        store.close();
    }
}
