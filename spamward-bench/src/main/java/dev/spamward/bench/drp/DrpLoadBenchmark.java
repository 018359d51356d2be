package dev.spamward.bench.drp;

import dev.spamward.core.config.Config;
import dev.spamward.core.config.ConfigLoader;
import dev.spamward.core.config.ConfigSchema;
import dev.spamward.core.config.CoreSettings;
import dev.spamward.drp.DrpMetrics;
import dev.spamward.drp.DrpOptions;
import dev.spamward.drp.DrpService;
import dev.spamward.drp.DrpSettings;
import dev.spamward.drp.backend.Backends;
import dev.spamward.drp.backend.DccBackend;
import dev.spamward.drp.backend.DccVerdict;
import dev.spamward.drp.backend.PyzorBackend;
import dev.spamward.drp.backend.PyzorCounts;
import dev.spamward.drp.backend.RazorBackend;
import dev.spamward.drp.dispatch.Network;
import dev.spamward.drp.http.ServerTuning;
import dev.spamward.server.HttpEndpoint;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * End-to-end load generator for the DRP HTTP service: the real {@link HttpEndpoint} with the DRP routes
 * and in-process backends, driven by keep-alive clients over 127.0.0.1.
 *
 * <ul>
 *   <li>{@code cached}: every client repeats {@code /check} of messages already cached: throughput and
 *       latency percentiles of the cache path (auth, length, slot, read, SHA-256, L1, answer).</li>
 *   <li>{@code uncached}: the cache is off and each backend sleeps {@code --delay-ms}: latency minus the
 *       slowest backend is what the service adds to an uncached request.</li>
 *   <li>{@code real}: the cache is off and the real client adapters ask the DCC and Razor test servers and
 *       a real pyzord on 127.0.0.1 ({@link RealBackends}; needs Debian's pyzor).</li>
 * </ul>
 *
 * <p>Usage: {@code java -cp spamward-bench/target/benchmarks.jar dev.spamward.bench.drp.DrpLoadBenchmark
 * [--mode cached|uncached|real] [--clients 64] [--seconds 10] [--warmup 3] [--delay-ms 20] [--messages 100]
 * [--size 4096]}
 */
public final class DrpLoadBenchmark {
    private static final String TOKEN = "bench-token";

    private DrpLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = parse(args);
        String mode = a.getOrDefault("mode", "cached");
        int clients = Integer.parseInt(a.getOrDefault("clients", mode.equals("cached") ? "64" : "8"));
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "10"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "3"));
        long delayMs = Long.parseLong(a.getOrDefault("delay-ms", "20"));
        int messages = Integer.parseInt(a.getOrDefault("messages", "100"));
        int size = Integer.parseInt(a.getOrDefault("size", "4096"));
        boolean cached = mode.equals("cached");

        Config config = new ConfigLoader(ConfigSchema.of(new CoreSettings(), new DrpSettings())).load(null, Map.of(),
                List.of("drp.token=" + TOKEN, "drp.max_concurrent=" + Math.max(8, clients),
                        "drp.cache_ttl=" + (cached ? "1h" : "0")));
        DrpOptions options = DrpOptions.from(config, System.err::println);
        ServerTuning.apply(options.backendTimeout());
        Duration delay = cached ? Duration.ZERO : Duration.ofMillis(delayMs);
        boolean real = mode.equals("real");
        DrpMetrics metrics = new DrpMetrics(new PrometheusRegistry());
        try (RealBackends stack = real ? new RealBackends() : null;
             DrpService service = new DrpService(options, real ? stack.backends : backends(delay), metrics);
             HttpEndpoint http = new HttpEndpoint(new InetSocketAddress("127.0.0.1", 0))) {
            service.routes().forEach((path, h) -> http.route("POST", path, h));
            http.start();
            InetSocketAddress addr = http.address();
            byte[][] requests = new byte[messages][];
            for (int i = 0; i < messages; i++) {
                requests[i] = KeepAliveClient.request("/check", TOKEN, message(i, size));
            }
            if (cached) {
                try (KeepAliveClient c = new KeepAliveClient(addr, false)) {
                    for (byte[] r : requests) c.exchange(r); // fill the cache
                }
            }
            System.out.printf("DRP HTTP %s: %d keep-alive clients, %d messages of %d bytes, %s%n", mode, clients,
                    messages, size, cached ? "cache warm" : real ? "cache off, real clients, DCC/Razor test servers and pyzord"
                            : "cache off, each backend sleeps " + delayMs + " ms");
            run(addr, requests, clients, warmup, !cached);
            Result r = run(addr, requests, clients, seconds, !cached);
            System.out.printf("requests %d in %.1f s: %.0f requests/s; errors %d; cache-header answers %.1f%%%n",
                    r.count, r.seconds, r.count / r.seconds, r.errors, 100.0 * r.cacheHeaders / Math.max(1, r.count));
            System.out.printf("latency ms: p50 %.3f  p90 %.3f  p99 %.3f  p99.9 %.3f  max %.3f%n",
                    r.pct(50), r.pct(90), r.pct(99), r.pct(99.9), r.pct(100));
            if (!cached) {
                // Per request: client-side latency minus the slowest network's time as the service measured it.
                System.out.printf("added over the slowest backend ms: p50 %.3f  p90 %.3f  p99 %.3f  max %.3f%n",
                        Result.pct(r.overhead, 50), Result.pct(r.overhead, 90), Result.pct(r.overhead, 99),
                        Result.pct(r.overhead, 100));
            }
            System.out.printf("backend errors (warm-up included): dcc %.0f, razor %.0f, pyzor %.0f%n",
                    metrics.backendErrors(Network.DCC), metrics.backendErrors(Network.RAZOR),
                    metrics.backendErrors(Network.PYZOR));
            System.gc();
            var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            System.out.printf("JVM (server and load generator together): heap used after GC %.1f MiB, RSS %s%n",
                    heap.getUsed() / 1048576.0, rss());
        }
    }

    private record Result(long count, long errors, long cacheHeaders, double seconds, long[] nanos, long[] overhead) {
        double pct(double p) {
            return pct(nanos, p);
        }

        static double pct(long[] sorted, double p) {
            if (sorted.length == 0) return Double.NaN;
            int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
            return sorted[Math.max(0, i)] / 1e6;
        }
    }

    private static Result run(InetSocketAddress addr, byte[][] requests, int clients, int seconds, boolean overhead)
            throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<long[][]>> futures = new ArrayList<>();
        long[] errors = new long[clients];
        long[] headers = new long[clients];
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                int id = c;
                futures.add(pool.submit(() -> {
                    long[] lat = new long[1 << 16];
                    long[] over = new long[overhead ? 1 << 12 : 0];
                    int n = 0;
                    int next = id;
                    KeepAliveClient client = new KeepAliveClient(addr, overhead);
                    try {
                        while (!stop.get()) {
                            byte[] req = requests[next++ % requests.length];
                            long s = System.nanoTime();
                            int status;
                            try {
                                status = client.exchange(req);
                            } catch (IOException e) {
                                errors[id]++;
                                client.close();
                                client = new KeepAliveClient(addr, overhead);
                                continue;
                            }
                            long took = System.nanoTime() - s;
                            if (status % 1000 != 200) errors[id]++;
                            if (status >= 1000) headers[id]++;
                            if (n == lat.length) {
                                lat = Arrays.copyOf(lat, n * 2);
                                if (overhead) over = Arrays.copyOf(over, n * 2);
                            }
                            if (overhead) over[n] = took - (long) (client.slowestBackendMillis() * 1e6);
                            lat[n++] = took;
                        }
                    } finally {
                        client.close();
                    }
                    return new long[][] {Arrays.copyOf(lat, n), Arrays.copyOf(over, overhead ? n : 0)};
                }));
            }
            Thread.sleep(seconds * 1000L);
            stop.set(true);
            List<long[]> lats = new ArrayList<>();
            List<long[]> overs = new ArrayList<>();
            for (Future<long[][]> f : futures) {
                long[][] l = f.get();
                lats.add(l[0]);
                overs.add(l[1]);
            }
            double elapsed = (System.nanoTime() - t0) / 1e9;
            long[] merged = merge(lats);
            return new Result(merged.length, Arrays.stream(errors).sum(), Arrays.stream(headers).sum(), elapsed, merged,
                    merge(overs));
        }
    }

    private static long[] merge(List<long[]> parts) {
        long[] all = parts.stream().flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(all);
        return all;
    }

    /** A plain message of about {@code size} bytes, different for each {@code i}. */
    static byte[] message(int i, int size) {
        StringBuilder b = new StringBuilder(size + 256);
        b.append("From: sender").append(i).append("@example.com\r\nTo: rcpt@example.org\r\nSubject: offer ")
                .append(i).append("\r\nMessage-ID: <").append(i).append("@bench>\r\n\r\n");
        while (b.length() < size) b.append("Cheap watches and more, line ").append(b.length()).append(".\r\n");
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Backends that answer after {@code delay} (all three concurrently, as the networks would). */
    private static Backends backends(Duration delay) {
        long ms = delay.toMillis();
        DccBackend dcc = new DccBackend() {
            @Override
            public DccVerdict check(byte[] m, Duration b) throws InterruptedException {
                pause(ms);
                return DccVerdict.reject(16_777_200);
            }

            @Override
            public boolean report(byte[] m, Duration b) throws InterruptedException {
                pause(ms);
                return true;
            }
        };
        RazorBackend razor = new RazorBackend() {
            @Override
            public boolean check(byte[] m, Duration b) throws InterruptedException {
                pause(ms);
                return true;
            }

            @Override
            public boolean report(byte[] m, Duration b) throws InterruptedException {
                pause(ms);
                return true;
            }

            @Override
            public boolean revoke(byte[] m, Duration b) throws InterruptedException {
                pause(ms);
                return true;
            }
        };
        PyzorBackend pyzor = new PyzorBackend() {
            @Override
            public PyzorCounts check(byte[] m, Duration b) throws InterruptedException {
                pause(ms);
                return new PyzorCounts(3, 0);
            }

            @Override
            public boolean report(byte[] m, Duration b) throws InterruptedException {
                pause(ms);
                return true;
            }

            @Override
            public boolean whitelist(byte[] m, Duration b) throws InterruptedException {
                pause(ms);
                return true;
            }
        };
        return new Backends(dcc, razor, pyzor);
    }

    private static void pause(long ms) throws InterruptedException {
        if (ms > 0) Thread.sleep(ms);
    }

    private static String rss() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmRSS:")) return l.substring(6).trim();
            }
        } catch (IOException e) {
            // not Linux
        }
        return "n/a";
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) throw new IllegalArgumentException("expected --name value, found " + args[i]);
            m.put(args[i].substring(2), args[i + 1]);
        }
        return m;
    }
}
