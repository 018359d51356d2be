package dev.spamward.bayes;

import dev.spamward.bayes.model.ChiSquareModel;
import dev.spamward.bayes.model.Cutoffs;
import dev.spamward.bayes.store.TokenStore;
import dev.spamward.bayes.store.lmdb.LmdbTokenStore;
import dev.spamward.bayes.tokenize.Tokenizer;
import dev.spamward.bayes.tokenize.TokenizerOptions;
import dev.spamward.core.config.Config;
import dev.spamward.mime.MailParser;
import dev.spamward.mime.MimeLimits;
import dev.spamward.mime.MimeSettings;
import java.nio.file.Path;

/** Builds the filter's parts from the configuration. */
public final class Bayes {
    private Bayes() {
    }

    /** Opens the configured LMDB store ({@code override}: the {@code -db} option, or null). */
    public static TokenStore openStore(Config config, Path override, boolean readOnly) {
        Path dir = BayesSettings.databasePath(config, override);
        return LmdbTokenStore.open(dir, readOnly, new LmdbTokenStore.Options(config.get(BayesSettings.MAP_SIZE), 512,
                config.get(BayesSettings.SYNC), config.get(BayesSettings.LOCK_TIMEOUT)));
    }

    /** The tokenizer, whose parser keeps at most {@code bayes.max_message_size} bytes of a message (and the MIME limits). */
    public static Tokenizer tokenizer(Config config) {
        MimeLimits m = MimeSettings.limits(config);
        return new Tokenizer(new MailParser(new MimeLimits(maxMessageBytes(config), m.maxParts(), m.maxDepth(), m.maxHeaderFields(),
                m.maxHtmlBytes(), m.maxUrlsPerPart())), TokenizerOptions.defaults());
    }

    /** How many bytes of a message are classified or learned: {@code bayes.max_message_size}, at most {@code mime.max_message_size}. */
    public static long maxMessageBytes(Config config) {
        return Math.min(config.get(MimeSettings.MAX_MESSAGE_SIZE), config.get(BayesSettings.MAX_MESSAGE_SIZE));
    }

    public static ChiSquareModel model(Config config) {
        return new ChiSquareModel(new ChiSquareModel.Params(config.get(BayesSettings.ROBINSON_S),
                config.get(BayesSettings.ROBINSON_X), config.get(BayesSettings.MIN_DEV), config.get(BayesSettings.MAX_TOKENS),
                config.get(BayesSettings.MIN_LEARNED), config.get(BayesSettings.MIN_TOKENS), config.get(BayesSettings.TOKEN_BUDGET)));
    }

    public static Cutoffs cutoffs(Config config) {
        double spam = config.get(BayesSettings.SPAM_CUTOFF);
        double ham = Math.min(config.get(BayesSettings.HAM_CUTOFF), spam);
        return new Cutoffs(ham, spam, config.get(BayesSettings.UNSURE));
    }

    /** A filter over {@code store} with the configured tokenizer, model and cut-offs. */
    public static BayesFilter filter(Config config, TokenStore store) {
        return new BayesFilter(tokenizer(config), store, model(config), cutoffs(config));
    }
}
