package dev.spamward.dcc.client;

import dev.spamward.core.config.Config;
import dev.spamward.core.metrics.Metrics;
import dev.spamward.dcc.checksum.Checksum;
import dev.spamward.dcc.checksum.DccChecksummer;
import dev.spamward.dcc.checksum.MessageChecksums;
import dev.spamward.dcc.proto.ClientIdentity;
import dev.spamward.dcc.proto.DccOp;
import dev.spamward.dcc.proto.DccProtocolException;
import dev.spamward.dcc.proto.DccReply;
import dev.spamward.dcc.proto.OpNums;
import dev.spamward.dcc.proto.Packets;
import dev.spamward.dcc.proto.ReplyParser;
import dev.spamward.dcc.proto.Targets;
import io.prometheus.metrics.core.metrics.Counter;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thread-safe DCC client: queries and reports over UDP to a list of servers.
 *
 * <p>Servers are tried one at a time, best measured round trip first (a server that did not answer goes
 * last); each gets up to {@code transmissions} sends of the same request ({@code r} kept, {@code t}
 * incremented, so a server counts a report once) with doubling waits, within its share of the total
 * {@code timeout}. Answers are checked ({@link ReplyParser}): length, echoed ids, signature with the
 * 32-byte password key. Malformed or foreign datagrams are ignored; the call never waits past the timeout.
 * Each call uses its own socket, so concurrent calls do not interfere.
 */
public final class DccClient {
    private static final Logger LOG = LoggerFactory.getLogger(DccClient.class);
    private static final Duration UNKNOWN_RTT = Duration.ofSeconds(1); // cdcc's default "RTT-1000 ms"
    private static final long MIN_WAIT_NANOS = 50_000_000L;
    private static final long RESOLVE_CACHE_NANOS = 30_000_000_000L;
    private static final ExecutorService RESOLVER = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("dcc-resolve-", 0).factory());

    private static final class MetricsHolder {
        static final Counter REQUESTS = Counter.builder().name("spamward_dcc_requests")
                .help("DCC queries and reports by outcome").labelNames("op", "outcome")
                .register(Metrics.registry());
    }

    /**
     * Everything the client needs.
     *
     * @param servers       servers, in preference order until round trips are measured
     * @param overrides     host name to address (DNS bypass)
     * @param identity      client id and password
     * @param timeout       total time for one call
     * @param transmissions sends per server
     * @param policy        verdict thresholds
     * @param reportTargets the count a report adds (before the spam flag)
     */
    public record Options(List<ServerAddress> servers, Map<String, InetAddress> overrides, ClientIdentity identity,
                          Duration timeout, int transmissions, VerdictPolicy policy, int reportTargets) {
        public Options {
            servers = List.copyOf(servers);
            overrides = Map.copyOf(overrides);
            if (servers.isEmpty()) throw new IllegalArgumentException("no DCC server configured");
            if (transmissions < 1) throw new IllegalArgumentException("transmissions < 1");
            if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive");
        }

        /** Options for these servers with defaults: anonymous, 5 s, 4 transmissions, reject at "many", 1 target. */
        public static Options of(List<ServerAddress> servers) {
            return new Options(servers, Map.of(), ClientIdentity.anonymous(), Duration.ofSeconds(5), 4,
                    VerdictPolicy.dccprocDefault(), 1);
        }

        public Options withIdentity(ClientIdentity id) {
            return new Options(servers, overrides, id, timeout, transmissions, policy, reportTargets);
        }

        public Options withTimeout(Duration t) {
            return new Options(servers, overrides, identity, t, transmissions, policy, reportTargets);
        }

        public Options withTransmissions(int n) {
            return new Options(servers, overrides, identity, timeout, n, policy, reportTargets);
        }

        public Options withPolicy(VerdictPolicy p) {
            return new Options(servers, overrides, identity, timeout, transmissions, p, reportTargets);
        }
    }

    /** What one server said to a NOP. */
    public record ServerInfo(ServerAddress server, long serverId, Duration roundTrip, int maxPktVersion,
                             int qdelayMs, String brand) {
    }

    /** Per-server measurements. */
    private static final class ServerState {
        final ServerAddress address;
        final int order;
        volatile long srttNanos = -1;
        volatile int failures;
        volatile InetAddress resolved;
        volatile long resolvedAt;

        ServerState(ServerAddress address, int order) {
            this.address = address;
            this.order = order;
        }

        long rankNanos() {
            long base = srttNanos >= 0 ? srttNanos : UNKNOWN_RTT.toNanos();
            return failures > 0 ? Long.MAX_VALUE / 2 + failures : base;
        }

        void answered(long rtt) {
            long s = srttNanos;
            srttNanos = s < 0 ? rtt : (7 * s + rtt) / 8;
            failures = 0;
        }
    }

    private final Options options;
    private final List<ServerState> servers = new ArrayList<>();
    private final int hostId;
    private final int processId;
    private final AtomicInteger reportId = new AtomicInteger();
    private final AtomicBoolean probed = new AtomicBoolean();

    public DccClient(Options options) {
        this.options = options;
        for (int i = 0; i < options.servers().size(); i++) servers.add(new ServerState(options.servers().get(i), i));
        SecureRandom rnd = new SecureRandom();
        this.hostId = rnd.nextInt();
        this.processId = rnd.nextInt();
        this.reportId.set(rnd.nextInt(1 << 20));
    }

    /** A client configured from the {@code dcc.*} keys. */
    public static DccClient fromConfig(Config config) {
        Map<String, InetAddress> overrides = new HashMap<>();
        for (String o : config.get(DccSettings.RESOLVE)) {
            int eq = o.indexOf('=');
            overrides.put(o.substring(0, eq).trim().toLowerCase(Locale.ROOT), ServerAddress.literal(o.substring(eq + 1).trim()));
        }
        return new DccClient(new Options(config.get(DccSettings.SERVERS), overrides, Credentials.resolve(config),
                config.get(DccSettings.TIMEOUT), config.get(DccSettings.TRANSMISSIONS),
                new VerdictPolicy(Math.max(1, config.get(DccSettings.REJECT_THRESHOLD))),
                config.get(DccSettings.REPORT_TARGETS)));
    }

    public Options options() {
        return options;
    }

    /** Asks how often the message's checksums were reported, without counting it. */
    public DccResult check(MessageChecksums sums) throws DccException {
        return call(DccOp.QUERY, 0, sums);
    }

    /**
     * Reports the message for {@code targets} recipients; {@code spam} sets the spam flag the way
     * {@code dccproc -t many} does ({@code tgts = 0x01000000 | targets}). {@code targets} "many"
     * ({@link Targets#TOO_MANY}) means one recipient with the spam flag, as in {@code dccproc}.
     */
    public DccResult report(MessageChecksums sums, int targets, boolean spam) throws DccException {
        if (targets < 1 || targets > Targets.TOO_MANY) throw new IllegalArgumentException("targets out of range: " + targets);
        if (targets == Targets.TOO_MANY) {
            // dccproc turns "-t many" into one recipient with the spam flag
            targets = 1;
            spam = true;
        }
        return call(DccOp.REPORT, spam ? Targets.SPAM | targets : targets, sums);
    }

    /**
     * Checksums a raw message and queries it (the HTTP service's path).
     *
     * @param envFrom  SMTP MAIL FROM, or {@code null}
     * @param clientIp SMTP client address, or {@code null}
     */
    public DccResult checkMessage(byte[] message, String envFrom, InetAddress clientIp) throws DccException {
        return check(DccChecksummer.compute(message, envFrom, clientIp));
    }

    /** Checksums a raw message and reports it with the configured target count. */
    public DccResult reportMessage(byte[] message, String envFrom, InetAddress clientIp, boolean spam)
            throws DccException {
        return report(DccChecksummer.compute(message, envFrom, clientIp), spam);
    }

    /** Reports with the configured target count. */
    public DccResult report(MessageChecksums sums, boolean spam) throws DccException {
        return report(sums, Math.max(1, options.reportTargets()), spam);
    }

    /** Sends a NOP to every server and records the round trips; servers that do not answer are left out. */
    public List<ServerInfo> probe() {
        List<ServerInfo> out = new ArrayList<>();
        long deadline = System.nanoTime() + options.timeout().toNanos();
        for (ServerState s : servers) {
            try {
                Exchange ex = exchange(s, DccOp.NOP, 0, List.of(), deadline, deadline);
                if (ex != null && ex.reply instanceof DccReply.Ok ok) {
                    out.add(new ServerInfo(s.address, ok.serverId(), Duration.ofNanos(ex.rtt), ok.maxPktVersion(),
                            ok.qdelayMs(), ok.brand()));
                }
            } catch (IOException e) {
                LOG.debug("DCC NOP to {} failed: {}", s.address, e.toString());
            }
        }
        return out;
    }

    private DccResult call(int op, int tgts, MessageChecksums sums) throws DccException {
        List<Checksum> sent = sums.reported();
        if (sent.isEmpty()) throw new DccException("no checksum to send (" + (sums.problem() == null ? "empty message" : sums.problem()) + ")");
        maybeProbeInBackground();
        long start = System.nanoTime();
        long deadline = start + options.timeout().toNanos();
        List<ServerState> ranked = new ArrayList<>(servers);
        ranked.sort(Comparator.comparingLong(ServerState::rankNanos).thenComparingInt(s -> s.order));
        String opName = op == DccOp.QUERY ? "query" : "report";
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            long now = System.nanoTime();
            if (now >= deadline) break;
            long share = (deadline - now) / (ranked.size() - i);
            ServerState s = ranked.get(i);
            try {
                Exchange ex = exchange(s, op, tgts, sent, now + share, deadline);
                if (ex == null) {
                    problems.add(s.address + ": no answer");
                    continue;
                }
                if (ex.reply instanceof DccReply.Error err) {
                    problems.add(s.address + ": error \"" + err.text() + "\"");
                    continue;
                }
                DccReply.Answer a = (DccReply.Answer) ex.reply;
                List<CheckCount> counts = new ArrayList<>(sent.size());
                for (int k = 0; k < sent.size(); k++) {
                    DccReply.Count c = a.counts().get(k);
                    counts.add(new CheckCount(sent.get(k).type(), c.current(), c.previous()));
                }
                boolean rejected = !options.identity().isAnonymous() && a.unsigned();
                if (rejected) LOG.warn("DCC server {} rejected our password for id {}", s.address, options.identity().id());
                long bulk = options.policy().bulkCount(counts);
                Verdict v = options.policy().verdict(counts);
                MetricsHolder.REQUESTS.labelValues(opName, "answered").inc();
                return new DccResult(s.address, a.serverId(), Duration.ofNanos(ex.rtt), rejected, counts, bulk,
                        bulk >= options.policy().rejectThreshold(), v);
            } catch (IOException e) {
                problems.add(s.address + ": " + e.getMessage());
                s.failures++;
            }
        }
        MetricsHolder.REQUESTS.labelValues(opName, "failed").inc();
        // The problems say why (unresolvable, refused, timed out); the budget is only an upper bound of the wait.
        throw new DccException("no DCC server answered the " + opName + " (budget " + options.timeout().toMillis()
                + " ms): " + String.join("; ", problems));
    }

    private void maybeProbeInBackground() {
        if (servers.size() > 1 && probed.compareAndSet(false, true)) {
            Thread.ofVirtual().name("dcc-probe").start(() -> {
                try {
                    probe();
                } catch (RuntimeException e) {
                    LOG.debug("DCC probe failed", e);
                }
            });
        }
    }

    private record Exchange(DccReply reply, long rtt) {
    }

    /**
     * Sends one request to one server with retransmissions until it answers (ANSWER, OK or ERROR),
     * {@code serverDeadline} passes, or the transmissions are used up. Null when it stayed silent.
     */
    private Exchange exchange(ServerState s, int op, int tgts, List<Checksum> sent, long serverDeadline,
                              long deadline) throws IOException {
        InetAddress addr = resolve(s, deadline);
        InetSocketAddress target = new InetSocketAddress(addr, s.address.port());
        OpNums nums = new OpNums(hostId, processId, reportId.incrementAndGet(), 0);
        long[] sentAt = new long[options.transmissions() + 1];
        long wait = initialWait(s, serverDeadline - System.nanoTime());
        byte[] rbuf = new byte[DccOp.MAX_PACKET];
        try (DatagramSocket sock = new DatagramSocket()) {
            for (int t = 1; t <= options.transmissions(); t++) {
                long now = System.nanoTime();
                if (now >= serverDeadline) break;
                OpNums n = nums.withT(t);
                byte[] pkt = op == DccOp.NOP ? Packets.nop(options.identity(), n)
                        : Packets.request(op, options.identity(), n, tgts, sent);
                sentAt[t] = now;
                sock.send(new DatagramPacket(pkt, pkt.length, target));
                long until = Math.min(t == options.transmissions() ? serverDeadline : now + wait, serverDeadline);
                until = Math.min(until, deadline);
                while (true) {
                    long left = until - System.nanoTime();
                    if (left <= 0) break;
                    sock.setSoTimeout((int) Math.max(1, left / 1_000_000));
                    DatagramPacket dp = new DatagramPacket(rbuf, rbuf.length);
                    try {
                        sock.receive(dp);
                    } catch (SocketTimeoutException e) {
                        break;
                    }
                    if (!dp.getAddress().equals(addr) || dp.getPort() != s.address.port()) continue;
                    DccReply reply;
                    try {
                        reply = ReplyParser.parse(rbuf, dp.getLength(), options.identity(), nums, op, sent.size());
                    } catch (DccProtocolException e) {
                        LOG.debug("DCC server {}: ignored packet: {}", s.address, e.getMessage());
                        continue;
                    }
                    int rt = reply.nums().t();
                    long rtt = System.nanoTime() - (rt >= 1 && rt <= t ? sentAt[rt] : sentAt[t]);
                    s.answered(rtt);
                    return new Exchange(reply, rtt);
                }
                wait *= 2;
            }
        }
        s.failures++;
        return null;
    }

    private static long initialWait(ServerState s, long budget) {
        long est = s.srttNanos >= 0 ? s.srttNanos * 2 : budget / 8;
        return Math.max(MIN_WAIT_NANOS, Math.min(est, Math.max(budget, MIN_WAIT_NANOS)));
    }

    private InetAddress resolve(ServerState s, long deadline) throws IOException {
        String host = s.address.host();
        InetAddress o = options.overrides().get(host.toLowerCase(Locale.ROOT));
        if (o != null) return o;
        try {
            return ServerAddress.literal(host);
        } catch (IllegalArgumentException notLiteral) {
            // a host name
        }
        long now = System.nanoTime();
        InetAddress cached = s.resolved;
        if (cached != null && now - s.resolvedAt < RESOLVE_CACHE_NANOS) return cached;
        // the system resolver has no timeout of its own: wait for it at most until the deadline
        CompletableFuture<InetAddress> lookup = CompletableFuture.supplyAsync(() -> {
            try {
                return InetAddress.getByName(host);
            } catch (UnknownHostException e) {
                throw new CompletionException(e);
            }
        }, RESOLVER);
        try {
            InetAddress a = lookup.get(Math.max(1, deadline - now), TimeUnit.NANOSECONDS);
            s.resolved = a;
            s.resolvedAt = now;
            return a;
        } catch (TimeoutException e) {
            throw new IOException("resolving " + host + " took too long");
        } catch (ExecutionException e) {
            throw new IOException("cannot resolve " + host + ": " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while resolving " + host);
        }
    }
}
