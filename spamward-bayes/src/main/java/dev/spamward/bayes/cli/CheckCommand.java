package dev.spamward.bayes.cli;

import dev.spamward.bayes.Bayes;
import dev.spamward.bayes.BayesFilter;
import dev.spamward.bayes.Classification;
import dev.spamward.bayes.model.TokenEvidence;
import dev.spamward.bayes.model.Verdict;
import dev.spamward.bayes.store.StoreException;
import dev.spamward.bayes.store.TokenStore;
import dev.spamward.bayes.store.lmdb.LmdbTokenStore;
import dev.spamward.bayes.tokenize.Tokens;
import dev.spamward.core.cli.CodedSubcommand;
import dev.spamward.core.cli.Specs;
import dev.spamward.core.cli.UserException;
import dev.spamward.core.io.IoErrors;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code spamward check FILE|-}: classifies one message, prints {@code HAM|UNSURE|SPAM score}, exits
 * 10 (ham), 11 (spam) or 12 (unsure, only with {@code bayes.unsure = true}), 1 on error, as gonzofilter.
 * {@code --batch PATH...} classifies many messages in one process, one line each, exit 0.
 */
public final class CheckCommand implements Callable<Integer>, CodedSubcommand {
    static final int EXIT_HAM = 10;
    static final int EXIT_SPAM = 11;
    static final int EXIT_UNSURE = 12;

    DbOption db;
    boolean batch;
    boolean explain;
    List<String> paths = List.of("-");

    @Override
    public CommandSpec spec() {
        CommandSpec spec = Specs.command(this, "check",
                "Classify a message: exit 10 ham, 11 spam, 12 unsure (with bayes.unsure), 1 on error.");
        db = DbOption.addTo(spec);
        spec.addOption(Specs.flag(v -> batch = v, "Classify every message of the paths (files, directories, mbox); "
                + "print 'NAME<TAB>VERDICT<TAB>SCORE' per message; exit 0.", "--batch"));
        spec.addOption(Specs.flag(v -> explain = v, "Also print the tokens that weighed most.", "-e", "--explain"));
        spec.addPositional(Specs.strings("FILE", "0..*", v -> paths = v,
                "The message (default: - for stdin); with --batch any paths."));
        return spec;
    }

    @Override
    public Integer call() {
        PrintWriter out = db.out();
        PrintWriter err = db.err();
        if (paths.isEmpty()) paths = List.of("-");
        if (!batch && paths.size() > 1) throw new UserException("check takes one message; use --batch for several", 1);
        if (!batch && !paths.get(0).equals("-") && java.nio.file.Files.isDirectory(Path.of(paths.get(0)))) {
            throw new UserException(paths.get(0) + " is a directory; a check takes one message (spamward check --batch takes directories)", 1);
        }
        List<Path> files;
        try {
            files = MessageSource.files(paths);
        } catch (IOException e) {
            throw new UserException(e.getMessage(), 1);
        }
        int explainN = explain ? db.config().get(dev.spamward.bayes.BayesSettings.EXPLAIN) : 0;
        long max = Bayes.maxMessageBytes(db.config());
        if (!batch) return checkOne(files.get(0), explainN, max, out, err);
        LmdbTokenStore.prepareInBackground(); // overlaps the LMDB binding's cold start with the first messages
        try (TokenStore store = db.open(true)) {
            return batch(db.filter(store), files, explainN, max, err);
        } catch (StoreException e) {
            throw new UserException(e.getMessage(), 1);
        }
    }

    /** One message: tokenized, then scored on counts read for its tokens. */
    private int checkOne(Path file, int explainN, long max, PrintWriter out, PrintWriter err) {
        byte[] raw = read(file, max);
        Tokens tokens = Bayes.tokenizer(db.config()).tokenize(raw);
        Classification c = db.classifyOne(tokens, explainN);
        print(out, null, c);
        if (raw.length == 0) err.println("spamward: note: the message is empty (0 bytes); scored on its missing headers only");
        for (String p : c.problems()) err.println("spamward: note: message read with a problem: " + p);
        if (c.details().note() != null) err.println("spamward: note: " + c.details().note());
        return exitCode(c.verdict());
    }

    /**
     * Classifies every message of {@code files} on one worker thread per core (LMDB readers do not block each
     * other), each with its own {@link BayesFilter#batch() batch reader}; the lines are printed in input order
     * through one buffer.
     */
    private int batch(BayesFilter filter, List<Path> files, int explainN, long max, PrintWriter err) {
        int n = files.size();
        List<CompletableFuture<String>> results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) results.add(new CompletableFuture<>());
        AtomicInteger next = new AtomicInteger();
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), n));
        List<Thread> workers = new ArrayList<>(threads);
        for (int w = 0; w < threads; w++) {
            workers.add(Thread.ofPlatform().daemon().name("check-" + w).start(() -> {
                try (BayesFilter.Batch b = filter.batch()) {
                    for (int i; (i = next.getAndIncrement()) < n; ) {
                        try {
                            results.get(i).complete(classifyFile(b, files.get(i), explainN, max));
                        } catch (IOException | RuntimeException e) {
                            results.get(i).completeExceptionally(e);
                        }
                    }
                } catch (Throwable t) { // the store failed: no line may be left waiting
                    for (CompletableFuture<String> r : results) r.completeExceptionally(t);
                }
            }));
        }
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, System.out.charset()), 1 << 16));
        int failed = 0;
        for (int i = 0; i < n; i++) {
            try {
                out.print(results.get(i).join());
            } catch (CompletionException e) {
                out.flush();
                String name = files.get(i) == null ? "stdin" : files.get(i).toString();
                err.println("spamward: " + (e.getCause() instanceof IOException io ? IoErrors.describe(name, io)
                        : name + ": " + e.getCause().getMessage()));
                failed++;
            }
        }
        out.flush();
        for (Thread t : workers) {
            try {
                t.join(); // the readers are closed before the store
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UserException("interrupted", 1);
            }
        }
        return failed == 0 ? 0 : 1;
    }

    /** The output lines for every message of one file. */
    private static String classifyFile(BayesFilter.Batch batch, Path f, int explainN, long max) throws IOException {
        List<Classification> results = new ArrayList<>(); // an mbox is classified as it is read
        MessageSource.forEachMessage(f, max, m -> results.add(batch.classify(m, explainN)));
        StringWriter sw = new StringWriter();
        PrintWriter pw = new PrintWriter(sw);
        for (int i = 0; i < results.size(); i++) {
            String name = (f == null ? "-" : f.toString()) + (results.size() > 1 ? "#" + (i + 1) : "");
            print(pw, name, results.get(i));
        }
        pw.flush();
        return sw.toString();
    }

    private static byte[] read(Path f, long max) {
        try {
            return MessageSource.read(f, max);
        } catch (IOException e) {
            throw new UserException(IoErrors.describe(f == null ? "stdin" : f.toString(), e), 1);
        }
    }

    private static void print(PrintWriter out, String name, Classification c) {
        String line = c.verdict().name() + (name == null ? " " : "\t") + FixedPoint.sixPlaces(c.score());
        out.println(name == null ? line : name + "\t" + line);
        for (TokenEvidence e : c.details().evidence()) {
            out.printf(Locale.ROOT, "  %.4f  spam=%d ham=%d  %s%n", e.probability(), e.spam(), e.ham(), e.token());
        }
    }

    static int exitCode(Verdict v) {
        return v == Verdict.SPAM ? EXIT_SPAM : v == Verdict.UNSURE ? EXIT_UNSURE : EXIT_HAM;
    }
}
