package dev.spamward.bench.mime;

import dev.spamward.bench.Corpus;
import dev.spamward.mime.MailParser;
import dev.spamward.mime.MimePart;
import dev.spamward.mime.ParsedMessage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * Mail parser throughput on one thread over the whole corpus, reported both as wall time and as the
 * thread's CPU time. CPU time stays meaningful on a shared, loaded machine, where JMH's wall-clock
 * figures swing widely; run JMH ({@link MimeParseBenchmark}) when the machine is quiet.
 *
 * <p>{@code java -cp spamward-bench/target/benchmarks.jar dev.spamward.bench.mime.MimeThroughput [rounds]}
 */
public final class MimeThroughput {

    private MimeThroughput() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        List<byte[]> messages = Corpus.messages();
        long bytes = messages.stream().mapToLong(m -> m.length).sum();
        System.out.printf("corpus: %d messages, %.2f MB; %d rounds, last third reported%n", messages.size(), bytes / 1e6, rounds);
        MailParser parser = new MailParser();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] cpuParse = new double[rounds];
        double[] cpuFull = new double[rounds];
        double[] wallParse = new double[rounds];
        long sink = 0;
        for (int r = 0; r < rounds; r++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            for (byte[] m : messages) sink += parser.parse(m).parts().size();
            long w1 = System.nanoTime();
            long c1 = mx.getCurrentThreadCpuTime();
            for (byte[] m : messages) {
                ParsedMessage p = parser.parse(m);
                for (MimePart t : p.textParts()) {
                    sink += t.visibleText().length() + t.urls().size();
                }
            }
            long c2 = mx.getCurrentThreadCpuTime();
            cpuParse[r] = (c1 - c0) / 1e9;
            cpuFull[r] = (c2 - c1) / 1e9;
            wallParse[r] = (w1 - w0) / 1e9;
        }
        int from = rounds - Math.max(1, rounds / 3);
        System.out.printf("parse+decode:              %6.1f MB/s CPU (median), %6.1f MB/s wall%n",
                bytes / 1e6 / median(cpuParse, from), bytes / 1e6 / median(wallParse, from));
        System.out.printf("parse+decode+HTML text+URLs: %6.1f MB/s CPU (median)%n", bytes / 1e6 / median(cpuFull, from));
        if (sink == 42) System.out.println();
    }

    private static double median(double[] v, int from) {
        double[] s = java.util.Arrays.copyOfRange(v, from, v.length);
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }
}
