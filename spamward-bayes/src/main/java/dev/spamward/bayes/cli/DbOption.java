package dev.spamward.bayes.cli;

import dev.spamward.bayes.Bayes;
import dev.spamward.bayes.BayesFilter;
import dev.spamward.bayes.BayesSettings;
import dev.spamward.bayes.Classification;
import dev.spamward.bayes.store.Counts;
import dev.spamward.bayes.store.lmdb.LmdbFileReader;
import dev.spamward.bayes.tokenize.Tokens;
import dev.spamward.bayes.store.StoreException;
import dev.spamward.bayes.store.TokenStore;
import dev.spamward.core.cli.CommandContext;
import dev.spamward.core.cli.Specs;
import dev.spamward.core.cli.UserException;
import dev.spamward.core.config.Config;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code -db PATH} option every Bayes command has, and opening the store it names: a picocli mixin for
 * annotated commands, {@link #addTo} for coded ones.
 */
public final class DbOption {
    private static final String DESCRIPTION = "Token database directory (default: bayes.db, else ~/.local/share/spamward/bayes).";

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = {"-db", "--db"}, paramLabel = "PATH", description = DESCRIPTION)
    Path db;

    /** Adds the option to a command built in code ({@link dev.spamward.core.cli.CodedSubcommand}). */
    static DbOption addTo(CommandSpec spec) {
        DbOption o = new DbOption();
        o.spec = spec;
        spec.addOption(Specs.option(Path.class, "PATH", v -> o.db = v, DESCRIPTION, "-db", "--db").build());
        return o;
    }

    /** Standard output (a picocli mixin's CommandLine does not see the root's setOut, so go to the stream). */
    java.io.PrintWriter out() {
        return new java.io.PrintWriter(System.out, true);
    }

    /** Standard error. */
    java.io.PrintWriter err() {
        return new java.io.PrintWriter(System.err, true);
    }

    Config config() {
        return CommandContext.config(spec);
    }

    /** Opens the store; a missing, locked or incompatible database becomes a one-line error (exit 1). */
    TokenStore open(boolean readOnly) {
        try {
            return Bayes.openStore(config(), db, readOnly);
        } catch (StoreException e) {
            throw new UserException(e.getMessage(), 1);
        }
    }

    BayesFilter filter(TokenStore store) {
        return Bayes.filter(config(), store);
    }

    /**
     * Classifies one message. The counts are read from data.mdb in Java, which spares a one-message command
     * the native binding's cold start; the native store answers when that reader cannot (and reports a
     * missing, locked or newer database).
     */
    Classification classifyOne(Tokens tokens, int explain) {
        Optional<Counts> direct = LmdbFileReader.lookup(BayesSettings.databasePath(config(), db), tokens.distinct());
        if (direct.isPresent()) return filter(null).classify(tokens, explain, direct.get());
        try (TokenStore store = open(true)) {
            return filter(store).classify(tokens, explain);
        } catch (StoreException e) {
            throw new UserException(e.getMessage(), 1);
        }
    }
}
