package dev.spamward.bench.greylist;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

/**
 * Postfix-policy load generator: {@code connections} persistent TCP connections, each sending requests one
 * after the other (as Postfix's smtpd does), every request a new triplet so every answer takes the
 * first-sight (greylist) path. Records each request's latency.
 */
final class PolicyLoad {

    /** Outcome of one run. */
    record Result(long requests, double seconds, double p50Millis, double p99Millis, double maxMillis,
                  Map<String, Long> actions, long failures) {
        double perSecond() {
            return requests / seconds;
        }
    }

    private PolicyLoad() {
    }

    /** Runs for {@code seconds}; {@code tag} keeps triplets of different runs apart. */
    static Result run(InetSocketAddress server, int connections, double seconds, String tag) throws InterruptedException {
        long[][] lat = new long[connections][];
        int[] counts = new int[connections];
        java.util.List<Map<String, Long>> actions = new java.util.ArrayList<>(java.util.Collections.nCopies(connections, Map.of()));
        long[] failures = new long[connections];
        CountDownLatch start = new CountDownLatch(1);
        long[] deadlineHolder = new long[1];
        Thread[] ts = new Thread[connections];
        for (int c = 0; c < connections; c++) {
            int id = c;
            ts[c] = Thread.ofPlatform().start(() -> {
                long[] l = new long[1 << 16];
                int n = 0;
                Map<String, Long> acts = new TreeMap<>();
                byte[] buf = new byte[8192];
                try (Socket s = new Socket()) {
                    s.connect(server, 5000);
                    s.setTcpNoDelay(true);
                    s.setSoTimeout(30_000);
                    InputStream in = s.getInputStream();
                    OutputStream out = s.getOutputStream();
                    start.await();
                    long deadline = deadlineHolder[0];
                    int i = 0;
                    StringBuilder sb = new StringBuilder(512);
                    byte[] req = new byte[1024];
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= deadline) break;
                        sb.setLength(0);
                        append(sb, id, i++, tag);
                        int rl = sb.length();
                        for (int k = 0; k < rl; k++) req[k] = (byte) sb.charAt(k);
                        out.write(req, 0, rl);
                        int len = 0;
                        while (true) {
                            int r = in.read(buf, len, buf.length - len);
                            if (r < 0) throw new IOException("server closed the connection");
                            len += r;
                            if (len >= 2 && buf[len - 1] == '\n' && buf[len - 2] == '\n') break;
                            if (len == buf.length) throw new IOException("answer too long");
                        }
                        long dt = System.nanoTime() - t0;
                        if (n == l.length) l = Arrays.copyOf(l, l.length * 2);
                        l[n++] = dt;
                        int sp = 0;
                        while (sp < len && buf[sp] != ' ' && buf[sp] != '\n') sp++;
                        acts.merge(new String(buf, 0, sp, StandardCharsets.US_ASCII), 1L, Long::sum);
                    }
                } catch (IOException | InterruptedException e) {
                    failures[id]++;
                    System.err.println("connection " + id + ": " + e);
                }
                lat[id] = l;
                counts[id] = n;
                synchronized (actions) {
                    actions.set(id, acts);
                }
            });
        }
        long t0 = System.nanoTime();
        deadlineHolder[0] = t0 + (long) (seconds * 1e9);
        start.countDown();
        for (Thread t : ts) t.join();
        double elapsed = (System.nanoTime() - t0) / 1e9;
        int total = 0;
        for (int n : counts) total += n;
        long[] all = new long[total];
        int k = 0;
        Map<String, Long> acts = new TreeMap<>();
        long fails = 0;
        for (int c = 0; c < connections; c++) {
            System.arraycopy(lat[c], 0, all, k, counts[c]);
            k += counts[c];
            actions.get(c).forEach((a, v) -> acts.merge(a, v, Long::sum));
            fails += failures[c];
        }
        Arrays.sort(all);
        return new Result(total, elapsed, pct(all, 0.50), pct(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6,
                acts, fails);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }

    /**
     * The request policy_bench.py sends, with a new triplet per (connection, i), appended to a reused
     * builder so that the load generator itself allocates little (it shares the CPU with the server).
     */
    static void append(StringBuilder sb, int c, int i, String tag) {
        sb.append("request=smtpd_access_policy\nprotocol_state=RCPT\nprotocol_name=ESMTP\nclient_address=198.")
                .append(18 + (c & 1)).append('.').append((i >> 8) & 255).append('.').append(i & 255)
                .append("\nclient_name=unknown\nhelo_name=h").append(c).append(".example\nsender=s").append(i).append('@')
                .append(tag).append(".example\nrecipient=r").append(c).append('_').append(i).append("@example.org\ninstance=")
                .append(c).append('.').append(i).append("\n\n");
    }
}
