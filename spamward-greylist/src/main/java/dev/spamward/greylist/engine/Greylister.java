package dev.spamward.greylist.engine;

import dev.spamward.greylist.GreylistSettings.Update;
import dev.spamward.greylist.check.Check;
import dev.spamward.greylist.check.CheckResult;
import dev.spamward.greylist.check.Whitelist;
import dev.spamward.greylist.state.AddressNormalizer;
import dev.spamward.greylist.state.DelayQueue;
import dev.spamward.greylist.state.GreyStore;
import dev.spamward.greylist.state.IpMask;
import dev.spamward.greylist.state.PendingTable;
import dev.spamward.greylist.state.Triplet;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The decision engine shared by all front doors (greylisting.md §2), thread-safe and lock-free on the
 * query path except for the bounded delay queue:
 *
 * <ol>
 *   <li>whitelists and authenticated clients → TRUST;</li>
 *   <li>triplet in the filter and (no checks or no block threshold) → MATCH at once;</li>
 *   <li>no checks → GREY;</li>
 *   <li>otherwise the checks run in parallel within the time limit: PASS → TRUST, BLOCK → BLOCK,
 *       weight ≥ block threshold → BLOCK, weight ≥ grey threshold → MATCH or GREY, else TRUST;</li>
 *   <li>GREY and MATCH (every answer with {@code update = always}) queue a delayed insert of the triplet.</li>
 * </ol>
 */
public final class Greylister {

    /**
     * Engine settings.
     *
     * @param mask            client address masks
     * @param normalizer      the address normaliser
     * @param greyDelayMillis delay before a greylisted triplet passes
     * @param greyThreshold   weight from which a client is greylisted
     * @param blockThreshold  weight from which it is rejected (0 = never)
     * @param timeLimitMillis time limit of the checks
     * @param update          what is inserted
     * @param greyReason      GREY text
     * @param blockReason     threshold BLOCK text
     * @param skipAuthenticated trust SASL-authenticated clients
     * @param autoWhitelist   trust a client network after this many passed retries (0 = off)
     * @param retryWindowMillis 0: grossd's delayed insert; else a retry passes only between the grey delay and
     *                        this long after the first attempt, and only triplets that retried enter the filter
     */
    public record Options(IpMask mask, AddressNormalizer normalizer, long greyDelayMillis, int greyThreshold,
                          int blockThreshold, long timeLimitMillis, Update update, String greyReason, String blockReason,
                          boolean skipAuthenticated, int autoWhitelist, long retryWindowMillis) {
    }

    private static final int AUTO_WHITELIST_MAX = 65_536;

    /** What a reload may replace, swapped as one. */
    private record Rules(Options opt, CheckRunner checks, Whitelist whitelist) {
    }

    private volatile Rules rules;
    private final GreyStore store;
    private final DelayQueue delayQueue;
    private final Stats stats;
    private final LongSupplier clock;
    private final List<Consumer<int[]>> insertListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<int[]>> sightingListeners = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> passes = new ConcurrentHashMap<>();
    private final PendingTable pending;

    /** Slots of the retry window's first-sighting table (12 bytes each). */
    public static final int PENDING_SLOTS = 1 << 19;

    /**
     * @param clock milliseconds since the epoch (tests pass a fake one)
     */
    public Greylister(Options opt, GreyStore store, DelayQueue delayQueue, List<Check> checks, Whitelist whitelist,
                      Stats stats, LongSupplier clock) {
        this(opt, store, delayQueue, newPendingTable(opt), checks, whitelist, stats, clock);
    }

    /**
     * @param pending the retry window's first sightings ({@link #newPendingTable}), null when the window is off
     * @param clock milliseconds since the epoch (tests pass a fake one)
     */
    public Greylister(Options opt, GreyStore store, DelayQueue delayQueue, PendingTable pending, List<Check> checks,
                      Whitelist whitelist, Stats stats, LongSupplier clock) {
        if ((pending != null) != (opt.retryWindowMillis() > 0)) {
            throw new IllegalArgumentException("a first-sighting table is needed exactly when the retry window is on");
        }
        this.store = store;
        this.delayQueue = delayQueue;
        this.stats = stats;
        this.rules = new Rules(opt, new CheckRunner(checks, opt.blockThreshold(), stats), whitelist);
        this.clock = clock;
        this.pending = pending;
    }

    /** The first-sighting table {@code opt} needs: null unless the retry window is on. */
    public static PendingTable newPendingTable(Options opt) {
        return opt.retryWindowMillis() > 0 ? new PendingTable(PENDING_SLOTS) : null;
    }

    public Options options() {
        return rules.opt();
    }

    /**
     * Replaces the options, checks and whitelist for the queries that start from now on (a configuration
     * reload). The network masks, address normalisation and retry window stay as they are, because the
     * stored triplets were made with them; the names of such settings that differ are returned.
     */
    public List<String> reconfigure(Options next, List<Check> checks, Whitelist whitelist) {
        Options cur = rules.opt();
        List<String> kept = new java.util.ArrayList<>();
        if (!next.mask().equals(cur.mask())) kept.add("grey_mask");
        if (!next.normalizer().equals(cur.normalizer())) kept.add("lowercase_local_part");
        if (next.retryWindowMillis() != cur.retryWindowMillis()) kept.add("retry_window");
        Options merged = new Options(cur.mask(), cur.normalizer(), next.greyDelayMillis(), next.greyThreshold(), next.blockThreshold(),
                next.timeLimitMillis(), next.update(), next.greyReason(), next.blockReason(), next.skipAuthenticated(),
                next.autoWhitelist(), cur.retryWindowMillis());
        rules = new Rules(merged, new CheckRunner(checks, merged.blockThreshold(), stats), whitelist);
        return kept;
    }

    public Stats stats() {
        return stats;
    }

    public GreyStore store() {
        return store;
    }

    public DelayQueue delayQueue() {
        return delayQueue;
    }

    /** The retry window's first sightings, or null when the window is off. */
    public PendingTable pending() {
        return pending;
    }

    /** Called with every digest queued for insertion (replication sends them to the peer). */
    public void addInsertListener(Consumer<int[]> listener) {
        insertListeners.add(listener);
    }

    /**
     * Called with the digest of every first attempt the retry window records (replication sends them to
     * the peer, so that a retry landing on the other node is not greylisted again).
     */
    public void addFirstSightingListener(Consumer<int[]> listener) {
        sightingListeners.add(listener);
    }

    /** Receives one first attempt of the retry window (see {@link #forEachFirstSighting}). */
    @FunctionalInterface
    public interface SightingVisitor {
        void accept(long fingerprint, int setKey, long ageSeconds);
    }

    /**
     * Calls {@code visitor} for every first attempt still inside the retry window, with its age by this engine's
     * clock (replication sends them in its dump); nothing when the window is off. The visitor runs under the
     * table's locks: it should only collect.
     */
    public void forEachFirstSighting(SightingVisitor visitor) {
        if (pending == null) return;
        long now = clock.getAsLong() / 1000;
        long notBefore = now - rules.opt().retryWindowMillis() / 1000;
        pending.forEachOccupied((slot, fp, seen) -> {
            if (seen >= notBefore) visitor.accept(fp, PendingTable.setKeyOfSlot(slot), Math.max(0, now - seen));
        });
    }

    /**
     * A first attempt a replication peer recorded {@code ageSeconds} ago (an age rather than a time, so
     * the two nodes' clocks need not agree); ignored when the retry window is off. Not sent back.
     */
    public void firstSightingFromPeer(long fingerprint, int setKey, long ageSeconds) {
        if (pending == null) return;
        long now = clock.getAsLong() / 1000;
        pending.merge(fingerprint, setKey, now - Math.max(0, ageSeconds), now - rules.opt().retryWindowMillis() / 1000);
    }

    /** Decides one query; never throws (an internal error gives an ERROR verdict and is counted). */
    public Verdict decide(Query q) {
        long start = clock.getAsLong();
        stats.inFlightCounter().incrementAndGet();
        try {
            Verdict v = decide0(q, start);
            if (v.result() == Result.ERROR) stats.error("input");
            else stats.count(v.result());
            return v;
        } catch (RuntimeException e) {
            stats.error("internal");
            return new Verdict(Result.ERROR, "internal error: " + e, 0, List.of(), clock.getAsLong() - start);
        } finally {
            stats.inFlightCounter().decrementAndGet();
        }
    }

    private Verdict decide0(Query q, long start) {
        InetAddress client = q.client();
        if (client == null) return new Verdict(Result.ERROR, "client address missing or not an IP address", 0, List.of(), 0);
        if (q.recipient().isBlank()) return new Verdict(Result.ERROR, "recipient missing", 0, List.of(), 0);
        Rules r = rules;
        Options opt = r.opt();
        CheckRunner checks = r.checks();
        if (opt.skipAuthenticated() && !q.saslUsername().isEmpty()) return trusted("authenticated", start);
        String why = r.whitelist().match(q);
        if (why != null) return trusted("whitelist:" + why, start);
        Triplet t = Triplet.of(client, q.sender(), q.recipient(), opt.mask(), opt.normalizer());
        if (opt.autoWhitelist() > 0) {
            AtomicInteger n = passes.get(t.network());
            if (n != null && n.get() >= opt.autoWhitelist()) return trusted("auto-whitelist", start);
        }
        int[] digest = t.digest();
        boolean known = store.contains(digest);
        if (known && (checks.isEmpty() || opt.blockThreshold() == 0)) {
            return finish(Result.MATCH, "", 0, List.of(), digest, t, start);
        }
        if (checks.isEmpty()) return greyOrRetry(digest, t, 0, List.of(), start);
        CheckRunner.Outcome o = checks.run(q, opt.timeLimitMillis());
        if (o.highest() == CheckResult.Kind.PASS) return finish(Result.TRUST, "", o.weight(), o.fired(), digest, t, start);
        if (o.highest() == CheckResult.Kind.BLOCK) return finish(Result.BLOCK, o.blockText(), o.weight(), o.fired(), digest, t, start);
        if (opt.blockThreshold() > 0 && o.weight() >= opt.blockThreshold()) {
            return finish(Result.BLOCK, opt.blockReason(), o.weight(), o.fired(), digest, t, start);
        }
        if (o.weight() >= opt.greyThreshold()) {
            return known ? finish(Result.MATCH, "", o.weight(), o.fired(), digest, t, start)
                    : greyOrRetry(digest, t, o.weight(), o.fired(), start);
        }
        return finish(Result.TRUST, "", o.weight(), o.fired(), digest, t, start);
    }

    /**
     * A triplet not in the filter. grossd mode: GREY (and the delayed insert). Retry-window mode: GREY and
     * remember the first attempt; a retry after the delay and within the window is inserted now and passes.
     */
    private Verdict greyOrRetry(int[] digest, Triplet t, int weight, List<String> fired, long start) {
        Options opt = rules.opt();
        if (pending == null) return finish(Result.GREY, opt.greyReason(), weight, fired, digest, t, start);
        long now = clock.getAsLong() / 1000;
        long first = pending.firstSeen(digest, now, now - opt.retryWindowMillis() / 1000);
        if (first == PendingTable.NEW) {
            for (Consumer<int[]> l : sightingListeners) l.accept(digest);
        }
        long delay = (opt.greyDelayMillis() + 999) / 1000;
        if (first != PendingTable.NEW && now - first >= delay) {
            pending.remove(digest);
            store.insert(digest);
            for (Consumer<int[]> l : insertListeners) l.accept(digest);
            if (opt.autoWhitelist() > 0) countPass(t.network());
            return new Verdict(Result.MATCH, "", weight, fired, clock.getAsLong() - start);
        }
        return new Verdict(Result.GREY, opt.greyReason(), weight, fired, clock.getAsLong() - start);
    }

    private Verdict trusted(String why, long start) {
        stats.whitelisted();
        return new Verdict(Result.TRUST, why, 0, List.of(), clock.getAsLong() - start);
    }

    private Verdict finish(Result r, String reason, int weight, List<String> fired, int[] digest, Triplet t, long start) {
        Options opt = rules.opt();
        boolean insert = r == Result.MATCH || opt.update() == Update.ALWAYS || (r == Result.GREY && pending == null);
        if (insert) insertLater(digest);
        if (r == Result.MATCH && opt.autoWhitelist() > 0) countPass(t.network());
        return new Verdict(r, reason, weight, fired, clock.getAsLong() - start);
    }

    /** Queues a delayed insert and tells the listeners (replication). */
    private void insertLater(int[] digest) {
        delayQueue.add(digest, clock.getAsLong() + rules.opt().greyDelayMillis());
        for (Consumer<int[]> l : insertListeners) l.accept(digest);
    }

    /** An update from a replication peer: goes through our own delay queue, is not sent back. */
    public void insertFromPeer(int[] digest) {
        delayQueue.add(digest, clock.getAsLong() + rules.opt().greyDelayMillis());
    }

    private void countPass(String network) {
        if (passes.size() >= AUTO_WHITELIST_MAX) passes.clear();
        passes.computeIfAbsent(network, k -> new AtomicInteger()).incrementAndGet();
    }

    /** Inserts due entries and rotates; call about every 100 ms to 1 s. Returns entries inserted. */
    public int maintain() {
        long now = clock.getAsLong();
        int n = delayQueue.drain(now, store::insert);
        store.maintain(now / 1000);
        return n;
    }
}
