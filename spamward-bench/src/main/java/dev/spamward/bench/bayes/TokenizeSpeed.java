package dev.spamward.bench.bayes;

import dev.spamward.bayes.tokenize.Tokenizer;
import dev.spamward.mime.MailParser;
import dev.spamward.mime.MimePart;
import dev.spamward.mime.ParsedMessage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Development tool: time parsing and tokenizing the TOE test messages (thread CPU time, steadier than wall
 * time on a shared machine), then print the median of the rounds
 * after the first (warm-up). Usage: TokenizeSpeed BASE [ROUNDS (default 3)]
 */
public final class TokenizeSpeed {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private TokenizeSpeed() {
    }

    public static void main(String[] args) throws Exception {
        List<byte[]> msgs = new ArrayList<>();
        for (String d : List.of("test/ham", "test/spam")) for (Path p : Toe.list(Path.of(args[0]).resolve(d))) msgs.add(Files.readAllBytes(p));
        MailParser parser = new MailParser();
        Tokenizer tk = new Tokenizer();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        double[][] ms = new double[4][rounds];
        for (int round = 0; round < rounds; round++) {
            long t0 = CPU.getCurrentThreadCpuTime();
            for (byte[] m : msgs) parser.parse(m);
            long t1 = CPU.getCurrentThreadCpuTime();
            for (byte[] m : msgs) {
                ParsedMessage pm = parser.parse(m);
                for (MimePart p : pm.textParts()) p.visibleText();
            }
            long t2 = CPU.getCurrentThreadCpuTime();
            long tokens = 0;
            for (byte[] m : msgs) tokens += tk.tokenize(m).all().size();
            long t3 = CPU.getCurrentThreadCpuTime();
            long distinct = 0;
            for (byte[] m : msgs) distinct += tk.tokenize(m).distinct().size();
            long t4 = CPU.getCurrentThreadCpuTime();
            ms[0][round] = (t1 - t0) / 1e6 / msgs.size();
            ms[1][round] = (t2 - t1) / 1e6 / msgs.size();
            ms[2][round] = (t3 - t2) / 1e6 / msgs.size();
            ms[3][round] = (t4 - t3) / 1e6 / msgs.size();
            System.out.printf("round %d: parse %.2f ms/msg, parse+visibleText %.2f, tokenize %.2f, tokenize+distinct %.2f (%d tokens, %d distinct/msg)%n",
                    round, ms[0][round], ms[1][round], ms[2][round], ms[3][round], tokens / msgs.size(), distinct / msgs.size());
        }
        if (rounds > 2) {
            System.out.printf("median of rounds 1..%d: parse %.3f ms/msg, parse+visibleText %.3f, tokenize %.3f, tokenize+distinct %.3f%n",
                    rounds - 1, median(ms[0]), median(ms[1]), median(ms[2]), median(ms[3]));
        }
    }

    private static double median(double[] all) {
        double[] v = Arrays.copyOfRange(all, 1, all.length);
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
