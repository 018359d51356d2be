package dev.spamward.bayes.store.lmdb;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * A thin binding of the LMDB C API (liblmdb, OpenLDAP) with the JDK's foreign function interface: only
 * the ~20 functions the token store needs, no JNI and no {@code Unsafe}. Return codes are passed through
 * unchanged; {@link LmdbException#check} turns them into exceptions.
 *
 * <p>The library is found, in order, at {@code -Dspamward.lmdb.library=PATH}, {@code $SPAMWARD_LMDB_LIBRARY},
 * then by the system loader as {@code liblmdb.so.0}, {@code liblmdb.so} or {@code liblmdb.dylib}
 * (Debian/Ubuntu package {@code liblmdb0}, Homebrew {@code lmdb}).
 */
final class LmdbNative {
    // Environment flags (lmdb.h).
    static final int MDB_NOSUBDIR = 0x4000;
    static final int MDB_NOSYNC = 0x10000;
    static final int MDB_RDONLY = 0x20000;
    static final int MDB_NOTLS = 0x200000;
    static final int MDB_NORDAHEAD = 0x800000;
    // Database flags.
    static final int MDB_CREATE = 0x40000;
    // Cursor operations.
    static final int MDB_FIRST = 0;
    static final int MDB_NEXT = 8;
    // Return codes.
    static final int MDB_SUCCESS = 0;
    static final int MDB_NOTFOUND = -30798;
    static final int MDB_MAP_FULL = -30792;
    static final int MDB_READERS_FULL = -30790;
    static final int MDB_MAP_RESIZED = -30785;
    static final int MDB_INVALID = -30793;
    static final int MDB_VERSION_MISMATCH = -30794;
    static final int ENOENT = 2;
    static final int EACCES = 13;
    static final int EAGAIN = 11;
    static final int EROFS = 30;

    /** {@code struct MDB_val { size_t mv_size; void *mv_data; }}. */
    static final MemoryLayout VAL = MemoryLayout.structLayout(JAVA_LONG.withName("mv_size"), ADDRESS.withName("mv_data"));
    /** {@code struct MDB_stat}: psize, depth (unsigned), branch/leaf/overflow pages, entries (size_t). */
    static final MemoryLayout STAT = MemoryLayout.structLayout(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG);
    /** {@code struct MDB_envinfo}: mapaddr, mapsize, last_pgno, last_txnid, maxreaders, numreaders. */
    static final MemoryLayout ENVINFO = MemoryLayout.structLayout(ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_INT);

    // Downcall handles, linked on first use in groups: each distinct FunctionDescriptor costs a generated stub
    // class (about 4 ms at start-up, and the JDK 25 AOT cache does not keep them), so a read-only
    // `spamward check` links only the six signatures that opening and reading need.

    /** The library; loaded when the first handle is linked. A missing library is kept as {@link #MISSING}. */
    private static final class Lib {
        static final Linker LINKER = Linker.nativeLinker();
        static final LmdbException MISSING;
        static final SymbolLookup LOOKUP;

        static {
            SymbolLookup lookup = null;
            LmdbException missing = null;
            try {
                lookup = load();
            } catch (LmdbException e) {
                missing = e;
            }
            LOOKUP = lookup;
            MISSING = missing;
        }
    }

    /** Throws the "library not found" error (with what was tried) when the library cannot be loaded. */
    static void requireLibrary() {
        if (Lib.MISSING != null) throw new LmdbException(Lib.MISSING.code(), Lib.MISSING.getMessage());
    }

    /**
     * Loads the library and links the read path on a daemon thread (tens of milliseconds of a cold start,
     * mostly generating the downcall stubs), so that a short-lived command overlaps it with its own work;
     * whoever needs the handles first waits for the class initialisation to finish.
     */
    static void linkReadPathInBackground() {
        Thread.ofPlatform().daemon().name("lmdb-link").start(() -> {
            if (Lib.MISSING == null) Read.GET.type();
        });
    }

    /** Opening, read transactions, lookups, closing. */
    private static final class Read {
        static final MethodHandle ENV_CREATE = fn("mdb_env_create", JAVA_INT, ADDRESS);
        static final MethodHandle ENV_OPEN = fn("mdb_env_open", JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT);
        static final MethodHandle ENV_CLOSE = fnVoid("mdb_env_close", ADDRESS);
        static final MethodHandle ENV_SET_MAXREADERS = fn("mdb_env_set_maxreaders", JAVA_INT, ADDRESS, JAVA_INT);
        static final MethodHandle ENV_SET_MAXDBS = fn("mdb_env_set_maxdbs", JAVA_INT, ADDRESS, JAVA_INT);
        static final MethodHandle TXN_BEGIN = fn("mdb_txn_begin", JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS);
        static final MethodHandle TXN_COMMIT = fn("mdb_txn_commit", JAVA_INT, ADDRESS);
        static final MethodHandle TXN_ABORT = fnVoid("mdb_txn_abort", ADDRESS);
        static final MethodHandle DBI_OPEN = fn("mdb_dbi_open", JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS);
        static final MethodHandle GET = fn("mdb_get", JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, ADDRESS);
    }

    /** Writing, map growth, syncing. */
    private static final class Write {
        static final MethodHandle ENV_SET_MAPSIZE = fn("mdb_env_set_mapsize", JAVA_INT, ADDRESS, JAVA_LONG);
        static final MethodHandle ENV_SYNC = fn("mdb_env_sync", JAVA_INT, ADDRESS, JAVA_INT);
        static final MethodHandle ENV_INFO = fn("mdb_env_info", JAVA_INT, ADDRESS, ADDRESS);
        static final MethodHandle READER_CHECK = fn("mdb_reader_check", JAVA_INT, ADDRESS, ADDRESS);
        static final MethodHandle PUT = fn("mdb_put", JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT);
        static final MethodHandle DEL = fn("mdb_del", JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, ADDRESS);
    }

    /** Statistics and whole-database scans (stats, dump, export). */
    private static final class Scan {
        static final MethodHandle STAT = fn("mdb_stat", JAVA_INT, ADDRESS, JAVA_INT, ADDRESS);
        static final MethodHandle CURSOR_OPEN = fn("mdb_cursor_open", JAVA_INT, ADDRESS, JAVA_INT, ADDRESS);
        static final MethodHandle CURSOR_GET = fn("mdb_cursor_get", JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_INT);
        static final MethodHandle CURSOR_CLOSE = fnVoid("mdb_cursor_close", ADDRESS);
    }

    /** Messages and the version string. */
    private static final class Text {
        static final MethodHandle STRERROR = Lib.LINKER.downcallHandle(symbol("mdb_strerror"), FunctionDescriptor.of(ADDRESS, JAVA_INT));
        static final MethodHandle VERSION = Lib.LINKER.downcallHandle(symbol("mdb_version"),
                FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS));
    }

    private LmdbNative() {
    }

    private static SymbolLookup load() {
        List<String> candidates = new ArrayList<>();
        String prop = System.getProperty("spamward.lmdb.library");
        if (prop != null && !prop.isBlank()) candidates.add(prop);
        String env = System.getenv("SPAMWARD_LMDB_LIBRARY");
        if (env != null && !env.isBlank()) candidates.add(env);
        candidates.addAll(List.of("liblmdb.so.0", "liblmdb.so", "liblmdb.dylib",
                "/usr/lib/x86_64-linux-gnu/liblmdb.so.0", "/usr/lib/aarch64-linux-gnu/liblmdb.so.0",
                "/opt/homebrew/lib/liblmdb.dylib", "/usr/local/lib/liblmdb.dylib"));
        List<String> tried = new ArrayList<>();
        for (String c : candidates) {
            try {
                return SymbolLookup.libraryLookup(c, Arena.global());
            } catch (IllegalArgumentException e) {
                tried.add(c);
            }
        }
        throw new LmdbException(-1, "the LMDB library was not found (tried " + String.join(", ", tried)
                + "); install it (Debian/Ubuntu: apt-get install liblmdb0; macOS: brew install lmdb)"
                + " or set SPAMWARD_LMDB_LIBRARY to its path");
    }

    private static MemorySegment symbol(String name) {
        requireLibrary();
        return Lib.LOOKUP.find(name).orElseThrow(() -> new LmdbException(-1, "the LMDB library lacks " + name));
    }

    private static MethodHandle fn(String name, MemoryLayout ret, MemoryLayout... args) {
        return Lib.LINKER.downcallHandle(symbol(name), FunctionDescriptor.of(ret, args));
    }

    private static MethodHandle fnVoid(String name, MemoryLayout... args) {
        return Lib.LINKER.downcallHandle(symbol(name), FunctionDescriptor.ofVoid(args));
    }

    /** The message LMDB (or the C library, for errno values) gives for a return code. */
    static String strerror(int rc) {
        try {
            MemorySegment s = (MemorySegment) Text.STRERROR.invokeExact(rc);
            return s.reinterpret(4096).getString(0);
        } catch (Throwable t) {
            return "error " + rc;
        }
    }

    /** The library's version string, e.g. {@code LMDB 0.9.24: (July 24, 2019)}. */
    static String version() {
        try {
            MemorySegment s = (MemorySegment) Text.VERSION.invokeExact(MemorySegment.NULL, MemorySegment.NULL, MemorySegment.NULL);
            return s.reinterpret(4096).getString(0);
        } catch (Throwable t) {
            throw LmdbException.unexpected(t);
        }
    }

    // Typed wrappers: invokeExact needs exact static types, and declares Throwable.

    static int envCreate(MemorySegment envOut) {
        try { return (int) Read.ENV_CREATE.invokeExact(envOut); } catch (Throwable t) { throw LmdbException.unexpected(t); }
    }

    static int envOpen(MemorySegment env, MemorySegment path, int flags, int mode) {
        try { return (int) Read.ENV_OPEN.invokeExact(env, path, flags, mode); } catch (Throwable t) { throw LmdbException.unexpected(t); }
    }

    static void envClose(MemorySegment env) {
        try { Read.ENV_CLOSE.invokeExact(env); } catch (Throwable t) { throw LmdbException.unexpected(t); }
    }

    static int envSetMapsize(MemorySegment env, long size) {
        try { return (int) Write.ENV_SET_MAPSIZE.invokeExact(env, size); } catch (Throwable t) { throw LmdbException.unexpected(t); }
    }

    static int envSetMaxreaders(MemorySegment env, int n) {
        try { return (int) Read.ENV_SET_MAXREADERS.invokeExact(env, n); } catch (Throwable t) { throw LmdbException.unexpected(t); }
    }

    static int envSetMaxdbs(MemorySegment env, int n) {
        try { return (int) Read.ENV_SET_MAXDBS.invokeExact(env, n); } catch (Throwable t) { throw LmdbException.unexpected(t); }
    }


    static int envSync(MemorySegment env, int force) {
        try { return (int) Write.ENV_SYNC.invokeExact(env, force); } catch (Throwable t) { throw LmdbException.unexpected(t); }
    }

    static int envInfo(MemorySegment env, MemorySegment info) {
        try { return (int) Write.ENV_INFO.invokeExact(env, info); } catch (Throwable t) { throw LmdbException.unexpected(t); }
    }

    static int readerCheck(MemorySegment env, MemorySegment dead) {
        try { return (int) Write.READER_CHECK.invokeExact(env, dead); } catch (Throwable t) { throw LmdbException.unexpected(t); }
    }

    static int txnBegin(MemorySegment env, MemorySegment parent, int flags, MemorySegment txnOut) {
        try { return (int) Read.TXN_BEGIN.invokeExact(env, parent, flags, txnOut); } catch (Throwable t) { throw LmdbException.unexpected(t); }
    }

    static int txnCommit(MemorySegment txn) {
        try { return (int) Read.TXN_COMMIT.invokeExact(txn); } catch (Throwable t) { throw LmdbException.unexpected(t); }
    }

    static void txnAbort(MemorySegment txn) {
        try { Read.TXN_ABORT.invokeExact(txn); } catch (Throwable t) { throw LmdbException.unexpected(t); }
    }

    static int dbiOpen(MemorySegment txn, MemorySegment name, int flags, MemorySegment dbiOut) {
        try { return (int) Read.DBI_OPEN.invokeExact(txn, name, flags, dbiOut); } catch (Throwable t) { throw LmdbException.unexpected(t); }
    }

    static int stat(MemorySegment txn, int dbi, MemorySegment out) {
        try { return (int) Scan.STAT.invokeExact(txn, dbi, out); } catch (Throwable t) { throw LmdbException.unexpected(t); }
    }

    static int get(MemorySegment txn, int dbi, MemorySegment key, MemorySegment data) {
        try { return (int) Read.GET.invokeExact(txn, dbi, key, data); } catch (Throwable t) { throw LmdbException.unexpected(t); }
    }

    static int put(MemorySegment txn, int dbi, MemorySegment key, MemorySegment data, int flags) {
        try { return (int) Write.PUT.invokeExact(txn, dbi, key, data, flags); } catch (Throwable t) { throw LmdbException.unexpected(t); }
    }

    static int del(MemorySegment txn, int dbi, MemorySegment key, MemorySegment data) {
        try { return (int) Write.DEL.invokeExact(txn, dbi, key, data); } catch (Throwable t) { throw LmdbException.unexpected(t); }
    }

    static int cursorOpen(MemorySegment txn, int dbi, MemorySegment cursorOut) {
        try { return (int) Scan.CURSOR_OPEN.invokeExact(txn, dbi, cursorOut); } catch (Throwable t) { throw LmdbException.unexpected(t); }
    }

    static int cursorGet(MemorySegment cursor, MemorySegment key, MemorySegment data, int op) {
        try { return (int) Scan.CURSOR_GET.invokeExact(cursor, key, data, op); } catch (Throwable t) { throw LmdbException.unexpected(t); }
    }

    static void cursorClose(MemorySegment cursor) {
        try { Scan.CURSOR_CLOSE.invokeExact(cursor); } catch (Throwable t) { throw LmdbException.unexpected(t); }
    }
}
