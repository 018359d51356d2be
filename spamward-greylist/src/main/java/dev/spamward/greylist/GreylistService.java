package dev.spamward.greylist;

import dev.spamward.core.config.Config;
import dev.spamward.core.config.ConfigKey;
import dev.spamward.core.io.IoErrors;
import dev.spamward.greylist.check.Check;
import dev.spamward.greylist.check.Dns;
import dev.spamward.greylist.check.DnsListCheck;
import dev.spamward.greylist.check.HeloCheck;
import dev.spamward.greylist.check.ReverseCheck;
import dev.spamward.greylist.check.SpfCheck;
import dev.spamward.greylist.check.Whitelist;
import dev.spamward.greylist.engine.Gate;
import dev.spamward.greylist.engine.Greylister;
import dev.spamward.greylist.engine.Stats;
import dev.spamward.greylist.milter.MilterServer;
import dev.spamward.greylist.net.StreamListener;
import dev.spamward.greylist.policy.PolicyServer;
import dev.spamward.greylist.sjsms.SjsmsServer;
import dev.spamward.greylist.state.AddressNormalizer;
import dev.spamward.greylist.state.BloomMath;
import dev.spamward.greylist.state.BloomRing;
import dev.spamward.greylist.state.DelayQueue;
import dev.spamward.greylist.state.GreyStore;
import dev.spamward.greylist.state.IpMask;
import dev.spamward.greylist.state.PendingTable;
import dev.spamward.greylist.state.StateFile;
import dev.spamward.greylist.sync.GrossdSync;
import dev.spamward.greylist.sync.Replicator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The greylisting server as {@code spamward serve} runs it: state (loaded from and saved to the state
 * file), the decision engine, a maintenance thread (delayed inserts, rotation, periodic save) and the
 * enabled front doors, each on its own address. {@link #close()} stops the doors and saves the state.
 */
public final class GreylistService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GreylistService.class);

    private final BloomRing ring;
    private final Greylister engine;
    private final Path stateFile;
    /** Why the state file cannot be saved (null while it can), and when it last was (epoch seconds, 0: never). */
    private volatile String stateFileProblem;
    private volatile long stateSavedAt;
    private final long saveIntervalMillis;
    private final Deque<AutoCloseable> doors = new ArrayDeque<>();
    private final List<String> descriptions = new ArrayList<>();
    private final Thread maintenance;
    private final GreylistMetrics metrics;
    private final StatusView status;
    private final long rotateIntervalSeconds;
    private volatile boolean stopping;
    private final Config started;
    private PolicyServer policy;
    private MilterServer milter;
    private SjsmsServer sjsms;
    private Replicator replicator;
    private GrossdSync grossdSync;

    private GreylistService(Config c) {
        this.started = c;
        int bits = c.get(GreylistSettings.FILTER_BITS);
        int buffers = c.get(GreylistSettings.NUMBER_BUFFERS);
        long now = System.currentTimeMillis() / 1000;
        this.stateFile = c.get(GreylistSettings.STATEFILE);
        this.saveIntervalMillis = c.get(GreylistSettings.STATE_SAVE_INTERVAL).toMillis();
        LOG.info(BloomMath.describe(bits, buffers));
        Greylister.Options opt = options(c);
        DelayQueue delayed = new DelayQueue(c.get(GreylistSettings.DELAY_QUEUE_MAX));
        PendingTable sightings = Greylister.newPendingTable(opt);
        this.ring = stateFile == null ? new BloomRing(bits, buffers, now)
                : StateFile.load(stateFile, bits, buffers, now, new StateFile.Pending(delayed, sightings));
        if (stateFile != null) checkStateFolder();
        long rotate = c.get(GreylistSettings.ROTATE_INTERVAL).toSeconds();
        this.rotateIntervalSeconds = rotate;
        Stats stats = new Stats();
        this.engine = new Greylister(opt, GreyStore.of(ring, rotate), delayed, sightings, checks(c), whitelist(c), stats,
                System::currentTimeMillis);
        QueryLog.setEnabled(c.get(GreylistSettings.QUERY_LOG));
        this.metrics = GreylistMetrics.register(this);
        this.status = new StatusView(this);
        this.maintenance = Thread.ofPlatform().daemon().name("spamward-greylist-maintenance").unstarted(this::maintain);
    }

    /** Settings a reload applies to queries that start afterwards; every other greylist key needs a restart. */
    private static final java.util.Set<ConfigKey<?>> RELOADABLE = java.util.Set.of(GreylistSettings.GREY_DELAY,
            GreylistSettings.GREY_THRESHOLD, GreylistSettings.BLOCK_THRESHOLD, GreylistSettings.QUERY_TIMELIMIT, GreylistSettings.UPDATE,
            GreylistSettings.GREY_REASON, GreylistSettings.BLOCK_REASON, GreylistSettings.SKIP_AUTHENTICATED,
            GreylistSettings.AUTO_WHITELIST, GreylistSettings.CHECK, GreylistSettings.DNSBL, GreylistSettings.RHSBL,
            GreylistSettings.DNSWL, GreylistSettings.REVERSE_WEIGHT, GreylistSettings.GENERIC_PTR_WEIGHT, GreylistSettings.HELO_WEIGHT,
            GreylistSettings.HELO_INVALID_WEIGHT, GreylistSettings.SPF_SOFTFAIL_WEIGHT, GreylistSettings.SPF_FAIL_WEIGHT,
            GreylistSettings.DNS_SERVERS, GreylistSettings.WHITELIST_CLIENT, GreylistSettings.WHITELIST_CLIENT_NAME,
            GreylistSettings.WHITELIST_SENDER, GreylistSettings.WHITELIST_RECIPIENT, GreylistSettings.WHITELIST_POOLS,
            GreylistSettings.QUERY_LOG);

    /**
     * Applies a new configuration without a restart (SIGHUP): whitelists, checks and their DNS lists, weights,
     * thresholds, delays, reasons and the query log take effect for the next query; the filter state is kept.
     * Throws {@link IllegalArgumentException} for a bad value, leaving everything as it was.
     *
     * @return the names of changed greylist keys that only a restart applies (addresses, filter sizes, masks ...)
     */
    public List<String> reload(Config next) {
        Greylister.Options o = options(next);
        List<Check> cs = checks(next);
        Whitelist w = whitelist(next);
        engine.reconfigure(o, cs, w);
        QueryLog.setEnabled(next.get(GreylistSettings.QUERY_LOG));
        List<String> restart = new ArrayList<>();
        for (ConfigKey<?> k : new GreylistSettings().keys()) {
            if (!RELOADABLE.contains(k) && !java.util.Objects.equals(started.get(k), next.get(k))) restart.add(k.name());
        }
        return restart;
    }

    /** The engine options configured in {@code c}. */
    public static Greylister.Options options(Config c) {
        return new Greylister.Options(new IpMask(c.get(GreylistSettings.GREY_MASK), c.get(GreylistSettings.GREY_MASK6)),
                new AddressNormalizer(c.get(GreylistSettings.LOWERCASE_LOCAL_PART)),
                c.get(GreylistSettings.GREY_DELAY).toMillis(), c.get(GreylistSettings.GREY_THRESHOLD),
                c.get(GreylistSettings.BLOCK_THRESHOLD), c.get(GreylistSettings.QUERY_TIMELIMIT).toMillis(),
                c.get(GreylistSettings.UPDATE), c.get(GreylistSettings.GREY_REASON), c.get(GreylistSettings.BLOCK_REASON),
                c.get(GreylistSettings.SKIP_AUTHENTICATED), c.get(GreylistSettings.AUTO_WHITELIST),
                c.get(GreylistSettings.RETRY_WINDOW).toMillis());
    }

    /** The checks configured in {@code c}; throws {@link IllegalArgumentException} for a bad list entry. */
    public static List<Check> checks(Config c) {
        List<String> names = c.get(GreylistSettings.CHECK);
        List<Check> out = new ArrayList<>();
        if (names.isEmpty()) return out;
        Duration limit = c.get(GreylistSettings.QUERY_TIMELIMIT);
        Dns dns = new Dns(c.get(GreylistSettings.DNS_SERVERS), limit);
        for (String n : names.stream().distinct().toList()) {
            switch (n) {
                case "dnsbl" -> lists(out, DnsListCheck.Kind.DNSBL, c.get(GreylistSettings.DNSBL), dns);
                case "dnswl" -> lists(out, DnsListCheck.Kind.DNSWL, c.get(GreylistSettings.DNSWL), dns);
                case "rhsbl" -> lists(out, DnsListCheck.Kind.RHSBL, c.get(GreylistSettings.RHSBL), dns);
                case "reverse" -> out.add(new ReverseCheck(dns, c.get(GreylistSettings.REVERSE_WEIGHT),
                        c.get(GreylistSettings.GENERIC_PTR_WEIGHT)));
                case "helo" -> out.add(new HeloCheck(dns, c.get(GreylistSettings.HELO_WEIGHT),
                        c.get(GreylistSettings.HELO_INVALID_WEIGHT)));
                case "spf" -> out.add(new SpfCheck(dns, limit, c.get(GreylistSettings.SPF_SOFTFAIL_WEIGHT),
                        c.get(GreylistSettings.SPF_FAIL_WEIGHT)));
                default -> throw new IllegalArgumentException("unknown check " + n);
            }
        }
        return out;
    }

    private static void lists(List<Check> out, DnsListCheck.Kind kind, List<String> specs, Dns dns) {
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("greylist.check = " + kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " needs at least one greylist." + kind.name().toLowerCase(java.util.Locale.ROOT) + " zone");
        }
        for (String s : specs) out.add(DnsListCheck.parse(kind, s, dns));
    }

    /** The whitelist configured in {@code c}. */
    public static Whitelist whitelist(Config c) {
        return new Whitelist(c.get(GreylistSettings.WHITELIST_CLIENT), c.get(GreylistSettings.WHITELIST_CLIENT_NAME),
                c.get(GreylistSettings.WHITELIST_SENDER), c.get(GreylistSettings.WHITELIST_RECIPIENT),
                c.get(GreylistSettings.WHITELIST_POOLS));
    }

    /**
     * Builds the state and engine and starts the enabled front doors. Throws {@link IllegalArgumentException}
     * for a bad configuration value, {@link IOException} when an address cannot be bound.
     */
    public static GreylistService start(Config c) throws IOException {
        GreylistService s = new GreylistService(c);
        try {
            s.maintenance.start();
            StreamListener.Limits limits = new StreamListener.Limits(c.get(GreylistSettings.MAX_CONNECTIONS),
                    c.get(GreylistSettings.MAX_REQUEST), (int) Math.min(Integer.MAX_VALUE, c.get(GreylistSettings.IDLE_TIMEOUT).toMillis()));
            Gate gate = new Gate(c.get(GreylistSettings.MAX_INFLIGHT), s.engine.stats());
            Answers answers = Answers.from(c);
            if (c.get(GreylistSettings.POLICY_ENABLED)) {
                s.policy = new PolicyServer(c.get(GreylistSettings.POLICY_LISTEN), s.engine, gate, answers, limits);
                s.doors.push(s.policy);
                s.descriptions.add("greylist policy tcp " + s.policy.address());
                java.nio.file.Path sock = c.get(GreylistSettings.POLICY_SOCKET);
                if (sock != null) {
                    s.policy.listenUnix(sock, c.get(GreylistSettings.SOCKET_MODE));
                    s.descriptions.add("greylist policy unix:" + sock);
                }
            }
            if (c.get(GreylistSettings.MILTER_ENABLED)) {
                s.milter = new MilterServer(c.get(GreylistSettings.MILTER_LISTEN), s.engine, gate, answers, limits);
                s.doors.push(s.milter);
                s.descriptions.add("greylist milter tcp " + s.milter.address());
                java.nio.file.Path sock = c.get(GreylistSettings.MILTER_SOCKET);
                if (sock != null) {
                    s.milter.listenUnix(sock, c.get(GreylistSettings.SOCKET_MODE));
                    s.descriptions.add("greylist milter unix:" + sock);
                }
            }
            if (c.get(GreylistSettings.SJSMS_ENABLED)) {
                s.sjsms = new SjsmsServer(c.get(GreylistSettings.SJSMS_LISTEN), s.engine, gate, answers);
                s.doors.push(s.sjsms);
                s.descriptions.add("greylist sjsms udp " + s.sjsms.address());
            }
            InetSocketAddress peer = c.get(GreylistSettings.SYNC_PEER);
            if (peer != null && c.get(GreylistSettings.SYNC_PROTOCOL) == GreylistSettings.SyncProtocol.GROSSD) {
                s.grossdSync = GrossdSync.start(c.get(GreylistSettings.SYNC_LISTEN), peer, s.ring, s.engine);
                s.doors.push(s.grossdSync);
                s.descriptions.add("greylist grossd-replication tcp " + s.grossdSync.address() + " with "
                        + peer.getHostString() + ":" + peer.getPort());
            } else if (peer != null) {
                s.replicator = Replicator.start(c.get(GreylistSettings.SYNC_LISTEN), peer, c.get(GreylistSettings.SYNC_SECRET),
                        s.ring, s.engine);
                s.doors.push(s.replicator);
                s.descriptions.add("greylist replication tcp " + s.replicator.address() + " with " + peer.getHostString()
                        + ":" + peer.getPort());
            }
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    private void maintain() {
        long lastSave = System.currentTimeMillis();
        while (!stopping) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            try {
                engine.maintain();
                if (stateFile != null && System.currentTimeMillis() - lastSave >= saveIntervalMillis) {
                    lastSave = System.currentTimeMillis();
                    save();
                }
            } catch (RuntimeException e) {
                LOG.error("greylist maintenance failed", e);
            }
        }
    }

    /** Writes the state file now (no-op without one); errors are logged, not thrown. */
    public synchronized void save() {
        if (stateFile == null) return;
        try {
            long t0 = System.nanoTime();
            StateFile.save(ring, new StateFile.Pending(engine.delayQueue(), engine.pending()), stateFile,
                    System.currentTimeMillis() / 1000);
            LOG.debug("greylist state saved to {} in {} ms", stateFile, (System.nanoTime() - t0) / 1_000_000);
            stateSavedAt = System.currentTimeMillis() / 1000;
            if (stateFileProblem != null) LOG.info("greylist state saved to {} again", stateFile);
            stateFileProblem = null;
        } catch (IOException | RuntimeException e) {
            stateFileProblem = e instanceof IOException io ? IoErrors.describe(io) : e.toString();
            LOG.error("cannot save greylist state to {}: {}", stateFile, stateFileProblem);
        }
    }

    /**
     * Says at start, not at the first save minutes later, when the state file's folder cannot be written (a daemon
     * user whose home is /nonexistent, a read-only file system): the state would be lost at every restart.
     */
    private void checkStateFolder() {
        Path dir = stateFile.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) throw new AccessDeniedException(dir.toString());
        } catch (IOException e) {
            stateFileProblem = IoErrors.describe(e);
            LOG.warn("greylist state cannot be saved to {} ({}): it will be lost at shutdown; set greylist.statefile to a "
                    + "writable path", stateFile, stateFileProblem);
        }
    }

    /** The state file, or null when state is not saved. */
    public Path stateFile() {
        return stateFile;
    }

    /** Why the state file cannot be saved, or null while it can. */
    public String stateFileProblem() {
        return stateFileProblem;
    }

    /** When the state file was last saved (epoch seconds; 0: not yet by this process). */
    public long stateSavedAt() {
        return stateSavedAt;
    }

    public Greylister engine() {
        return engine;
    }

    public BloomRing ring() {
        return ring;
    }

    /** Whether the maintenance thread (delayed inserts, rotation, saving) runs. */
    public boolean maintenanceAlive() {
        return maintenance.isAlive();
    }

    long rotateIntervalSeconds() {
        return rotateIntervalSeconds;
    }

    /** The status view (JSON text and grossd-style line). */
    public StatusView status() {
        return status;
    }

    /** The policy front door, or null. */
    public PolicyServer policy() {
        return policy;
    }

    /** The milter front door, or null. */
    public MilterServer milter() {
        return milter;
    }

    /** The sjsms front door, or null. */
    public SjsmsServer sjsms() {
        return sjsms;
    }

    /** The replicator, or null when no peer is configured. */
    public Replicator replicator() {
        return replicator;
    }

    /** The grossd-protocol replication, or null. */
    public GrossdSync grossdSync() {
        return grossdSync;
    }

    /** What runs, for the start-up line. */
    public List<String> descriptions() {
        return List.copyOf(descriptions);
    }

    @Override
    public synchronized void close() {
        if (stopping) return;
        stopping = true;
        while (!doors.isEmpty()) {
            try {
                doors.pop().close();
            } catch (Exception e) {
                LOG.warn("error while stopping a greylist front door: {}", e.toString());
            }
        }
        maintenance.interrupt();
        engine.maintain();
        save();
        metrics.unregister();
    }
}
