package dev.spamward.bayes.store.lmdb;

import static dev.spamward.bayes.store.lmdb.LmdbNative.*;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import dev.spamward.bayes.store.Counts;
import dev.spamward.bayes.store.Label;
import dev.spamward.bayes.store.LearnOutcome;
import dev.spamward.bayes.store.MessageRecord;
import dev.spamward.bayes.store.StoreException;
import dev.spamward.bayes.store.StoreStats;
import dev.spamward.bayes.store.TokenRecord;
import dev.spamward.bayes.store.TokenStore;
import dev.spamward.core.io.IoErrors;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * The embedded token store: an LMDB environment (a directory with {@code data.mdb} and {@code lock.mdb})
 * holding three databases:
 * <ul>
 *   <li>{@code tokens}: token (UTF-8) to its spam count and ham count, two unsigned LEB128 varints (2 bytes for
 *       most tokens, which keeps the database small);</li>
 *   <li>{@code messages}: message key to one byte, {@code s} or {@code h};</li>
 *   <li>{@code meta}: {@code format} (ASCII version), {@code spam_messages}, {@code ham_messages} (int64 LE).</li>
 * </ul>
 * LMDB gives several processes MVCC access: readers never block and see a consistent snapshot while one
 * writer at a time commits. Every learn is one transaction, so {@code kill -9} loses at most the message
 * being learned and never corrupts the file. With {@link Options#syncEachCommit()} off, commits are not
 * fsynced one by one (a process crash still loses nothing committed; an OS crash may lose the last
 * commits, never consistency) and {@link #flush()}/{@link #close()} sync.
 *
 * <p>LMDB write transactions belong to the OS thread that began them, so learning from a virtual thread
 * is handed to one platform writer thread.
 */
public final class LmdbTokenStore implements TokenStore {
    /** On-disk format version written by this code; a newer one is refused. */
    public static final int FORMAT = 1;
    private static final byte[] K_FORMAT = ascii("format");
    private static final byte[] K_SPAM = ascii("spam_messages");
    private static final byte[] K_HAM = ascii("ham_messages");

    /**
     * @param mapSize initial map size in bytes (grown by doubling when full; readers follow)
     * @param maxReaders reader slots (concurrent read transactions over all processes)
     * @param syncEachCommit fsync every commit (else only on {@link #flush()} and {@link #close()})
     * @param lockTimeout how long a write waits for another process's write to end before failing with
     *     "database is busy"
     */
    public record Options(long mapSize, int maxReaders, boolean syncEachCommit, Duration lockTimeout) {
        /** The default lock timeout. */
        public static final Duration LOCK_TIMEOUT = Duration.ofSeconds(30);

        /** With the default lock timeout. */
        public Options(long mapSize, int maxReaders, boolean syncEachCommit) {
            this(mapSize, maxReaders, syncEachCommit, LOCK_TIMEOUT);
        }

        /** Defaults: 256 MiB map, 512 readers, sync on flush only, 30 s lock timeout. */
        public static Options defaults() {
            return new Options(256L << 20, 512, false);
        }
    }

    private final Path dir;
    private final boolean readOnly;
    private final boolean syncEachCommit;
    private final MemorySegment env;
    private final int dbTokens;
    private final int dbMessages;
    private final int dbMeta;
    private final ReentrantReadWriteLock mapLock = new ReentrantReadWriteLock();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final WriterLock writerLock; // null when read-only
    private ExecutorService writerThread;
    private long mapSize;
    private boolean closed;

    private LmdbTokenStore(Path dir, boolean readOnly, Options o, MemorySegment env, int[] dbis, WriterLock writerLock) {
        this.dir = dir;
        this.readOnly = readOnly;
        this.syncEachCommit = o.syncEachCommit();
        this.env = env;
        this.mapSize = o.mapSize();
        this.dbTokens = dbis[0];
        this.dbMessages = dbis[1];
        this.dbMeta = dbis[2];
        this.writerLock = writerLock;
    }

    /**
     * Opens (and for writing, creates) the store in directory {@code dir}.
     *
     * @throws StoreException with a one-line reason: missing, not writable, not a token database, newer format
     */
    public static LmdbTokenStore open(Path dir, boolean readOnly, Options o) {
        requireLibrary();
        Path data = dir.resolve("data.mdb");
        if (readOnly && !Files.isRegularFile(data)) {
            throw new StoreException("no token database at " + dir + " (learn some ham and spam first: spamward learn --ham|--spam PATH)");
        }
        if (!readOnly) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new StoreException("cannot create the token database directory " + dir + " (" + IoErrors.describe(e) + ")");
            }
        }
        MemorySegment env;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment pp = a.allocate(ADDRESS);
            LmdbException.check(envCreate(pp), "mdb_env_create");
            env = pp.get(ADDRESS, 0);
            try {
                LmdbException.check(envSetMaxdbs(env, 4), "mdb_env_set_maxdbs");
                LmdbException.check(envSetMaxreaders(env, o.maxReaders()), "mdb_env_set_maxreaders");
                if (!readOnly) LmdbException.check(envSetMapsize(env, o.mapSize()), "mdb_env_set_mapsize");
                int flags = MDB_NOTLS | MDB_NORDAHEAD | (readOnly ? MDB_RDONLY : 0) | (o.syncEachCommit() ? 0 : MDB_NOSYNC);
                int rc = envOpen(env, a.allocateFrom(dir.toString()), flags, 0644);
                if (rc != MDB_SUCCESS) throw openError(dir, rc);
                if (!readOnly) {
                    MemorySegment dead = a.allocate(JAVA_INT);
                    readerCheck(env, dead); // frees reader slots of crashed processes
                }
            } catch (RuntimeException e) {
                envClose(env);
                throw e;
            }
        }
        WriterLock writerLock = null;
        try {
            int[] dbis;
            if (readOnly) {
                dbis = openDatabases(env, dir, true);
            } else {
                writerLock = new WriterLock(dir, o.lockTimeout());
                try (FileLock l = writerLock.acquire(dir)) { // opening for writing is a write transaction too
                    dbis = openDatabases(env, dir, false);
                }
            }
            LmdbTokenStore s = new LmdbTokenStore(dir, readOnly, o, env, dbis, writerLock);
            if (readOnly) s.checkFormat();
            else s.initialise();
            return s;
        } catch (IOException e) {
            envClose(env);
            writerLock.close();
            throw new StoreException("cannot unlock " + IoErrors.describe(dir.resolve("writer.lock").toString(), e));
        } catch (RuntimeException e) {
            envClose(env);
            if (writerLock != null) writerLock.close();
            throw e;
        }
    }

    private static StoreException openError(Path dir, int rc) {
        String why = switch (rc) {
            case EACCES -> "permission denied";
            case ENOENT -> "no such database";
            case EAGAIN -> "locked by another process";
            case MDB_INVALID -> "not an LMDB database";
            case MDB_VERSION_MISMATCH -> "written by an incompatible LMDB version";
            default -> strerror(rc);
        };
        return new LmdbException(rc, "cannot open the token database " + dir + ": " + why);
    }

    private static int[] openDatabases(MemorySegment env, Path dir, boolean readOnly) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment txn = begin(env, a, readOnly ? MDB_RDONLY : 0);
            boolean done = false;
            try {
                int[] dbis = new int[3];
                String[] names = {"tokens", "messages", "meta"};
                MemorySegment out = a.allocate(JAVA_INT);
                for (int i = 0; i < names.length; i++) {
                    int rc = dbiOpen(txn, a.allocateFrom(names[i]), readOnly ? 0 : MDB_CREATE, out);
                    if (rc == MDB_NOTFOUND) throw new StoreException(dir + " is an LMDB database but not a Spamward token database");
                    LmdbException.check(rc, "mdb_dbi_open " + names[i]);
                    dbis[i] = out.get(JAVA_INT, 0);
                }
                LmdbException.check(txnCommit(txn), "mdb_txn_commit"); // keeps the handles (also for read-only)
                done = true;
                return dbis;
            } finally {
                if (!done) txnAbort(txn);
            }
        }
    }

    /** Begins a transaction while opening; adopts a map another process grew meanwhile (MDB_MAP_RESIZED). */
    private static MemorySegment begin(MemorySegment env, Arena a, int flags) {
        MemorySegment pp = a.allocate(ADDRESS);
        for (int attempt = 0; ; attempt++) {
            int rc = txnBegin(env, MemorySegment.NULL, flags, pp);
            if (rc == MDB_MAP_RESIZED && attempt < 16) {
                LmdbException.check(envSetMapsize(env, 0), "mdb_env_set_mapsize");
                continue;
            }
            LmdbException.check(rc, "mdb_txn_begin");
            return pp.get(ADDRESS, 0);
        }
    }

    /** Writes the format on a new store; refuses a newer one. */
    private void initialise() {
        write((txn, io) -> {
            MemorySegment v = io.get(txn, dbMeta, K_FORMAT);
            if (v == null) {
                io.put(txn, dbMeta, K_FORMAT, ascii(Integer.toString(FORMAT)));
            }
            return null;
        });
        checkFormat();
    }

    private void checkFormat() {
        read((txn, io) -> {
            MemorySegment v = io.get(txn, dbMeta, K_FORMAT);
            int f = v == null ? FORMAT : Integer.parseInt(new String(v.toArray(JAVA_BYTE), StandardCharsets.US_ASCII));
            if (f > FORMAT) {
                throw new StoreException("the token database " + dir + " has format " + f
                        + ", newer than this Spamward supports (" + FORMAT + "); upgrade Spamward");
            }
            return null;
        });
    }

    // ---- reads ----------------------------------------------------------------------------------

    @Override
    public Counts lookup(List<String> tokens) {
        return read((txn, io) -> {
            int n = tokens.size();
            int[] spam = new int[n];
            int[] ham = new int[n];
            for (int i = 0; i < n; i++) {
                MemorySegment v = io.get(txn, dbTokens, key(tokens.get(i)));
                if (v != null) {
                    long c = decodeCounts(v);
                    spam[i] = (int) (c >>> 32);
                    ham[i] = (int) c;
                }
            }
            return new Counts(io.getLong(txn, dbMeta, K_SPAM), io.getLong(txn, dbMeta, K_HAM), List.copyOf(tokens), spam, ham);
        });
    }

    /** One read transaction, renewed every second, and the counts read from it (see {@link SnapshotReader}). */
    @Override
    public Reader reader() {
        return new SnapshotReader();
    }

    @Override
    public Optional<Label> learnedAs(byte[] messageKey) {
        return read((txn, io) -> Optional.ofNullable(io.label(txn, dbMessages, messageKey)));
    }

    @Override
    public StoreStats stats() {
        return read((txn, io) -> {
            long size;
            try {
                size = Files.size(dir.resolve("data.mdb"));
            } catch (IOException e) {
                size = 0;
            }
            return new StoreStats("lmdb (" + version() + ")", dir.toString(), FORMAT, io.getLong(txn, dbMeta, K_SPAM),
                    io.getLong(txn, dbMeta, K_HAM), io.entries(txn, dbTokens), io.entries(txn, dbMessages), size);
        });
    }

    @Override
    public void forEachToken(Consumer<TokenRecord> visitor) {
        read((txn, io) -> {
            io.scan(txn, dbTokens, (k, v) -> {
                long c = decodeCounts(v);
                visitor.accept(new TokenRecord(new String(k, StandardCharsets.UTF_8), (int) (c >>> 32), (int) c));
            });
            return null;
        });
    }

    @Override
    public void forEachMessage(Consumer<MessageRecord> visitor) {
        read((txn, io) -> {
            io.scan(txn, dbMessages, (k, v) -> visitor.accept(new MessageRecord(k, v.get(JAVA_BYTE, 0) == 's' ? Label.SPAM : Label.HAM)));
            return null;
        });
    }

    // ---- writes ---------------------------------------------------------------------------------

    @Override
    public LearnOutcome learn(byte[] messageKey, Collection<String> tokens, Label label) {
        checkMessageKey(messageKey);
        return write((txn, io) -> {
            Label prev = io.label(txn, dbMessages, messageKey);
            if (prev == label) return LearnOutcome.ALREADY_LEARNED;
            int ds = label == Label.SPAM ? 1 : -1;
            if (prev == null) ds = Math.max(ds, 0);
            int dh = label == Label.HAM ? 1 : -1;
            if (prev == null) dh = Math.max(dh, 0);
            for (String t : tokens) io.adjust(txn, dbTokens, key(t), ds, dh);
            io.addLong(txn, dbMeta, K_SPAM, ds);
            io.addLong(txn, dbMeta, K_HAM, dh);
            io.put(txn, dbMessages, messageKey, new byte[] {(byte) (label == Label.SPAM ? 's' : 'h')});
            return prev == null ? LearnOutcome.LEARNED : LearnOutcome.MOVED;
        }, true);
    }

    @Override
    public LearnOutcome unlearn(byte[] messageKey, Collection<String> tokens) {
        checkMessageKey(messageKey);
        return write((txn, io) -> {
            Label prev = io.label(txn, dbMessages, messageKey);
            if (prev == null) return LearnOutcome.NOT_LEARNED;
            int ds = prev == Label.SPAM ? -1 : 0;
            int dh = prev == Label.HAM ? -1 : 0;
            for (String t : tokens) io.adjust(txn, dbTokens, key(t), ds, dh);
            io.addLong(txn, dbMeta, K_SPAM, ds);
            io.addLong(txn, dbMeta, K_HAM, dh);
            io.delete(txn, dbMessages, messageKey);
            return LearnOutcome.UNLEARNED;
        }, true);
    }

    /**
     * Commits a transaction that rewrites one meta value, so that the pages the previous transaction replaced can be
     * reused by the next one. LMDB reuses a page only two transactions after the one that freed it (the other meta
     * page still refers to the snapshot before), and a learn rewrites most leaf pages of a small database; without
     * this the file carried about two learns' worth of free pages, with it one (measured in BENCHMARKS.md, Bayes).
     * Skipped when every commit is synced (it would double the fsyncs). Best effort: a failure changes nothing.
     */
    private void settle(Arena a) {
        MemorySegment pp = a.allocate(ADDRESS);
        if (txnBegin(env, MemorySegment.NULL, 0, pp) != MDB_SUCCESS) return;
        MemorySegment txn = pp.get(ADDRESS, 0);
        try {
            Io io = new Io(a);
            MemorySegment format = io.get(txn, dbMeta, K_FORMAT);
            if (format != null) io.put(txn, dbMeta, K_FORMAT, format.toArray(JAVA_BYTE)); // the same value
        } catch (RuntimeException e) {
            txnAbort(txn);
            return;
        }
        txnCommit(txn);
    }

    @Override
    public void importBatch(List<TokenRecord> tokens, List<MessageRecord> messages, long spamMessages, long hamMessages) {
        write((txn, io) -> {
            for (TokenRecord r : tokens) io.adjust(txn, dbTokens, key(r.token()), r.spam(), r.ham());
            for (MessageRecord m : messages) {
                checkMessageKey(m.key());
                if (io.label(txn, dbMessages, m.key()) == null) {
                    io.put(txn, dbMessages, m.key(), new byte[] {(byte) (m.label() == Label.SPAM ? 's' : 'h')});
                }
            }
            io.addLong(txn, dbMeta, K_SPAM, spamMessages);
            io.addLong(txn, dbMeta, K_HAM, hamMessages);
            return null;
        });
    }

    @Override
    public boolean readOnly() {
        return readOnly;
    }

    @Override
    public synchronized void flush() {
        if (closed || readOnly) return;
        LmdbException.check(envSync(env, 1), "mdb_env_sync");
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) return;
            flush();
            closed = true;
        }
        if (writerThread != null) writerThread.shutdown();
        mapLock.writeLock().lock();
        try {
            envClose(env);
        } finally {
            mapLock.writeLock().unlock();
            if (writerLock != null) writerLock.close();
        }
    }

    /**
     * Starts loading the LMDB library and linking what opening and reading need on a background thread, so that
     * a one-message command overlaps that cold-start cost with its own work (configuration, reading and
     * tokenizing the message); {@link #open} waits for it when it comes first.
     */
    public static void prepareInBackground() {
        linkReadPathInBackground();
    }

    /** The LMDB library's version string (loads and links the native library). */
    public static String libraryVersion() {
        return version();
    }

    /** Test hook: pretends the database was written by another format version. */
    void overwriteFormatForTest(int format) {
        write((txn, io) -> {
            io.put(txn, dbMeta, K_FORMAT, ascii(Integer.toString(format)));
            return null;
        });
    }

    /** Test hook: runs {@code whileHeld} inside a write transaction (another process's writes must wait). */
    void holdWriteTransactionForTest(Runnable whileHeld) {
        write((txn, io) -> {
            whileHeld.run();
            return null;
        });
    }

    // ---- transactions ---------------------------------------------------------------------------

    /** The body of a transaction: gets the txn and the per-call native buffers. */
    private interface Body<T> {
        T run(MemorySegment txn, Io io);
    }

    private <T> T read(Body<T> body) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment txn = beginRead(a.allocate(ADDRESS));
            try {
                return body.run(txn, new Io(a));
            } finally {
                endRead(txn);
            }
        }
    }

    /**
     * Begins a read transaction ({@code pp} receives its pointer) and holds the map lock for reading until
     * {@link #endRead}; adopts a map another process grew meanwhile.
     */
    private MemorySegment beginRead(MemorySegment pp) {
        for (int attempt = 0; ; attempt++) {
            mapLock.readLock().lock();
            boolean begun = false;
            try {
                ensureOpen();
                int rc = txnBegin(env, MemorySegment.NULL, MDB_RDONLY, pp);
                if (rc == MDB_SUCCESS) {
                    begun = true;
                    return pp.get(ADDRESS, 0);
                }
                if (rc != MDB_MAP_RESIZED || attempt > 16) LmdbException.check(rc, "mdb_txn_begin (read)");
            } finally {
                if (!begun) mapLock.readLock().unlock();
            }
            adoptMapSize(0); // another process grew the map: adopt its size and retry
        }
    }

    private void endRead(MemorySegment txn) {
        try {
            txnAbort(txn);
        } finally {
            mapLock.readLock().unlock();
        }
    }

    private <T> T write(Body<T> body) {
        return write(body, false);
    }

    /**
     * One write transaction running {@code body}, retried when the map must grow. With {@code settle}, a second,
     * tiny transaction follows under the same lock (see {@link #settle}).
     */
    private <T> T write(Body<T> body, boolean settle) {
        if (readOnly) throw new StoreException("the token database " + dir + " is open read-only");
        if (Thread.currentThread().isVirtual()) return onWriterThread(body);
        writeLock.lock();
        try (FileLock processes = writerLock.acquire(dir)) {
            for (int attempt = 0; ; attempt++) {
                int rc;
                mapLock.readLock().lock();
                try (Arena a = Arena.ofConfined()) {
                    ensureOpen();
                    MemorySegment pp = a.allocate(ADDRESS);
                    rc = txnBegin(env, MemorySegment.NULL, 0, pp);
                    if (rc == MDB_SUCCESS) {
                        MemorySegment txn = pp.get(ADDRESS, 0);
                        T result;
                        try {
                            result = body.run(txn, new Io(a));
                        } catch (LmdbException e) {
                            txnAbort(txn);
                            if (e.code() != MDB_MAP_FULL || attempt > 8) throw e;
                            rc = MDB_MAP_FULL;
                            result = null;
                        } catch (RuntimeException | Error e) {
                            txnAbort(txn);
                            throw e;
                        }
                        if (rc == MDB_SUCCESS) {
                            rc = txnCommit(txn); // frees the txn whatever the result
                            if (rc == MDB_SUCCESS) {
                                if (settle && !syncEachCommit) settle(a);
                                return result;
                            }
                        }
                    }
                    if ((rc != MDB_MAP_FULL && rc != MDB_MAP_RESIZED) || attempt > 16) {
                        LmdbException.check(rc, "write transaction on " + dir);
                    }
                } finally {
                    mapLock.readLock().unlock();
                }
                adoptMapSize(rc == MDB_MAP_FULL ? mapSize * 2 : 0);
            }
        } catch (IOException e) {
            throw new StoreException("cannot unlock " + IoErrors.describe(dir.resolve("writer.lock").toString(), e));
        } finally {
            writeLock.unlock();
        }
    }

    private <T> T onWriterThread(Body<T> body) {
        synchronized (this) {
            if (writerThread == null) {
                writerThread = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("lmdb-writer").factory());
            }
        }
        try {
            return writerThread.submit(() -> write(body)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while learning");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new StoreException("learning failed: " + e.getCause(), e.getCause());
        }
    }

    /** Sets the map size (0: adopt the size another process wrote) while no transaction of ours runs. */
    private void adoptMapSize(long size) {
        mapLock.writeLock().lock();
        try {
            ensureOpen();
            LmdbException.check(envSetMapsize(env, size), "mdb_env_set_mapsize");
            try (Arena a = Arena.ofConfined()) {
                MemorySegment info = a.allocate(ENVINFO);
                if (envInfo(env, info) == MDB_SUCCESS) mapSize = info.get(JAVA_LONG, 8);
            }
        } finally {
            mapLock.writeLock().unlock();
        }
    }

    private synchronized void ensureOpen() {
        if (closed) throw new StoreException("the token database " + dir + " is closed");
    }

    /**
     * Lookups for a batch, on the thread that made it: one read transaction and its native buffers are reused, and
     * every token's counts are read once per snapshot (tokens repeat a lot across messages). The snapshot is renewed
     * every second, because an open one keeps the writer from reusing the pages it sees. Holds the map lock for
     * reading while a snapshot is open, so it must be closed before the store.
     */
    private final class SnapshotReader implements Reader {
        private static final long RENEW_NANOS = 1_000_000_000L;
        private static final int MAX_CACHED = 1 << 18;
        private final Arena arena = Arena.ofConfined();
        private final Io io = new Io(arena);
        private final MemorySegment pp = arena.allocate(ADDRESS);
        private final HashMap<String, Long> cache = new HashMap<>();
        private MemorySegment txn;
        private long begun;
        private long spamMessages;
        private long hamMessages;

        @Override
        public Counts lookup(List<String> tokens) {
            long now = System.nanoTime();
            if (txn == null || now - begun > RENEW_NANOS || cache.size() > MAX_CACHED) renew(now);
            int n = tokens.size();
            int[] spam = new int[n];
            int[] ham = new int[n];
            for (int i = 0; i < n; i++) {
                String t = tokens.get(i);
                Long c = cache.get(t);
                if (c == null) {
                    MemorySegment v = io.get(txn, dbTokens, key(t));
                    c = v == null ? 0L : decodeCounts(v);
                    cache.put(t, c);
                }
                spam[i] = (int) (c >>> 32);
                ham[i] = (int) (long) c;
            }
            return new Counts(spamMessages, hamMessages, List.copyOf(tokens), spam, ham);
        }

        private void renew(long now) {
            end();
            cache.clear();
            txn = beginRead(pp);
            begun = now;
            spamMessages = io.getLong(txn, dbMeta, K_SPAM);
            hamMessages = io.getLong(txn, dbMeta, K_HAM);
        }

        private void end() {
            if (txn == null) return;
            MemorySegment t = txn;
            txn = null;
            endRead(t);
        }

        @Override
        public void close() {
            end();
            arena.close();
        }
    }

    // ---- native helpers -------------------------------------------------------------------------

    /** Native buffers for one transaction: key/data {@code MDB_val}s and a key buffer. */
    private static final class Io {
        private final Arena arena;
        private final MemorySegment keyVal;
        private final MemorySegment dataVal;
        private final MemorySegment keyBuf;
        private final MemorySegment valBuf;

        Io(Arena arena) {
            this.arena = arena;
            this.keyVal = arena.allocate(VAL);
            this.dataVal = arena.allocate(VAL);
            this.keyBuf = arena.allocate(LmdbKeys.MAX_KEY);
            this.valBuf = arena.allocate(16);
        }

        private void setKey(byte[] k) {
            MemorySegment.copy(k, 0, keyBuf, JAVA_BYTE, 0, k.length);
            keyVal.set(JAVA_LONG, 0, k.length);
            keyVal.set(ADDRESS, 8, keyBuf);
        }

        /** The value stored at {@code k}, valid until the transaction ends, or null. */
        MemorySegment get(MemorySegment txn, int dbi, byte[] k) {
            setKey(k);
            int rc = LmdbNative.get(txn, dbi, keyVal, dataVal);
            if (rc == MDB_NOTFOUND) return null;
            LmdbException.check(rc, "mdb_get");
            return dataVal.get(ADDRESS, 8).reinterpret(dataVal.get(JAVA_LONG, 0));
        }

        void put(MemorySegment txn, int dbi, byte[] k, byte[] v) {
            setKey(k);
            MemorySegment.copy(v, 0, valBuf, JAVA_BYTE, 0, v.length);
            dataVal.set(JAVA_LONG, 0, v.length);
            dataVal.set(ADDRESS, 8, valBuf);
            LmdbException.check(LmdbNative.put(txn, dbi, keyVal, dataVal, 0), "mdb_put");
        }

        void delete(MemorySegment txn, int dbi, byte[] k) {
            setKey(k);
            int rc = del(txn, dbi, keyVal, MemorySegment.NULL);
            if (rc != MDB_NOTFOUND) LmdbException.check(rc, "mdb_del");
        }

        long getLong(MemorySegment txn, int dbi, byte[] k) {
            MemorySegment v = get(txn, dbi, k);
            return v == null || v.byteSize() < 8 ? 0 : v.get(JAVA_LONG_UNALIGNED, 0);
        }

        void addLong(MemorySegment txn, int dbi, byte[] k, long delta) {
            if (delta == 0) return;
            long n = Math.max(0, getLong(txn, dbi, k) + delta);
            byte[] b = new byte[8];
            MemorySegment.ofArray(b).set(JAVA_LONG_UNALIGNED, 0, n);
            put(txn, dbi, k, b);
        }

        Label label(MemorySegment txn, int dbi, byte[] k) {
            MemorySegment v = get(txn, dbi, k);
            if (v == null || v.byteSize() < 1) return null;
            return v.get(JAVA_BYTE, 0) == 's' ? Label.SPAM : Label.HAM;
        }

        /** Adds to a token's counts (never below 0); deletes the token when both reach 0. */
        void adjust(MemorySegment txn, int dbi, byte[] k, long ds, long dh) {
            MemorySegment v = get(txn, dbi, k);
            long c = v == null ? 0 : decodeCounts(v);
            long s = Math.clamp((c >>> 32) + ds, 0, Integer.MAX_VALUE);
            long h = Math.clamp((c & 0xffffffffL) + dh, 0, Integer.MAX_VALUE);
            if (s == 0 && h == 0) {
                if (v != null) delete(txn, dbi, k);
                return;
            }
            put(txn, dbi, k, encodeCounts((int) s, (int) h));
        }

        long entries(MemorySegment txn, int dbi) {
            MemorySegment st = arena.allocate(STAT);
            LmdbException.check(LmdbNative.stat(txn, dbi, st), "mdb_stat");
            return st.get(JAVA_LONG, 32);
        }

        void scan(MemorySegment txn, int dbi, java.util.function.BiConsumer<byte[], MemorySegment> visitor) {
            MemorySegment cp = arena.allocate(ADDRESS);
            LmdbException.check(cursorOpen(txn, dbi, cp), "mdb_cursor_open");
            MemorySegment cursor = cp.get(ADDRESS, 0);
            try {
                int op = MDB_FIRST;
                while (true) {
                    int rc = cursorGet(cursor, keyVal, dataVal, op);
                    if (rc == MDB_NOTFOUND) return;
                    LmdbException.check(rc, "mdb_cursor_get");
                    byte[] k = keyVal.get(ADDRESS, 8).reinterpret(keyVal.get(JAVA_LONG, 0)).toArray(JAVA_BYTE);
                    visitor.accept(k, dataVal.get(ADDRESS, 8).reinterpret(dataVal.get(JAVA_LONG, 0)));
                    op = MDB_NEXT;
                }
            } finally {
                cursorClose(cursor);
            }
        }
    }

    /** Two unsigned LEB128 varints: spam count, then ham count. */
    static byte[] encodeCounts(int spam, int ham) {
        byte[] b = new byte[10];
        int n = putVarint(b, 0, spam);
        n = putVarint(b, n, ham);
        return java.util.Arrays.copyOf(b, n);
    }

    private static int putVarint(byte[] b, int at, int v) {
        while ((v & ~0x7f) != 0) {
            b[at++] = (byte) ((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        b[at++] = (byte) v;
        return at;
    }

    /** Decodes {@link #encodeCounts} into {@code spam << 32 | ham}; a damaged value reads as zero counts. */
    static long decodeCounts(MemorySegment v) {
        long size = v.byteSize();
        int at = 0;
        long packed = 0;
        for (int k = 0; k < 2; k++) {
            long x = 0;
            int shift = 0;
            while (at < size && shift < 35) {
                byte b = v.get(JAVA_BYTE, at++);
                x |= (long) (b & 0x7f) << shift;
                shift += 7;
                if ((b & 0x80) == 0) break;
            }
            packed = packed << 32 | Math.min(x, Integer.MAX_VALUE);
        }
        return packed;
    }

    /** UTF-8 key of a token, cut to LMDB's key limit at a character boundary. */
    static byte[] key(String token) {
        return LmdbKeys.key(token);
    }

    private static void checkMessageKey(byte[] k) {
        if (k.length == 0 || k.length > 32) throw new IllegalArgumentException("message key must have 1..32 bytes");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

}
