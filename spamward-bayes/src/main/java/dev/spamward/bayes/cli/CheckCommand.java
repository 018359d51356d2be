package dev.spamward.bayes.cli;

import dev.spamward.bayes.BayesFilter;
import dev.spamward.bayes.Classification;
import dev.spamward.bayes.model.TokenEvidence;
import dev.spamward.bayes.model.Verdict;
import dev.spamward.bayes.store.StoreException;
import dev.spamward.bayes.store.TokenStore;
import dev.spamward.core.cli.Subcommand;
import dev.spamward.core.cli.UserException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spamward check FILE|-}: classifies one message, prints {@code HAM|UNSURE|SPAM score}, exits
 * 10 (ham), 11 (spam) or 12 (unsure, only with {@code bayes.unsure = true}), 1 on error, as gonzofilter.
 * {@code --batch PATH...} classifies many messages in one process, one line each, exit 0.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Classify a message: exit 10 ham, 11 spam, 12 unsure (with bayes.unsure), 1 on error.")
public final class CheckCommand implements Callable<Integer>, Subcommand {
    static final int EXIT_HAM = 10;
    static final int EXIT_SPAM = 11;
    static final int EXIT_UNSURE = 12;

    @Mixin
    DbOption db;

    @Option(names = "--batch", description = "Classify every message of the paths (files, directories, mbox); print 'NAME<TAB>VERDICT<TAB>SCORE' per message; exit 0.")
    boolean batch;

    @Option(names = {"-e", "--explain"}, description = "Also print the tokens that weighed most.")
    boolean explain;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "The message (default: - for stdin); with --batch any paths.")
    List<String> paths = List.of("-");

    @Override
    public Integer call() {
        PrintWriter out = db.out();
        PrintWriter err = db.err();
        if (paths.isEmpty()) paths = List.of("-");
        if (!batch && paths.size() > 1) throw new UserException("check takes one message; use --batch for several", 1);
        List<Path> files;
        try {
            files = MessageSource.files(paths);
        } catch (IOException e) {
            throw new UserException(e.getMessage(), 1);
        }
        int explainN = explain ? db.config().get(dev.spamward.bayes.BayesSettings.EXPLAIN) : 0;
        try (TokenStore store = db.open(true)) {
            BayesFilter filter = db.filter(store);
            if (!batch) {
                byte[] msg = read(files.get(0));
                Classification c = filter.classify(msg, explainN);
                print(out, null, c);
                for (String p : c.problems()) err.println("spamward: note: message read with a problem: " + p);
                if (c.details().note() != null) err.println("spamward: note: " + c.details().note());
                return switch (c.verdict()) {
                    case HAM -> EXIT_HAM;
                    case SPAM -> EXIT_SPAM;
                    case UNSURE -> EXIT_UNSURE;
                };
            }
            return batch(filter, files, explainN, out, err);
        } catch (StoreException e) {
            throw new UserException(e.getMessage(), 1);
        }
    }

    /**
     * Classifies every message of {@code files} on one worker thread per core (LMDB readers do not block each
     * other), printing the lines in input order.
     */
    private int batch(BayesFilter filter, List<Path> files, int explainN, PrintWriter out, PrintWriter err) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads,
                Thread.ofPlatform().daemon().name("check-", 0).factory());
        java.util.ArrayDeque<java.util.concurrent.Future<String>> pending = new java.util.ArrayDeque<>();
        int failed = 0;
        try {
            for (Path f : files) {
                pending.add(pool.submit(() -> classifyFile(filter, f, explainN)));
                if (pending.size() >= threads * 4) failed += printNext(pending, out, err);
            }
            while (!pending.isEmpty()) failed += printNext(pending, out, err);
        } finally {
            pool.shutdownNow();
        }
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    private static int printNext(java.util.ArrayDeque<java.util.concurrent.Future<String>> pending, PrintWriter out, PrintWriter err) {
        try {
            out.print(pending.removeFirst().get());
            return 0;
        } catch (java.util.concurrent.ExecutionException e) {
            err.println("spamward: " + e.getCause().getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserException("interrupted", 1);
        }
    }

    /** The output lines for every message of one file. */
    private static String classifyFile(BayesFilter filter, Path f, int explainN) throws IOException {
        List<byte[]> msgs = MessageSource.split(MessageSource.read(f));
        java.io.StringWriter sw = new java.io.StringWriter();
        PrintWriter pw = new PrintWriter(sw);
        int i = 0;
        for (byte[] m : msgs) {
            String name = (f == null ? "-" : f.toString()) + (msgs.size() > 1 ? "#" + (++i) : "");
            print(pw, name, filter.classify(m, explainN));
        }
        pw.flush();
        return sw.toString();
    }


    private static byte[] read(Path f) {
        try {
            return MessageSource.read(f);
        } catch (IOException e) {
            throw new UserException((f == null ? "stdin" : f) + ": " + e.getMessage(), 1);
        }
    }

    private static void print(PrintWriter out, String name, Classification c) {
        String line = c.verdict().name() + (name == null ? " " : "\t") + String.format(Locale.ROOT, "%.6f", c.score());
        out.println(name == null ? line : name + "\t" + line);
        for (TokenEvidence e : c.details().evidence()) {
            out.printf(Locale.ROOT, "  %.4f  spam=%d ham=%d  %s%n", e.probability(), e.spam(), e.ham(), e.token());
        }
    }

    static int exitCode(Verdict v) {
        return v == Verdict.SPAM ? EXIT_SPAM : v == Verdict.UNSURE ? EXIT_UNSURE : EXIT_HAM;
    }
}
