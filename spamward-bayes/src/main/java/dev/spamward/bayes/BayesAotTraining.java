package dev.spamward.bayes;

import dev.spamward.bayes.model.ChiSquareModel;
import dev.spamward.bayes.model.Cutoffs;
import dev.spamward.bayes.store.Label;
import dev.spamward.bayes.store.MemoryTokenStore;
import dev.spamward.bayes.store.lmdb.LmdbTokenStore;
import dev.spamward.bayes.tokenize.Tokenizer;
import dev.spamward.core.cli.AotTraining;
import java.io.IOException;
import java.io.InputStream;

/**
 * AOT training for {@code spamward check}: tokenizes and classifies the mail parser's sample message over an
 * in-memory store, and links the LMDB binding (no file is written).
 */
public final class BayesAotTraining implements AotTraining {

    @Override
    public void train() {
        try (InputStream in = BayesAotTraining.class.getResourceAsStream("/dev/spamward/mime/aot-sample.eml")) {
            if (in == null) return;
            byte[] msg = in.readAllBytes();
            MemoryTokenStore store = new MemoryTokenStore();
            BayesFilter f = new BayesFilter(new Tokenizer(), store, new ChiSquareModel(ChiSquareModel.Params.defaults()),
                    new Cutoffs(0.2, 0.8, true));
            f.learn(msg, Label.SPAM);
            f.classify(msg, 10);
            LmdbTokenStore.libraryVersion();
        } catch (IOException | RuntimeException | LinkageError e) {
            // Training is best effort (e.g. no LMDB library on the build machine).
        }
    }
}
