package dev.spamward.bayes.cli;

import dev.spamward.bayes.Bayes;
import dev.spamward.bayes.BayesFilter;
import dev.spamward.bayes.store.Label;
import dev.spamward.bayes.store.LearnOutcome;
import dev.spamward.bayes.store.StoreException;
import dev.spamward.bayes.store.TokenStore;
import dev.spamward.core.cli.Subcommand;
import dev.spamward.core.cli.UserException;
import dev.spamward.core.io.IoErrors;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spamward learn --spam|--ham PATH...} and {@code spamward unlearn PATH...}: files, directories
 * (Maildir), mbox files or {@code -}. Every message is one transaction; learning a message twice is a
 * no-op and learning it into the other class moves it. A progress line is shown on a terminal.
 */
@Command(name = "learn", mixinStandardHelpOptions = true,
        description = "Learn messages as spam or ham (files, directories/Maildir, mbox, or - for stdin).")
public class LearnCommand implements Callable<Integer>, Subcommand {

    @Mixin
    DbOption db;

    static final class Which {
        @Option(names = {"--spam", "-spam", "-s"}, required = true, description = "Learn as spam.")
        boolean spam;

        @Option(names = {"--ham", "-ham", "-n"}, required = true, description = "Learn as ham.")
        boolean ham;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    @Option(names = {"-q", "--quiet"}, description = "No progress and no summary.")
    boolean quiet;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Message files, directories, mbox files; - is stdin.")
    List<String> paths;

    @Override
    public Integer call() {
        return run(which.spam ? Label.SPAM : Label.HAM);
    }

    /** Learns ({@code label} non-null) or unlearns ({@code label} null) every message of {@link #paths}. */
    int run(Label label) {
        List<Path> files;
        try {
            files = MessageSource.files(paths);
        } catch (IOException e) {
            throw new UserException(e.getMessage() + " (nothing was learned)", 1);
        }
        PrintWriter err = db.err();
        Progress progress = new Progress(err, files.size(), !quiet && System.console() != null);
        Map<LearnOutcome, Integer> outcomes = new EnumMap<>(LearnOutcome.class);
        int failed = 0;
        long t0 = System.nanoTime();
        int[] counted = {0};
        long max = Bayes.maxMessageBytes(db.config());
        try (TokenStore store = db.open(false)) {
            BayesFilter filter = db.filter(store);
            for (Path f : files) {
                try { // an mbox is learned as it is read, message by message
                    MessageSource.forEachMessage(f, max, m -> {
                        LearnOutcome o = label == null ? filter.unlearn(m) : filter.learn(m, label);
                        outcomes.merge(o, 1, Integer::sum);
                        counted[0]++;
                    });
                } catch (IOException e) {
                    err.println("spamward: " + IoErrors.describe(f == null ? "stdin" : f.toString(), e));
                    failed++;
                    continue;
                }
                progress.step();
            }
        } catch (StoreException e) {
            throw new UserException(e.getMessage(), 1);
        }
        progress.done();
        double secs = (System.nanoTime() - t0) / 1e9;
        int messages = counted[0];
        if (!quiet) {
            StringBuilder b = new StringBuilder();
            b.append(label == null ? "unlearned" : "learned as " + label.id()).append(": ").append(messages).append(" messages");
            outcomes.forEach((k, v) -> b.append(", ").append(v).append(' ').append(k.name().toLowerCase().replace('_', ' ')));
            b.append(String.format(" in %.1f s (%.0f messages/s)", secs, messages / Math.max(secs, 1e-9)));
            err.println(b);
        }
        return failed == 0 ? 0 : 1;
    }

    /** A one-line progress bar on stderr, only on a terminal. */
    static final class Progress {
        private final PrintWriter err;
        private final int total;
        private final boolean on;
        private final long t0 = System.nanoTime();
        private int done;
        private long lastDraw;

        Progress(PrintWriter err, int total, boolean on) {
            this.err = err;
            this.total = total;
            this.on = on;
        }

        void step() {
            done++;
            long now = System.nanoTime();
            if (!on || now - lastDraw < 100_000_000L) return;
            lastDraw = now;
            int width = 30;
            int filled = total == 0 ? width : (int) ((long) done * width / total);
            double rate = done / Math.max((now - t0) / 1e9, 1e-9);
            err.printf("\r[%s%s] %d/%d files, %.0f/s ", "#".repeat(filled), " ".repeat(width - filled), done, total, rate);
            err.flush();
        }

        void done() {
            if (on) {
                err.print("\r" + " ".repeat(70) + "\r");
                err.flush();
            }
        }
    }
}
