package dev.spamward.bayes.cli;

import dev.spamward.bayes.store.StoreException;
import dev.spamward.bayes.store.StoreStats;
import dev.spamward.bayes.store.TextDump;
import dev.spamward.bayes.store.TokenStore;
import dev.spamward.core.cli.Subcommand;
import dev.spamward.core.cli.UserException;
import dev.spamward.core.io.IoErrors;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code spamward bayes stats|dump|export|import}: looking after the token database. */
@Command(name = "bayes", mixinStandardHelpOptions = true, description = "Token database tools.",
        subcommands = {BayesCommand.Stats.class, BayesCommand.Dump.class, BayesCommand.Export.class, BayesCommand.Import.class})
public final class BayesCommand implements Subcommand {

    /** Runs {@code body} on the store, turning store failures into one-line errors. */
    static int withStore(DbOption db, boolean readOnly, StoreBody body) {
        try (TokenStore s = db.open(readOnly)) {
            return body.run(s);
        } catch (StoreException e) {
            throw new UserException(e.getMessage(), 1);
        } catch (IOException e) {
            throw new UserException(e.getMessage(), 1);
        }
    }

    interface StoreBody {
        int run(TokenStore s) throws IOException;
    }

    @Command(name = "stats", mixinStandardHelpOptions = true, description = "Messages learned per class, tokens, size.")
    static final class Stats implements Callable<Integer> {
        @Mixin
        DbOption db;

        @Override
        public Integer call() {
            return withStore(db, true, s -> {
                StoreStats st = s.stats();
                PrintWriter out = db.out();
                out.println("database:      " + st.location());
                out.println("backend:       " + st.backend() + ", format " + st.format());
                out.println("spam messages: " + st.spamMessages());
                out.println("ham messages:  " + st.hamMessages());
                out.println("tokens:        " + st.tokens());
                out.println("remembered:    " + st.messages() + " message keys");
                out.println("size:          " + st.bytes() + " bytes");
                out.flush();
                return 0;
            });
        }
    }

    @Command(name = "dump", mixinStandardHelpOptions = true,
            description = "Print every token with its spam and ham message counts: 'SPAM HAM TOKEN'.")
    static final class Dump implements Callable<Integer> {
        @Mixin
        DbOption db;

        @Override
        public Integer call() {
            return withStore(db, true, s -> {
                PrintWriter out = db.out();
                s.forEachToken(t -> out.printf(Locale.ROOT, "%d\t%d\t%s%n", t.spam(), t.ham(), t.token()));
                out.flush();
                return 0;
            });
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write the database in the portable text format.")
    static final class Export implements Callable<Integer> {
        @Mixin
        DbOption db;

        @Parameters(paramLabel = "FILE", arity = "0..1", description = "Output file (default: stdout).")
        Path file;

        @Override
        public Integer call() {
            return withStore(db, true, s -> {
                if (file == null) { // stdout is flushed, not closed: the launcher checks it for lost output afterwards
                    Writer w = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
                    long n = TextDump.write(s, w);
                    w.flush();
                    db.err().println("exported " + n + " tokens");
                    return 0;
                }
                try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    long n = TextDump.write(s, w);
                    db.err().println("exported " + n + " tokens");
                } catch (IOException e) {
                    throw new UserException(IoErrors.describe(file.toString(), e), 1);
                }
                return 0;
            });
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Add an export to the database (counts are added; one transaction).")
    static final class Import implements Callable<Integer> {
        @Mixin
        DbOption db;

        @Parameters(paramLabel = "FILE", description = "Export file, or - for stdin.")
        String file;

        @Override
        public Integer call() {
            BufferedReader in;
            try {
                in = file.equals("-") ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                        : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UserException(IoErrors.describe(file, e), 1);
            }
            try (in) {
                return withStore(db, false, s -> {
                    long n;
                    try {
                        n = TextDump.read(in, s);
                    } catch (IOException e) { // reading the dump, not the store: name the file
                        throw new UserException(IoErrors.describe(file, e), 1);
                    }
                    db.err().println("imported " + n + " tokens");
                    return 0;
                });
            } catch (IllegalArgumentException e) {
                throw new UserException(file + ": " + e.getMessage(), 1);
            } catch (IOException e) {
                throw new UserException(IoErrors.describe(file, e), 1);
            }
        }
    }
}
