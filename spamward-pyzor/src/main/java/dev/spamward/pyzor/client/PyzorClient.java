package dev.spamward.pyzor.client;

import dev.spamward.core.config.Config;
import dev.spamward.pyzor.account.PyzorAccount;
import dev.spamward.pyzor.account.PyzorFiles;
import dev.spamward.pyzor.account.PyzorServer;
import dev.spamward.pyzor.digest.PyzorDigester;
import dev.spamward.pyzor.protocol.PyzorOp;
import dev.spamward.pyzor.protocol.PyzorProtocolException;
import dev.spamward.pyzor.protocol.PyzorRequest;
import dev.spamward.pyzor.protocol.PyzorResponse;
import dev.spamward.pyzor.protocol.ThreadIds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Pyzor client: digests messages and asks every configured server in parallel, with pyzor 1.0's
 * wire format, signing and verdict rules. Immutable and thread-safe; one instance can serve a whole
 * process (the HTTP service links it in-process). Messages are never written anywhere.
 */
public final class PyzorClient {
    private static final Logger LOG = LoggerFactory.getLogger(PyzorClient.class);

    private final List<PyzorServer> servers;
    private final Map<PyzorServer, PyzorAccount> accounts;
    private final PyzorAccount accountForAll;
    private final Duration timeout;
    private final int retries;
    private final int reportThreshold;
    private final int whitelistThreshold;
    private final long maxMessageSize;
    private final Semaphore inFlight;
    private final LongSupplier clock;
    private final IntSupplier threads;

    private PyzorClient(Builder b) {
        if (b.servers.isEmpty()) throw new IllegalArgumentException("no Pyzor server");
        this.servers = List.copyOf(b.servers);
        this.accounts = Map.copyOf(b.accounts);
        this.accountForAll = b.accountForAll;
        this.timeout = b.timeout;
        this.retries = b.retries;
        this.reportThreshold = b.reportThreshold;
        this.whitelistThreshold = b.whitelistThreshold;
        this.maxMessageSize = b.maxMessageSize;
        this.inFlight = new Semaphore(b.maxInFlight);
        this.clock = b.clock;
        this.threads = b.threads;
    }

    /** A builder with pyzor's defaults (public server, anonymous, 5 s, thresholds 0). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client from the effective configuration: servers from {@code pyzor.servers} or the servers file,
     * accounts from {@code pyzor.user}/{@code pyzor.key} or the accounts file of the home folder.
     *
     * @param warn receives one line per skipped bad line of the files
     */
    public static PyzorClient fromConfig(Config config, Consumer<String> warn) {
        return fromConfig(config, Overrides.NONE, warn);
    }

    /**
     * Settings a command line gives on top of the configuration ({@code null} fields: keep the configured value).
     *
     * @param homedir            the home folder
     * @param timeout            the per-attempt timeout
     * @param reportThreshold    the report threshold
     * @param whitelistThreshold the whitelist threshold
     */
    public record Overrides(Path homedir, Duration timeout, Integer reportThreshold, Integer whitelistThreshold) {
        /** No override. */
        public static final Overrides NONE = new Overrides(null, null, null, null);
    }

    /** As {@link #fromConfig(Config, Consumer)}, with command-line overrides. */
    public static PyzorClient fromConfig(Config config, Overrides o, Consumer<String> warn) {
        Path home = o.homedir() != null ? o.homedir() : homedir(config);
        Builder b = builder()
                .timeout(o.timeout() != null ? o.timeout() : config.get(PyzorSettings.TIMEOUT))
                .retries(config.get(PyzorSettings.RETRIES))
                .thresholds(o.reportThreshold() != null ? o.reportThreshold() : config.get(PyzorSettings.REPORT_THRESHOLD),
                        o.whitelistThreshold() != null ? o.whitelistThreshold() : config.get(PyzorSettings.WHITELIST_THRESHOLD))
                .maxMessageSize(config.get(PyzorSettings.MAX_MESSAGE_SIZE))
                .maxInFlight(config.get(PyzorSettings.MAX_IN_FLIGHT));
        try {
            List<String> listed = config.get(PyzorSettings.SERVERS);
            if (!listed.isEmpty()) {
                b.servers(listed.stream().map(PyzorServer::parse).toList());
            } else {
                Path file = o.homedir() != null ? home.resolve("servers") : config.get(PyzorSettings.SERVERS_FILE, home.resolve("servers"));
                b.servers(PyzorFiles.loadServers(file, warn));
            }
            String user = config.get(PyzorSettings.USER);
            String key = config.get(PyzorSettings.KEY);
            if (!user.isEmpty() || !key.isEmpty()) {
                if (user.isEmpty() || key.isEmpty()) throw new IllegalArgumentException("set both pyzor.user and pyzor.key");
                b.accountForAll(new PyzorAccount(user, "", key));
            } else {
                b.accounts(PyzorFiles.loadAccounts(accountsFile(config, o), warn));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.build();
    }

    /** The accounts file: {@code pyzor.accounts_file}, else {@code accounts} in the home folder. */
    public static Path accountsFile(Config config, Overrides o) {
        if (o.homedir() != null) return o.homedir().resolve("accounts");
        return config.get(PyzorSettings.ACCOUNTS_FILE, homedir(config).resolve("accounts"));
    }

    /** The home folder: {@code pyzor.homedir} or pyzor's default. */
    public static Path homedir(Config config) {
        return config.get(PyzorSettings.HOMEDIR, PyzorFiles.defaultHome());
    }

    /** The largest message {@link #digest} accepts. */
    public long maxMessageSize() {
        return maxMessageSize;
    }

    /** The servers asked, in order. */
    public List<PyzorServer> servers() {
        return servers;
    }

    /** The account used for a server (anonymous when none). */
    public PyzorAccount accountFor(PyzorServer server) {
        if (accountForAll != null) return accountForAll;
        return accounts.getOrDefault(server, PyzorAccount.ANONYMOUS);
    }

    /** The digest of a message, after the size check. */
    public String digest(byte[] message) {
        if (message.length > maxMessageSize) {
            throw new IllegalArgumentException("message of " + message.length + " bytes exceeds pyzor.max_message_size ("
                    + maxMessageSize + ")");
        }
        return PyzorDigester.digest(message);
    }

    /** Checks a message. */
    public CheckResult check(byte[] message) {
        return checkDigest(digest(message));
    }

    /** Checks a digest: spam when every server answered and the thresholds say so. */
    public CheckResult checkDigest(String digest) {
        if (isEmptyDigest(digest)) return new CheckResult(digest, true, List.of(), false, 0, 0);
        List<ServerOutcome> outcomes = fanOut(PyzorOp.CHECK, List.of(digest));
        boolean allOk = true;
        boolean hit = false;
        boolean whitelisted = false;
        long count = 0;
        long wl = 0;
        List<ServerOutcome> checked = new ArrayList<>();
        for (ServerOutcome o : outcomes) {
            if (o instanceof ServerOutcome.Answered a && a.ok()) {
                OptionalLong c = a.response().count();
                OptionalLong w = a.response().wlCount();
                if (c.isEmpty() || w.isEmpty()) {
                    checked.add(new ServerOutcome.Failed(o.server(), ServerOutcome.Failure.PROTOCOL,
                            "check reply without numeric Count and WL-Count"));
                    allOk = false;
                    continue;
                }
                if (w.getAsLong() > whitelistThreshold) whitelisted = true;
                else if (c.getAsLong() > reportThreshold) hit = true;
                count = Math.max(count, c.getAsLong());
                wl = Math.max(wl, w.getAsLong());
            } else {
                allOk = false;
            }
            checked.add(o);
        }
        if (!allOk) {
            count = 0;
            wl = 0;
        }
        return new CheckResult(digest, false, checked, allOk && hit && !whitelisted, count, wl);
    }

    /** Reports a message as spam to every server. */
    public OpResult report(byte[] message) {
        return reportDigests(List.of(digest(message)));
    }

    /** Reports digests as spam (one request per server carrying all of them). */
    public OpResult reportDigests(List<String> digests) {
        return digestOp(PyzorOp.REPORT, digests);
    }

    /** Whitelists ("revokes") a message on every server; needs an account on default servers. */
    public OpResult whitelist(byte[] message) {
        return whitelistDigests(List.of(digest(message)));
    }

    /** Whitelists digests. */
    public OpResult whitelistDigests(List<String> digests) {
        return digestOp(PyzorOp.WHITELIST, digests);
    }

    /** Asks every server for the counts and times of a message. */
    public OpResult info(byte[] message) {
        return infoDigest(digest(message));
    }

    /** Asks every server for the counts and times of a digest. */
    public OpResult infoDigest(String digest) {
        return digestOp(PyzorOp.INFO, List.of(digest));
    }

    /** Pings every server. */
    public OpResult ping() {
        return new OpResult(null, false, fanOut(PyzorOp.PING, List.of()));
    }

    private OpResult digestOp(PyzorOp op, List<String> digests) {
        List<String> usable = digests.stream().filter(d -> !isEmptyDigest(d)).toList();
        if (usable.isEmpty()) return new OpResult(digests.isEmpty() ? null : digests.getFirst(), true, List.of());
        return new OpResult(usable.getFirst(), false, fanOut(op, usable));
    }

    /** The digest of nothing: never asked or reported. */
    public static boolean isEmptyDigest(String digest) {
        return PyzorDigester.EMPTY_DIGEST.equals(digest);
    }

    private List<ServerOutcome> fanOut(PyzorOp op, List<String> digests) {
        if (servers.size() == 1) return List.of(ask(servers.getFirst(), op, digests));
        List<Thread> running = new ArrayList<>();
        ServerOutcome[] results = new ServerOutcome[servers.size()];
        for (int i = 0; i < servers.size(); i++) {
            int k = i;
            running.add(Thread.ofVirtual().name("pyzor-" + servers.get(i)).start(
                    () -> results[k] = ask(servers.get(k), op, digests)));
        }
        for (Thread t : running) {
            try {
                t.join();
            } catch (InterruptedException e) {
                // The caller gave up (e.g. the HTTP service's budget ran out): stop asking the other servers too,
                // rather than leaving their exchanges to run into their own timeouts and retries.
                for (Thread r : running) r.interrupt();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Pyzor servers", e);
            }
        }
        return List.of(results);
    }

    /** The request this client would send (fixed thread and time make it reproducible). */
    PyzorRequest request(PyzorServer server, PyzorOp op, List<String> digests, int thread, long time) {
        PyzorAccount account = accountFor(server);
        return new PyzorRequest(op, digests, thread, account.user(), account.key(), time);
    }

    private ServerOutcome ask(PyzorServer server, PyzorOp op, List<String> digests) {
        PyzorRequest request = request(server, op, digests, threads.getAsInt(), clock.getAsLong());
        int attempts = op.idempotent() ? retries + 1 : 1;
        long started = System.nanoTime();
        ServerOutcome outcome;
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ServerOutcome.Failed(server, ServerOutcome.Failure.NETWORK, "interrupted");
        }
        try {
            InetSocketAddress address = new InetSocketAddress(server.host(), server.port());
            if (address.isUnresolved()) {
                outcome = new ServerOutcome.Failed(server, ServerOutcome.Failure.NETWORK, "cannot resolve " + server.host());
            } else {
                PyzorResponse response = UdpExchange.exchange(address, request, timeout, attempts);
                outcome = new ServerOutcome.Answered(server, response);
            }
        } catch (UdpExchange.TimeoutException e) {
            outcome = new ServerOutcome.Failed(server, ServerOutcome.Failure.TIMEOUT, e.getMessage());
        } catch (PyzorProtocolException e) {
            outcome = new ServerOutcome.Failed(server, ServerOutcome.Failure.PROTOCOL, e.getMessage());
        } catch (java.net.PortUnreachableException e) {
            outcome = new ServerOutcome.Failed(server, ServerOutcome.Failure.NETWORK, "port unreachable (no server listening)");
        } catch (IOException | RuntimeException e) {
            outcome = new ServerOutcome.Failed(server, ServerOutcome.Failure.NETWORK,
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } finally {
            inFlight.release();
        }
        PyzorMetrics.record(op, outcome, System.nanoTime() - started);
        if (!outcome.ok()) LOG.debug("pyzor {} {}", op.wireName(), outcome.describe());
        return outcome;
    }

    /** Builds a {@link PyzorClient}. */
    public static final class Builder {
        private List<PyzorServer> servers = List.of(PyzorServer.PUBLIC);
        private Map<PyzorServer, PyzorAccount> accounts = Map.of();
        private PyzorAccount accountForAll;
        private Duration timeout = Duration.ofSeconds(5);
        private int retries;
        private int reportThreshold;
        private int whitelistThreshold;
        private long maxMessageSize = 32L << 20;
        private int maxInFlight = 256;
        private LongSupplier clock = () -> System.currentTimeMillis() / 1000;
        private IntSupplier threads = ThreadIds::random;

        private Builder() {
        }

        public Builder servers(List<PyzorServer> list) {
            this.servers = List.copyOf(list);
            return this;
        }

        /** Accounts by server (host string as in the servers list). */
        public Builder accounts(Map<PyzorServer, PyzorAccount> map) {
            this.accounts = Map.copyOf(map);
            return this;
        }

        /** One account for every server (overrides {@link #accounts}). */
        public Builder accountForAll(PyzorAccount account) {
            this.accountForAll = account;
            return this;
        }

        public Builder timeout(Duration t) {
            if (t.isNegative() || t.isZero()) throw new IllegalArgumentException("timeout must be positive");
            this.timeout = t;
            return this;
        }

        /** Extra attempts after a timeout, for idempotent operations only. */
        public Builder retries(int n) {
            if (n < 0) throw new IllegalArgumentException("retries must be >= 0");
            this.retries = n;
            return this;
        }

        public Builder thresholds(int report, int whitelist) {
            this.reportThreshold = report;
            this.whitelistThreshold = whitelist;
            return this;
        }

        public Builder maxMessageSize(long bytes) {
            this.maxMessageSize = bytes;
            return this;
        }

        public Builder maxInFlight(int n) {
            this.maxInFlight = n;
            return this;
        }

        /** The Unix-seconds clock used for {@code Time} (tests fix it). */
        public Builder clock(LongSupplier seconds) {
            this.clock = Objects.requireNonNull(seconds);
            return this;
        }

        /** The thread-id source (tests fix it). */
        public Builder threadIds(IntSupplier ids) {
            this.threads = Objects.requireNonNull(ids);
            return this;
        }

        public PyzorClient build() {
            return new PyzorClient(this);
        }
    }
}
