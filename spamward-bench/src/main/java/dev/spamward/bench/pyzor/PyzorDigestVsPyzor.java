package dev.spamward.bench.pyzor;

import dev.spamward.pyzor.digest.PyzorDigester;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Side-by-side digest throughput on the same messages and the same machine: Spamward in-process (one
 * thread), pyzor's own DataDigester in one Python process, and {@code pyzor digest} run once per message
 * (how a filter calls it), checking on the way that every digest agrees.
 *
 * <p>Run from the repository root: {@code java -cp spamward-bench/target/benchmarks.jar
 * dev.spamward.bench.pyzor.PyzorDigestVsPyzor [seconds] [processRuns]}.
 */
public final class PyzorDigestVsPyzor {
    private PyzorDigestVsPyzor() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        int processRuns = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        List<Path> files = Corpus.files(Corpus.DEFAULT_DIR);
        List<byte[]> corpus = Corpus.load(Corpus.DEFAULT_DIR);
        long bytes = corpus.stream().mapToLong(m -> m.length).sum();

        // Java in-process: warm up, then count whole passes for the given time.
        String[] ours = new String[corpus.size()];
        for (int w = 0; w < 20; w++) for (int i = 0; i < corpus.size(); i++) ours[i] = PyzorDigester.digest(corpus.get(i));
        long n = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            for (byte[] m : corpus) PyzorDigester.digest(m);
            n += corpus.size();
        }
        double javaRate = n / ((System.nanoTime() - start) / 1e9);

        // pyzor's DataDigester in one Python process (the algorithm without process start-up).
        String script = """
                import email, sys, time, pyzor.digest
                msgs = [open(f, 'rb').read() for f in sys.argv[2:]]
                out = [pyzor.digest.DataDigester(email.message_from_bytes(m)).value for m in msgs]
                t = time.perf_counter(); n = 0
                while time.perf_counter() - t < float(sys.argv[1]):
                    for m in msgs: pyzor.digest.DataDigester(email.message_from_bytes(m))
                    n += len(msgs)
                print(n / (time.perf_counter() - t)); print(' '.join(out))
                """;
        Path py = Files.createTempFile("pyzor-bench", ".py");
        Files.writeString(py, script);
        List<String> cmd = new java.util.ArrayList<>(List.of("/usr/bin/python3", py.toString(), Double.toString(seconds)));
        files.forEach(f -> cmd.add(f.toString()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
        if (p.waitFor() != 0) throw new IOException("python3 failed");
        Files.delete(py);
        double pythonRate = Double.parseDouble(lines.get(0));
        String[] theirs = lines.get(1).split(" ");
        int agree = 0;
        for (int i = 0; i < ours.length; i++) if (ours[i].equals(theirs[i])) agree++;

        // `pyzor digest < message`, one process per message, as a filter would run it.
        int runs = Math.min(processRuns, files.size());
        long t0 = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            Process d = new ProcessBuilder("/usr/bin/pyzor", "digest").redirectInput(files.get(i).toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String digest = new String(d.getInputStream().readAllBytes()).strip();
            if (d.waitFor() != 0 || !digest.equals(ours[i])) throw new IOException("pyzor digest disagrees on " + files.get(i));
        }
        double processRate = runs / ((System.nanoTime() - t0) / 1e9);

        System.out.printf(Locale.ROOT, "corpus: %d messages, %.1f MB; digests equal to pyzor: %d/%d%n",
                corpus.size(), bytes / 1e6, agree, ours.length);
        System.out.printf(Locale.ROOT, "spamward in-process (1 thread)      %10.0f digests/s  %7.1f MB/s%n", javaRate, javaRate * bytes / corpus.size() / 1e6);
        System.out.printf(Locale.ROOT, "pyzor DataDigester in-process       %10.0f digests/s  (%.1fx slower)%n", pythonRate, javaRate / pythonRate);
        System.out.printf(Locale.ROOT, "`pyzor digest` per message (%d runs) %9.1f digests/s  (%.0fx slower)%n", runs, processRate, javaRate / processRate);
    }
}
