package dev.spamward.bench.bayes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a command several times under GNU {@code /usr/bin/time} and keeps the medians of wall-clock time and of
 * user + system CPU time (the CPU time is what an otherwise idle machine would need; the machine running the
 * benchmark is often shared), and the 1-minute load average seen before the runs.
 *
 * @param wallS median wall-clock seconds
 * @param cpuS median user + system CPU seconds, NaN without /usr/bin/time
 * @param load 1-minute load average before the first run
 * @param lines standard output lines of the last run
 */
record TimedRun(double wallS, double cpuS, double load, long lines) {
    private static final Path TIME = Path.of("/usr/bin/time");

    static TimedRun median(List<String> cmd, int repeats) throws Exception {
        double load = loadAverage();
        double[] wall = new double[repeats];
        double[] cpu = new double[repeats];
        long lines = 0;
        Path report = Files.createTempFile("spamward-bench-time", ".txt");
        try {
            for (int i = 0; i < repeats; i++) {
                List<String> c = new ArrayList<>();
                boolean timed = Files.isExecutable(TIME);
                if (timed) c.addAll(List.of(TIME.toString(), "-f", "%e %U %S", "-o", report.toString()));
                c.addAll(cmd);
                long t0 = System.nanoTime();
                PeerToe.Run r = PeerToe.run(c);
                wall[i] = (System.nanoTime() - t0) / 1e9;
                lines = r.out().lines().count();
                cpu[i] = Double.NaN;
                if (timed) {
                    String[] f = Files.readString(report).strip().lines().reduce((a, b) -> b).orElse("").split(" ");
                    if (f.length == 3) cpu[i] = Double.parseDouble(f[1]) + Double.parseDouble(f[2]);
                }
            }
        } finally {
            Files.deleteIfExists(report);
        }
        return new TimedRun(median(wall), median(cpu), load, lines);
    }

    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
