package dev.spamward.bayes.cli;

import dev.spamward.bayes.Bayes;
import dev.spamward.bayes.BayesFilter;
import dev.spamward.bayes.store.StoreException;
import dev.spamward.bayes.store.TokenStore;
import dev.spamward.core.cli.CommandContext;
import dev.spamward.core.cli.UserException;
import dev.spamward.core.config.Config;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code -db PATH} option every Bayes command has, and opening the store it names. */
public final class DbOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = {"-db", "--db"}, paramLabel = "PATH",
            description = "Token database directory (default: bayes.db, else ~/.local/share/spamward/bayes).")
    Path db;

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
}
