package dev.spamward.bench.bayes;

import dev.spamward.bayes.BayesFilter;
import dev.spamward.bayes.store.Label;
import dev.spamward.bayes.store.lmdb.LmdbTokenStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The Bayes benchmark: Spamward side by side with the Debian peers on the SpamAssassin corpus, in one run.
 * <ol>
 *   <li>TOE (gonzofilter's toe.py procedure, {@link Toe}) on the 400+600 split, {@code --repeats} seeds;
 *       Spamward in-process over LMDB, each peer as one process per message;</li>
 *   <li>throughput on the same messages: learning the 800 learn messages, classifying the 1,200 test messages
 *       (Spamward in-process and as one {@code spamward check --batch} process; bogofilter {@code -B} bulk mode),
 *       and the token database sizes after the same training;</li>
 *   <li>per-message {@code spamward check} latency through the launcher (AOT cache) vs {@code bogofilter -I};</li>
 *   <li>k-fold cross-validation over the whole corpus (Spamward in-process, peers in bulk mode).</li>
 * </ol>
 * The result replaces the "Bayes" section of BENCHMARKS.md. Run it with scripts/bench-bayes.sh.
 */
public final class BayesBench {
    private final Path base;
    private final Path corpus;
    private final Path work;
    private final List<String> peers;
    private final int repeats;
    private final Map<String, Integer> peerRepeats = new LinkedHashMap<>();
    private final int folds;
    private final Path launcher;
    private final StringBuilder md = new StringBuilder();
    // Measured values for the closing comparison with the targets (NaN: not measured).
    private double toeAccuracy = Double.NaN;
    private double toeFpPercent = Double.NaN;
    private double batchRatio = Double.NaN;
    private double batchCpuRatio = Double.NaN;
    private double inProcessRatio = Double.NaN;
    private double learnCpuRate = Double.NaN;
    private double learnWallRate = Double.NaN;
    private double checkMedianMs = Double.NaN;
    private double versionMedianMs = Double.NaN;
    private double dbRatio = Double.NaN;
    private double dbRatioAll = Double.NaN;
    private double dbRatioReloaded = Double.NaN;

    private BayesBench(Map<String, String> a) throws IOException {
        base = Path.of(a.getOrDefault("base", ".cache/toe"));
        corpus = Path.of(a.getOrDefault("corpus", ".cache/spamassassin"));
        work = Files.createTempDirectory("spamward-bayes-bench");
        peers = Arrays.stream(a.getOrDefault("peers", "bogofilter,spamprobe,bsfilter").split(",")).filter(s -> !s.isBlank()).toList();
        repeats = Integer.parseInt(a.getOrDefault("repeats", "5"));
        folds = Integer.parseInt(a.getOrDefault("folds", "3"));
        // bsfilter (Ruby) needs ~11 minutes per TOE run, so by default it runs once; e.g. --peer-repeats bsfilter=5
        peerRepeats.put("bsfilter", 1);
        for (String kv : a.getOrDefault("peer-repeats", "").split(",")) {
            String[] p = kv.split("=");
            if (p.length == 2) peerRepeats.put(p[0].strip(), Integer.parseInt(p[1].strip()));
        }
        launcher = a.containsKey("launcher") ? Path.of(a.get("launcher")) : null;
        for (String p : peers) {
            if (!PeerToe.installed(p)) throw new IllegalStateException(p + " is not installed (apt-get install " + p + ")");
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        BayesBench b = new BayesBench(a);
        b.run(Path.of(a.getOrDefault("out", "BENCHMARKS.md")), a.getOrDefault("command", "scripts/bench-bayes.sh"));
    }

    private void run(Path out, String command) throws Exception {
        md.append("## Bayes\n\n");
        md.append("Measured ").append(Instant.now().toString(), 0, 16).append("Z on this machine (")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores shared with other work; times are noisy). ")
                .append("Reproduce: `").append(command).append("` (fetches the corpus with npm into `.cache/`, builds the ")
                .append("split with `scripts/make_toe_split.py` (seed 20240603), runs everything below and rewrites this section).\n\n");
        // Latency first: later phases leave this JVM compiling and collecting in the background for a while,
        // which took a core from the measured processes (bogofilter -I itself ran 50 % slower then).
        String latency = launcher != null ? latency() : "";
        toe();
        throughput();
        md.append(latency);
        if (folds > 1) kfold();
        md.append(CHOICES);
        targets();
        writeSection(out);
        System.err.println("bench: done; section written to " + out);
    }

    // ---- TOE ------------------------------------------------------------------------------------

    private void toe() throws Exception {
        md.append("### Train-on-error (TOE), 400 learn + 600 test messages per class\n\n")
                .append("gonzofilter's toe.py procedure ported to Java (`Toe.java`, shuffles seeded with 1..").append(repeats)
                .append(", the same order for every filter). Spamward runs in-process (tokenizer + chi-square + LMDB store ")
                .append("in a fresh directory; every learn/check reads and tokenizes the file); the peers run as one process per ")
                .append("message exactly as `toe-peer.sh` runs them, so their `time_s` includes ~3,000 process starts. ")
                .append("Spamward's verdict is binary here (spam cut-off ").append(cutoff()).append(", no unsure band); ")
                .append("bogofilter's unsure counts as ham.\n\n")
                .append("| Filter | Run | FN | FP | accuracy | lham | lspam | sensi | speci | time_s |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        Map<String, List<ToeResult>> all = new LinkedHashMap<>();
        for (int run = 1; run <= repeats; run++) {
            List<ToeFilter> filters = new ArrayList<>();
            filters.add(new SpamwardToe(work.resolve("toe-spamward-" + run), cutoff()));
            for (String p : peers) {
                if (run <= peerRepeats.getOrDefault(p, repeats)) filters.add(new PeerToe(p, work.resolve("toe-" + p + "-" + run)));
            }
            for (ToeFilter f : filters) {
                try (f) {
                    ToeResult r = Toe.run(f, base, run, run);
                    System.err.printf(Locale.ROOT, "bench: TOE %s run %d: FN %d FP %d acc %.4f %.1fs%n", r.filter(), run, r.fn(), r.fp(), r.accuracy(), r.timeS());
                    all.computeIfAbsent(r.filter(), k -> new ArrayList<>()).add(r);
                }
            }
        }
        for (List<ToeResult> rs : all.values()) {
            for (ToeResult r : rs) {
                md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.4f | %d | %d | %.3f | %.3f | %.1f |%n", r.filter(), r.run(),
                        r.fn(), r.fp(), r.accuracy(), r.lham(), r.lspam(), r.sensi(), r.speci(), r.timeS()));
            }
        }
        md.append("\nSummary (mean, and min–max over the runs):\n\n| Filter | accuracy | FN | FP | FP % of test ham | time_s |\n|---|---|---|---|---|---|\n");
        List<ToeResult> sw = all.get("spamward");
        toeAccuracy = sw.stream().mapToDouble(ToeResult::accuracy).average().orElse(Double.NaN);
        toeFpPercent = sw.stream().mapToDouble(ToeResult::fp).average().orElse(Double.NaN) / 6.0;
        for (var e : all.entrySet()) {
            List<ToeResult> rs = e.getValue();
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.2f %% | %s |%n", e.getKey(),
                    stat(rs, ToeResult::accuracy, "%.4f"), stat(rs, r -> r.fn(), "%.1f"), stat(rs, r -> r.fp(), "%.1f"),
                    rs.stream().mapToDouble(ToeResult::fp).average().orElse(0) / 6.0, stat(rs, ToeResult::timeS, "%.1f")));
        }
        md.append('\n');
    }

    private static String stat(List<ToeResult> rs, java.util.function.ToDoubleFunction<ToeResult> f, String fmt) {
        double[] v = rs.stream().mapToDouble(f).toArray();
        double mean = Arrays.stream(v).average().orElse(0);
        return String.format(Locale.ROOT, fmt + " (" + fmt + "–" + fmt + ")", mean, Arrays.stream(v).min().orElse(0), Arrays.stream(v).max().orElse(0));
    }

    /** The default spam cut-off (bayes.spam_cutoff). */
    private static double cutoff() {
        return Double.parseDouble(dev.spamward.bayes.BayesSettings.SPAM_CUTOFF.defaults().get(0));
    }

    // ---- throughput -------------------------------------------------------------------------------

    private void throughput() throws Exception {
        List<Path> learnHam = Toe.list(base.resolve("learn/ham"));
        List<Path> learnSpam = Toe.list(base.resolve("learn/spam"));
        // Classification runs over the whole corpus (6,046 messages), so JVM start and warm-up weigh what they
        // weigh in a real batch, not more; every tool gets the same files in the same order.
        List<Path> all = group("easy-ham-1", "easy-ham-2", "hard-ham-1", "spam-1", "spam-2");
        // JIT warm-up for the in-process learning rate: learn the test messages into a scratch store.
        List<Path> test = new ArrayList<>(Toe.list(base.resolve("test/spam")));
        test.addAll(Toe.list(base.resolve("test/ham")));
        try (SpamwardToe warm = new SpamwardToe(work.resolve("warm-up"), cutoff())) {
            for (Path p : test) warm.learn(p, p.getParent().getFileName().toString().equals("spam") ? Label.SPAM : Label.HAM);
        }

        Path swDb = work.resolve("full-spamward");
        double swLearn;
        double swLearnCpu;
        double swCheck;
        double swCheckCpu;
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        try (SpamwardToe sw = new SpamwardToe(swDb, cutoff())) {
            long t0 = System.nanoTime();
            long c0 = mx.getCurrentThreadCpuTime();
            for (Path p : learnSpam) sw.learn(p, Label.SPAM);
            for (Path p : learnHam) sw.learn(p, Label.HAM);
            swLearn = (learnHam.size() + learnSpam.size()) / secs(t0);
            swLearnCpu = (learnHam.size() + learnSpam.size()) / ((mx.getCurrentThreadCpuTime() - c0) / 1e9);
            // Steady state of one thread through the batch path `check --batch` uses: one pass to warm up, one timed.
            try (BayesFilter.Batch b = sw.filter().batch()) {
                for (Path p : all) b.classify(Files.readAllBytes(p), 0);
                t0 = System.nanoTime();
                long c1 = mx.getCurrentThreadCpuTime();
                for (Path p : all) b.classify(Files.readAllBytes(p), 0);
                swCheck = all.size() / secs(t0);
                swCheckCpu = all.size() / ((mx.getCurrentThreadCpuTime() - c1) / 1e9);
            }
        }
        Path bfDb = Files.createDirectories(work.resolve("full-bogofilter"));
        long t0 = System.nanoTime();
        bulk(List.of("bogofilter", "-d", bfDb.toString(), "-s", "-B"), learnSpam);
        bulk(List.of("bogofilter", "-d", bfDb.toString(), "-n", "-B"), learnHam);
        double bfLearn = (learnHam.size() + learnSpam.size()) / secs(t0);
        List<String> paths = all.stream().map(Path::toString).toList();
        List<String> bfCmd = new ArrayList<>(List.of("bogofilter", "-d", bfDb.toString(), "-t", "-B"));
        bfCmd.addAll(paths);
        TimedRun bf = TimedRun.median(bfCmd, 3);
        if (bf.lines() != all.size()) throw new IOException("bogofilter -B printed " + bf.lines() + " lines");
        String batchRow = "";
        if (launcher != null) {
            List<String> cmd = new ArrayList<>(List.of(launcher.toString(), "check", "--batch", "-db", swDb.toString()));
            cmd.addAll(paths);
            PeerToe.run(cmd); // the launcher's AOT cache exists before the timed runs
            TimedRun swb = TimedRun.median(cmd, 3);
            if (swb.lines() != all.size()) throw new IOException("spamward check --batch printed " + swb.lines() + " lines");
            batchRatio = bf.wallS() / swb.wallS();
            batchCpuRatio = bf.cpuS() / swb.cpuS();
            batchRow = String.format(Locale.ROOT, "| `spamward check --batch` (one process, JVM start included) | %.0f | %.2f× | %.0f | %.2f× | %.2f |%n",
                    all.size() / swb.wallS(), batchRatio, all.size() / swb.cpuS(), batchCpuRatio, swb.load());
        }
        long swSize = Files.size(swDb.resolve("data.mdb"));
        long bfSize = Files.size(bfDb.resolve("wordlist.db"));
        dbRatio = (double) swSize / bfSize;
        // Dumped and reloaded, as bogofilter's documentation shrinks a word list (bogoutil -d | bogoutil -l):
        // both files then hold their live data only.
        long swReloaded = reloadSpamward(swDb, work.resolve("reloaded-spamward"));
        long bfReloaded = reloadBogofilter(bfDb, Files.createDirectories(work.resolve("reloaded-bogofilter")));
        dbRatioReloaded = (double) swReloaded / bfReloaded;
        // The same comparison after learning the whole corpus: LMDB's copy-on-write keeps about one learn's worth of
        // replaced pages in the file, a fixed amount that weighs most in a small database.
        List<Path> allHam = group("easy-ham-1", "easy-ham-2", "hard-ham-1");
        List<Path> allSpam = group("spam-1", "spam-2");
        Path swAllDb = work.resolve("all-spamward");
        try (SpamwardToe sw = new SpamwardToe(swAllDb, cutoff())) {
            for (Path p : allSpam) sw.learn(p, Label.SPAM);
            for (Path p : allHam) sw.learn(p, Label.HAM);
        }
        Path bfAllDb = Files.createDirectories(work.resolve("all-bogofilter"));
        bulk(List.of("bogofilter", "-d", bfAllDb.toString(), "-s", "-B"), allSpam);
        bulk(List.of("bogofilter", "-d", bfAllDb.toString(), "-n", "-B"), allHam);
        long swAllSize = Files.size(swAllDb.resolve("data.mdb"));
        long bfAllSize = Files.size(bfAllDb.resolve("wordlist.db"));
        dbRatioAll = (double) swAllSize / bfAllSize;
        learnCpuRate = swLearnCpu;
        learnWallRate = swLearn;
        inProcessRatio = swCheck / (all.size() / bf.wallS());
        md.append("### Throughput and database size (same messages)\n\n")
                .append("Learning the 800 TOE learn messages (one transaction per message for Spamward; bogofilter `-s -B`/`-n -B` bulk mode), ")
                .append("then classifying all ").append(all.size()).append(" corpus messages with that training, every tool given the same ")
                .append("files in the same order: `spamward check --batch FILES` (JVM start included, one worker per core) against ")
                .append("`bogofilter -t -B FILES`, medians of 3 runs, and Spamward in-process on one thread after one warm-up pass.\n\n")
                .append("CPU rates are messages per second of user + system time (GNU time; `ThreadMXBean` in-process), i.e. what an otherwise ")
                .append("idle core would do; the wall-clock rates depend on what else the shared machine runs (load = 1-minute load average).\n\n")
                .append("| What | messages/s (wall) | vs bogofilter | messages per CPU-second | vs bogofilter (CPU) | load |\n|---|---:|---:|---:|---:|---:|\n")
                .append(String.format(Locale.ROOT, "| Spamward learning (in-process, LMDB, one transaction per message) | %.0f | %.2f× | %.0f | | |%n",
                        swLearn, swLearn / bfLearn, swLearnCpu))
                .append(String.format(Locale.ROOT, "| bogofilter learning (`-B`) | %.0f | 1× | | | |%n", bfLearn))
                .append(batchRow)
                .append(String.format(Locale.ROOT, "| Spamward classification in-process, one thread, steady state | %.0f | %.2f× | %.0f | %.2f× | |%n",
                        swCheck, inProcessRatio, swCheckCpu, swCheckCpu / (all.size() / bf.cpuS())))
                .append(String.format(Locale.ROOT, "| bogofilter classification (`bogofilter -t -B`) | %.0f | 1× | %.0f | 1× | %.2f |%n%n",
                        all.size() / bf.wallS(), all.size() / bf.cpuS(), bf.load()))
                .append(String.format(Locale.ROOT, "Token database after the same 800 messages: Spamward `data.mdb` %,d bytes, bogofilter `wordlist.db` %,d bytes (ratio %.2f). ",
                        swSize, bfSize, (double) swSize / bfSize))
                .append(String.format(Locale.ROOT, "After learning the whole corpus (%,d messages, one transaction each): %,d and %,d bytes (ratio %.2f). ",
                        allHam.size() + allSpam.size(), swAllSize, bfAllSize, dbRatioAll))
                .append("LMDB never overwrites a page in place: each learn transaction writes new copies of the ~250 leaf pages its tokens ")
                .append("touch, and a replaced page is reused only two transactions later. The store therefore commits a one-page ")
                .append("\"settling\" transaction after each learn, so that the next learn can reuse what the last one replaced: the file ")
                .append("carries about one learn's worth of free pages (~1 MB) instead of two (`mdb_stat -ef DB` from lmdb-utils shows them); ")
                .append("before this, the same 800 learns gave a 4,251,648-byte file (ratio 2.05) and the whole corpus 12,296,192 bytes (1.55). ")
                .append(String.format(Locale.ROOT, "Dumped and reloaded into a fresh file, the way bogofilter's documentation shrinks a word list "
                        + "(`spamward bayes export | spamward bayes import -db NEW -`, one transaction; `bogoutil -d | bogoutil -l`), the 800-message "
                        + "databases hold their live data only: %,d and %,d bytes (ratio %.2f).%n%n", swReloaded, bfReloaded, dbRatioReloaded))
                .append(BATCH_NOTES);
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** {@code bayes export} of {@code db} imported into a fresh {@code into}; the new file's size. */
    private static long reloadSpamward(Path db, Path into) throws IOException {
        java.io.StringWriter dump = new java.io.StringWriter();
        try (LmdbTokenStore from = LmdbTokenStore.open(db, true, LmdbTokenStore.Options.defaults())) {
            dev.spamward.bayes.store.TextDump.write(from, dump);
        }
        try (LmdbTokenStore to = LmdbTokenStore.open(into, false, LmdbTokenStore.Options.defaults())) {
            dev.spamward.bayes.store.TextDump.read(new java.io.BufferedReader(new java.io.StringReader(dump.toString())), to);
        }
        return Files.size(into.resolve("data.mdb"));
    }

    /** {@code bogoutil -d} of {@code dir}'s word list loaded with {@code bogoutil -l} into {@code into}; the new size. */
    private static long reloadBogofilter(Path dir, Path into) throws Exception {
        Path dump = into.resolve("dump.txt");
        Process d = new ProcessBuilder("bogoutil", "-d", dir.resolve("wordlist.db").toString())
                .redirectOutput(dump.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (d.waitFor() != 0) throw new IOException("bogoutil -d exit " + d.exitValue());
        Process l = new ProcessBuilder("bogoutil", "-l", into.resolve("wordlist.db").toString())
                .redirectInput(dump.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (l.waitFor() != 0) throw new IOException("bogoutil -l exit " + l.exitValue());
        return Files.size(into.resolve("wordlist.db"));
    }

    /** Runs a bulk command with the files as arguments; returns its standard output. */
    private static String bulk(List<String> cmd, List<Path> files) throws Exception {
        List<String> c = new ArrayList<>(cmd);
        for (Path p : files) c.add(p.toString());
        PeerToe.Run r = PeerToe.run(c);
        if (r.exit() != 0 && !cmd.contains("-t") && !cmd.contains("score")) throw new IOException(cmd + " exit " + r.exit());
        return r.out();
    }

    // ---- latency ----------------------------------------------------------------------------------

    /** The latency section's Markdown. */
    private String latency() throws Exception {
        // A database of about 3,000 learned messages (easy-ham-1 as ham, spam-1 as spam), as the target says.
        Path db = work.resolve("latency-spamward");
        PeerToe.run(List.of(launcher.toString(), "learn", "-q", "-db", db.toString(), "--ham", corpus.resolve("easy-ham-1").toString()));
        PeerToe.run(List.of(launcher.toString(), "learn", "-q", "-db", db.toString(), "--spam", corpus.resolve("spam-1").toString()));
        Path bf = Files.createDirectories(work.resolve("latency-bogofilter")); // the same training for bogofilter -I
        bulk(List.of("bogofilter", "-d", bf.toString(), "-n", "-B"), Toe.list(corpus.resolve("easy-ham-1")));
        bulk(List.of("bogofilter", "-d", bf.toString(), "-s", "-B"), Toe.list(corpus.resolve("spam-1")));
        Path msg = Toe.list(base.resolve("test/ham")).get(0);
        List<String> check = List.of(launcher.toString(), "check", "-db", db.toString(), msg.toString());
        PeerToe.run(check); // builds the AOT cache
        double load = TimedRun.loadAverage();
        double[] medians;
        String how;
        if (PeerToe.installed("hyperfine")) {
            Path json = work.resolve("hyperfine.json");
            PeerToe.run(List.of("hyperfine", "-N", "-i", "--warmup", "3", "--runs", "30", "--export-json", json.toString(),
                    String.join(" ", check), launcher + " version", "bogofilter -d " + bf + " -I " + msg));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"median\":\\s*([0-9.eE+-]+)").matcher(Files.readString(json));
            medians = new double[3];
            for (int i = 0; i < 3 && m.find(); i++) medians[i] = Double.parseDouble(m.group(1)) * 1000;
            how = "`hyperfine -N --warmup 3 --runs 30`";
        } else {
            double[][] t = new double[3][30];
            List<List<String>> cmds = List.of(check, List.of(launcher.toString(), "version"), List.of("bogofilter", "-d", bf.toString(), "-I", msg.toString()));
            for (int i = 0; i < 30; i++) {
                for (int k = 0; k < 3; k++) {
                    long t0 = System.nanoTime();
                    PeerToe.run(cmds.get(k));
                    t[k][i] = secs(t0) * 1000;
                }
            }
            medians = new double[] {median(t[0]), median(t[1]), median(t[2])};
            how = "30 runs each, interleaved";
        }
        checkMedianMs = medians[0];
        versionMedianMs = medians[1];
        return "### Per-message `spamward check` latency\n\n"
                + String.format(Locale.ROOT, "`%s check -db DB FILE` through the launcher (JDK AOT cache, SerialGC, C1), database of 2,965 learned "
                        + "messages (easy-ham-1 as ham, spam-1 as spam), %s, load average %.2f before: median %.0f ms; "
                        + "`spamward version` (JVM start, no work): median %.0f ms; `bogofilter -I FILE`: median %.1f ms.%n%n",
                        launcher.getFileName(), how, load, medians[0], medians[1], medians[2])
                + LATENCY_NOTES;
    }

    /** Why one batch process stays below bogofilter on this machine (fixed text, measured 2026-11-21). */
    private static final String BATCH_NOTES = """
            Why `check --batch` stays below 2× bogofilter here: the launcher runs every short command with C1 only \
            (`-XX:TieredStopAtLevel=1`), and C1-compiled code classifies about 2,800 messages per CPU-second on one thread \
            (`FilterSpeed` with that flag), against bogofilter's ~3,800; two worker threads at that speed, with no start-up \
            at all, would be ~1.5× bogofilter. With C2 enabled the same batch is slower, not faster: 3.9 s instead of 2.2 s \
            for the corpus, 7.9 s instead of 5.5 s for three copies of it, because C2 spends 8.2 CPU-seconds compiling \
            (`-XX:+CITime`; `WordSplitter.split` and `Tokenizer.body` are compiled 4-7 times each, 300-600 ms per compile, \
            as new input paths appear), which two cores cannot hide behind two worker threads. C2 code reaches ~5,500 \
            messages per CPU-second on one thread, but only after ~30,000 messages; that is the speed of a long-running \
            `spamward serve`, whose HTTP API classifies without a JVM start per message. A JDK AOT cache recorded from a batch run itself, which in JDK 25 carries the method profiles (JEP 515), lets C2 \
            start from complete profiles: 3.5 s instead of 4.5 s for the corpus, still slower than C1 with the launcher's cache (2.5 s; \
            three alternating runs each). A larger batch does not close the gap: over ten copies of the corpus (60,460 files) `bogofilter -t -b` took \
            15.8 s, `check --batch` 16.8 s with C1 and 18.3 s with C2 (16.4 s with `-XX:PerMethodTrapLimit=0`, which stops C2's \
            recompile cycles after uncommon traps): C2 still compiled for 22 CPU-seconds (JFR), `WordSplitter.split` alone more \
            than ten times.

            """;

    /** Where a one-message check's time goes and what took it from 240 ms to under 150 ms (fixed text). */
    private static final String LATENCY_NOTES = """
            Where the time of a one-message `check` goes (System.nanoTime probes, quiet machine): JVM start with the AOT \
            cache ~40 ms, the command line ~15 ms, configuration ~8 ms, reading and tokenizing the message ~20 ms, reading \
            its tokens' counts ~8 ms, scoring and output ~8 ms. What took it there: the counts are read from `data.mdb` \
            in Java (`LmdbFileReader`), which spares the native binding's ~100 ms of method-handle linking, page by page \
            with positional reads rather than `FileChannel.map` (whose reflective buffer constructor costs a cold JVM \
            ~15 ms); the root, \
            `check` and `pass` build their picocli models in code (`CodedSubcommand`), because reading annotations costs \
            a cold JVM ~40 ms (annotation proxies are generated at run time); configuration defaults are converted on \
            first use (~17 ms); and `check`/`pass` get an AOT cache trained on them alone (the JVM preloads every class of \
            its cache: ~2,000 classes instead of ~3,000, ~30 ms). Tried without gain: warming the tokenizer up on a \
            second thread while the command line is built (the threads contend inside the JVM; 10-20 ms slower), lower \
            C1 compile thresholds.

            """;

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** How the defaults were chosen (measured with ToeSweep, in-memory TOE, several seeds; not re-run here). */
    static final String CHOICES = """
            ### How the defaults were chosen

            With `ToeSweep` (same TOE procedure, in-memory store, each message tokenized once, 10 seeds per setting;
            `FEATURES=... S=... MD=... MAX=... CUTS=... java -cp spamward-bench/target/benchmarks.jar dev.spamward.bench.bayes.ToeSweep
            .cache/toe SEEDS [case|pairs|both|min2|min4]`; add `DIAG=1` to list the messages each setting gets wrong):
            Robinson/Fisher chi-square with s = 1, x = 0.5, min_dev = 0.25, at most 150 tokens is best on TOE; bogofilter's own
            parameters (s = 0.0178, x = 0.52, min_dev = 0.375) on our tokens 0.975; naive Bayes log-odds with a symmetric rule
            0.976. The message-shape token families (Message-ID/Date shapes, header field order, count buckets, header host
            domains, sender-domain alignment; `MessageShape.java`) raised the 10-seed mean from 0.9785 to 0.9824 at cut-off 0.8
            (0.9818 → 0.9848 at 0.5); a relay family (HELO vs reverse DNS, dynamic names, /16) added nothing and was dropped.
            Also tried without gain: counting ham twice (Graham; FP 2 but FN 78 at hw = 2), re-learning a message until it is
            classified with a margin ("thick threshold"), ignoring tokens seen fewer than 2–3 times, case folding vs keeping case
            vs both (±0.004, the seed-to-seed noise; folding gives the smallest database), adjacent word pairs, HTML tag tokens.
            Nor did a stronger prior (s = 2, 3, 5: 0.977–0.983), refusing "spam" when the chi-square ham tail is also significant (`ToeTwoTail`)
            (FN 19.6, FP 4.9), or a second, discriminative model: logistic regression over the same tokens, refitted on the
            learned messages after each learn and averaged with chi-square, gave 0.9870 (FN 8.6, FP 7.0, 5 seeds) against 0.9852,
            with the same hard-ham false positives, too little for a second kind of store (`ToeLogisticMix`).
            TOE learns only 75–95 messages per class; the errors left are the same few messages on every seed: 4–5 hard-ham
            newsletters from senders never seen in training (Netscape, Motley Fool, GlobalSCAPE, Espial) and spam sent through
            the same mailing lists as the ham. Trained on half of the corpus instead (`KFoldDiag`, `GRID=1`, `BUDGET=15000` for the falling limit), 150 tokens let
            many weakly hammy list-header tokens outvote the spam (FN 83 of 948 at 0.5); combining only ~27 tokens there
            halves the misses (FN 43, FP 7 of 2,075) while TOE needs the 150. So the token limit falls with training:
            `token_budget / messages learned in the smaller class`, kept within 27..150 (`bayes.token_budget` = 15000,
            `bayes.min_tokens`, `bayes.max_tokens`); it changes nothing in TOE and cuts the half-corpus errors from 93 to 50.
            The spam cut-off is 0.5: in TOE 0.8 trades about one FP for two FN (10 seeds: 0.9848 at 0.5, 0.9824 at 0.8), and
            after full training 0.8 misses twice the spam (FN 94 vs 43) for 5 fewer FP; with `bayes.unsure` raise it (0.9).

            """;

    // ---- targets ----------------------------------------------------------------------------------

    private void targets() {
        md.append("### Against the targets of issue 3\n\n| Target | Measured | Met |\n|---|---|---|\n");
        row("TOE accuracy ≥ 0.985 with FP ≤ 0.5 % of test ham", String.format(Locale.ROOT, "mean accuracy %.4f, mean FP %.2f %%", toeAccuracy, toeFpPercent),
                toeAccuracy >= 0.985 && toeFpPercent <= 0.5);
        row("batch classification ≥ 2× `bogofilter -B`", String.format(Locale.ROOT,
                "`check --batch` %.2f× wall (%.2f× per CPU-second), in-process one thread %.2f×", batchRatio, batchCpuRatio, inProcessRatio),
                batchRatio >= 2);
        row("learning ≥ 300 messages/s on one core", String.format(Locale.ROOT, "%.0f per CPU-second (%.0f/s wall on the shared machine)", learnCpuRate, learnWallRate),
                learnCpuRate >= 300);
        row("`spamward check` ≤ 150 ms median with the AOT cache", String.format(Locale.ROOT, "%.0f ms (`spamward version` alone: %.0f ms)", checkMedianMs, versionMedianMs),
                checkMedianMs <= 150);
        md.append(String.format(Locale.ROOT, "| token database ≤ 2× bogofilter's | %.2f× after 800 messages as learned (%.2f× both dumped and reloaded), "
                + "%.2f× after the whole corpus | %s |%n", dbRatio, dbRatioReloaded, dbRatioAll,
                dbRatio <= 2 && dbRatioAll <= 2 ? "yes" : dbRatioAll <= 2 || dbRatio <= 2 ? "**partly**" : "**no**"));
        md.append('\n');
    }

    private void row(String target, String measured, boolean met) {
        md.append("| ").append(target).append(" | ").append(measured).append(" | ").append(measured.contains("NaN") ? "not measured" : met ? "yes" : "**no**").append(" |\n");
    }

    // ---- k-fold ------------------------------------------------------------------------------------

    private void kfold() throws Exception {
        List<Path> ham = group("easy-ham-1", "easy-ham-2", "hard-ham-1");
        List<Path> spam = group("spam-1", "spam-2");
        Collections.shuffle(ham, new Random(20240603));
        Collections.shuffle(spam, new Random(20240604));
        md.append("### ").append(folds).append("-fold cross-validation over the whole corpus\n\n")
                .append(String.format(Locale.ROOT, "%d ham + %d spam, shuffled (seeded), fold i = every %d-th message; each fold trains on the other folds ",
                        ham.size(), spam.size(), folds))
                .append("(every message learned) and tests on its own. Spamward in-process; bogofilter in bulk mode ")
                .append("(`-s -B`, `-n -B`, then `-t -B`; unsure = ham); spamprobe with all files on one command line ")
                .append("(`good`/`spam`, then `score`).\n\n")
                .append("| Filter | FN (of ").append(spam.size()).append(" spam) | FP (of ").append(ham.size())
                .append(" ham) | accuracy | sensi | speci | time_s |\n|---|---:|---:|---:|---:|---:|---:|\n");
        List<String> filters = new ArrayList<>(List.of("spamward"));
        filters.addAll(peers.stream().filter(p -> !p.equals("bsfilter")).toList());
        for (String f : filters) {
            int fn = 0, fp = 0;
            long t0 = System.nanoTime();
            for (int k = 0; k < folds; k++) {
                List<Path> trH = fold(ham, k, false), trS = fold(spam, k, false), teH = fold(ham, k, true), teS = fold(spam, k, true);
                int[] e = switch (f) {
                    case "spamward" -> foldSpamward(k, trH, trS, teH, teS);
                    case "bogofilter" -> foldBogofilter(k, trH, trS, teH, teS);
                    case "spamprobe" -> foldSpamprobe(k, trH, trS, teH, teS);
                    default -> throw new IllegalArgumentException(f);
                };
                fn += e[0];
                fp += e[1];
                System.err.printf("bench: %d-fold %s fold %d: FN %d FP %d%n", folds, f, k, e[0], e[1]);
            }
            double s = secs(t0);
            int n = ham.size() + spam.size();
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.4f | %.4f | %.4f | %.0f |%n", f, fn, fp, 1 - (double) (fn + fp) / n,
                    1 - (double) fn / spam.size(), 1 - (double) fp / ham.size(), s));
        }
        md.append('\n');
    }

    private List<Path> group(String... groups) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String g : groups) {
            try (Stream<Path> s = Files.list(corpus.resolve(g))) {
                s.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    private List<Path> fold(List<Path> all, int k, boolean testSet) {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) if ((i % folds == k) == testSet) out.add(all.get(i));
        return out;
    }

    private int[] foldSpamward(int k, List<Path> trH, List<Path> trS, List<Path> teH, List<Path> teS) throws Exception {
        try (SpamwardToe sw = new SpamwardToe(work.resolve("kfold-spamward-" + k), cutoff())) {
            for (int i = 0; i < Math.max(trH.size(), trS.size()); i++) {
                if (i < trS.size()) sw.learn(trS.get(i), Label.SPAM);
                if (i < trH.size()) sw.learn(trH.get(i), Label.HAM);
            }
            int fn = 0, fp = 0;
            for (Path p : teS) if (!sw.isSpam(p)) fn++;
            for (Path p : teH) if (sw.isSpam(p)) fp++;
            return new int[] {fn, fp};
        }
    }

    private int[] foldBogofilter(int k, List<Path> trH, List<Path> trS, List<Path> teH, List<Path> teS) throws Exception {
        Path db = Files.createDirectories(work.resolve("kfold-bogofilter-" + k));
        bulk(List.of("bogofilter", "-d", db.toString(), "-s", "-B"), trS);
        bulk(List.of("bogofilter", "-d", db.toString(), "-n", "-B"), trH);
        long fn = bulk(List.of("bogofilter", "-d", db.toString(), "-t", "-B"), teS).lines().filter(l -> !l.startsWith("S")).count();
        long fp = bulk(List.of("bogofilter", "-d", db.toString(), "-t", "-B"), teH).lines().filter(l -> l.startsWith("S")).count();
        return new int[] {(int) fn, (int) fp};
    }

    private int[] foldSpamprobe(int k, List<Path> trH, List<Path> trS, List<Path> teH, List<Path> teS) throws Exception {
        Path db = Files.createDirectories(work.resolve("kfold-spamprobe-" + k));
        bulk(List.of("spamprobe", "-d", db.toString(), "-c", "spam"), trS);
        bulk(List.of("spamprobe", "-d", db.toString(), "good"), trH);
        String s = bulk(List.of("spamprobe", "-d", db.toString(), "score"), teS);
        String h = bulk(List.of("spamprobe", "-d", db.toString(), "score"), teH);
        if (s.lines().count() != teS.size() || h.lines().count() != teH.size()) {
            System.err.println("bench: spamprobe printed " + s.lines().count() + "/" + teS.size() + " and " + h.lines().count() + "/" + teH.size() + " lines");
        }
        return new int[] {(int) s.lines().filter(l -> !l.startsWith("SPAM")).count(), (int) h.lines().filter(l -> l.startsWith("SPAM")).count()};
    }

    // ---- output ------------------------------------------------------------------------------------

    private void writeSection(Path out) throws IOException {
        String section = md.toString();
        String doc = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "# Spamward benchmarks\n\n";
        int start = doc.indexOf("\n## Bayes\n");
        if (start < 0 && doc.startsWith("## Bayes\n")) start = -1;
        if (doc.contains("## Bayes\n")) {
            int s = doc.startsWith("## Bayes\n") ? 0 : start + 1;
            int next = doc.indexOf("\n## ", s + 3);
            doc = doc.substring(0, s) + section + (next < 0 ? "" : doc.substring(next + 1));
        } else {
            doc = doc.endsWith("\n\n") ? doc + section : doc + "\n" + section;
        }
        Files.writeString(out, doc, StandardCharsets.UTF_8);
    }
}
