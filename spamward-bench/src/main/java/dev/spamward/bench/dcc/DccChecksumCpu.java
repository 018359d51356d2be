package dev.spamward.bench.dcc;

import dev.spamward.dcc.checksum.DccChecksummer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * DCC checksums per CPU-second of one thread: on a shared, loaded machine the thread's CPU time is the
 * comparable figure (JMH's wall-clock score then mostly measures the other tenants).
 *
 * <p>{@code java -cp spamward-bench/target/benchmarks.jar dev.spamward.bench.dcc.DccChecksumCpu [DIR] [ROUNDS]}
 */
public final class DccChecksumCpu {
    private DccChecksumCpu() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "spamward-dcc/src/test/resources/dev/spamward/dcc/vectors/messages");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        List<byte[]> msgs = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) msgs.add(Files.readAllBytes(p));
        }
        long bytes = msgs.stream().mapToLong(m -> m.length).sum();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int sink = 0;
        for (int r = 0; r < rounds / 2; r++) for (byte[] m : msgs) sink += DccChecksummer.compute(m).checksums().size();
        long cpu0 = mx.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        for (int r = 0; r < rounds; r++) for (byte[] m : msgs) sink += DccChecksummer.compute(m).checksums().size();
        double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
        double wall = (System.nanoTime() - wall0) / 1e9;
        long n = (long) rounds * msgs.size();
        System.out.printf("messages %d (%d files, %.1f KB average), CPU %.2f s, wall %.2f s%n", n, msgs.size(),
                bytes / 1024.0 / msgs.size(), cpu, wall);
        System.out.printf("%.0f messages per CPU-second, %.1f MB per CPU-second (sink %d)%n", n / cpu,
                n * (double) bytes / msgs.size() / cpu / 1e6, sink);
    }
}
