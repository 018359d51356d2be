package dev.spamward.bayes.store.lmdb;

import dev.spamward.bayes.store.Counts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/**
 * Reads token counts straight from an LMDB {@code data.mdb} in Java, for a one-message {@code spamward check}:
 * linking the native library costs a cold JVM about 100 ms of method-handle generation (which the AOT cache cannot
 * keep), far more than the lookups. It understands exactly the layout {@link LmdbTokenStore} writes (LMDB 0.9 data
 * version 1, little-endian, plain named databases) and answers empty for anything else, so the caller falls back to
 * the native store, which also gives the proper error messages.
 *
 * <p>Consistency without a reader slot: LMDB never changes a page of a committed snapshot until the pages are
 * reused, and a page freed by transaction T is reused at the earliest by T + 2 (only once T is older than the last
 * commit). So the snapshot of transaction X read here is intact as long as the last commit is still at most X + 1
 * when the lookups are done; otherwise the read is retried.
 */
public final class LmdbFileReader {
    private static final int MAGIC = 0xBEEFC0DE;
    private static final int DATA_VERSION = 1;
    private static final int PAGE_HEADER = 16;
    private static final int NODE_HEADER = 8;
    private static final int P_BRANCH = 0x01;
    private static final int P_LEAF = 0x02;
    private static final int P_META = 0x08;
    private static final int P_LEAF2 = 0x20;
    private static final int F_BIGDATA = 0x01;
    private static final int F_SUBDATA = 0x02;
    private static final int F_DUPDATA = 0x04;
    private static final long NO_PAGE = -1L;
    private static final int MAX_DEPTH = 32;
    private static final int ATTEMPTS = 3;
    /** The store format understood, {@link LmdbTokenStore#FORMAT} (a constant, so the native store's class stays unloaded). */
    private static final int FORMAT = LmdbTokenStore.FORMAT;

    // Pages read with positional reads into byte arrays: neither a MemorySegment (its access goes through VarHandles
    // whose method handles a cold JVM would have to generate first) nor FileChannel.map (which builds its buffer
    // through a reflective constructor: ~20 ms of method-handle generation), the very costs this class avoids.
    private final PagedFile map;
    private final int pageSize;

    private LmdbFileReader(PagedFile map, int pageSize) {
        this.map = map;
        this.pageSize = pageSize;
    }

    /**
     * The counts of {@code tokens} in the database directory {@code dir} as one consistent snapshot, or empty when
     * this reader cannot tell (no or unknown file, other format, a writer moved on twice while reading).
     */
    public static Optional<Counts> lookup(Path dir, List<String> tokens) {
        try (FileChannel ch = FileChannel.open(dir.resolve("data.mdb"), StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 2 * 4096 || size > Integer.MAX_VALUE) return Optional.empty();
            if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) return Optional.empty();
            byte[] head = new byte[PAGE_HEADER + 28];
            PagedFile.readFully(ch, head, 0);
            int pageSize = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).getInt(PAGE_HEADER + 24); // meta 0: dbs[FREE].md_pad
            if (pageSize < 512 || pageSize > 65536 || Integer.bitCount(pageSize) != 1 || size < 2L * pageSize) return Optional.empty();
            LmdbFileReader r = new LmdbFileReader(new PagedFile(ch, (int) size, pageSize), pageSize);
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                r.map.forgetAll(); // a retry follows a writer that may have reused pages read before
                Optional<Counts> c = r.read(tokens);
                if (c != null) return c;
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable or not what we expect: the native store decides and explains
        }
    }

    /** One attempt: the counts, empty for an unknown layout, null when a writer got too far ahead meanwhile. */
    private Optional<Counts> read(List<String> tokens) {
        int meta = currentMeta();
        if (meta < 0) return Optional.empty();
        long metaAt = (long) meta * pageSize + PAGE_HEADER;
        long txn = map.getLong(Math.toIntExact(metaAt + 128));
        VarHandle.fullFence();
        long mainRoot = map.getLong(Math.toIntExact(metaAt + 72 + 40));
        long tokensRoot = subDatabaseRoot(mainRoot, "tokens");
        long metaRoot = subDatabaseRoot(mainRoot, "meta");
        if (tokensRoot == Long.MIN_VALUE || metaRoot == Long.MIN_VALUE) return Optional.empty();
        Node format = find(metaRoot, "format".getBytes(StandardCharsets.US_ASCII));
        if (format == null || !Integer.toString(FORMAT).equals(new String(bytes(format), StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        Node spamN = find(metaRoot, "spam_messages".getBytes(StandardCharsets.US_ASCII));
        Node hamN = find(metaRoot, "ham_messages".getBytes(StandardCharsets.US_ASCII));
        long spamMessages = spamN == null || spamN.size != 8 ? 0 : map.getLong(spamN.at);
        long hamMessages = hamN == null || hamN.size != 8 ? 0 : map.getLong(hamN.at);
        int[] spam = new int[tokens.size()];
        int[] ham = new int[tokens.size()];
        for (int i = 0; i < spam.length; i++) {
            Node v = find(tokensRoot, LmdbKeys.key(tokens.get(i)));
            if (v == null) continue;
            long c = decodeCounts(v);
            spam[i] = (int) (c >>> 32);
            ham[i] = (int) c;
        }
        VarHandle.fullFence();
        int after = currentMeta();
        long lastCommit = after < 0 ? Long.MAX_VALUE : map.getLong(Math.toIntExact((long) after * pageSize + PAGE_HEADER + 128));
        if (lastCommit > txn + 1) return null;
        return Optional.of(new Counts(spamMessages, hamMessages, List.copyOf(tokens), spam, ham));
    }

    /** The meta page (0 or 1) with the newer transaction id, or -1 when neither is valid. */
    private int currentMeta() {
        map.forgetMeta(); // always as the file holds them now
        int best = -1;
        long bestTxn = -1;
        for (int m = 0; m < 2; m++) {
            long page = (long) m * pageSize;
            long at = page + PAGE_HEADER;
            if ((map.getShort(Math.toIntExact(page + 10)) & P_META) == 0) continue;
            if (map.getInt(Math.toIntExact(at)) != MAGIC || map.getInt(Math.toIntExact(at + 4)) != DATA_VERSION) continue;
            long t = map.getLong(Math.toIntExact(at + 128));
            if (t > bestTxn) {
                bestTxn = t;
                best = m;
            }
        }
        return best;
    }

    /** Root page of a named database (an MDB_db record in the main database), NO_PAGE when empty, MIN_VALUE when odd. */
    private long subDatabaseRoot(long mainRoot, String name) {
        Node n = findNode(mainRoot, name.getBytes(StandardCharsets.US_ASCII));
        if (n == null) return NO_PAGE; // not created yet: nothing learned
        if ((n.flags & F_SUBDATA) == 0 || n.size != 48) return Long.MIN_VALUE;
        int dbFlags = map.getShort(n.at + 4) & 0xffff;
        if (dbFlags != 0) return Long.MIN_VALUE; // DUPSORT, INTEGERKEY, REVERSEKEY ... are not what the store writes
        return map.getLong(n.at + 40);
    }

    /** The value stored under {@code key}, or null. */
    private Node find(long root, byte[] key) {
        Node n = findNode(root, key);
        if (n != null && (n.flags & (F_SUBDATA | F_DUPDATA)) != 0) throw new IllegalStateException("unexpected node flags " + n.flags);
        return n;
    }

    /** A leaf node's flags and where its value lies in the file. */
    private record Node(int flags, int at, int size) {
    }

    private byte[] bytes(Node n) {
        byte[] b = new byte[n.size];
        map.get(n.at, b);
        return b;
    }

    /** {@link LmdbTokenStore#encodeCounts}: two LEB128 varints, as {@code spam << 32 | ham}; damage reads as zero. */
    private long decodeCounts(Node n) {
        int at = n.at;
        int end = n.at + n.size;
        long packed = 0;
        for (int k = 0; k < 2; k++) {
            long x = 0;
            int shift = 0;
            while (at < end && shift < 35) {
                byte b = map.get(at++);
                x |= (long) (b & 0x7f) << shift;
                shift += 7;
                if ((b & 0x80) == 0) break;
            }
            packed = packed << 32 | Math.min(x, Integer.MAX_VALUE);
        }
        return packed;
    }

    /** B+tree descent as mdb_page_search: in a branch take the last key not above {@code key}; in a leaf, exact match. */
    private Node findNode(long root, byte[] key) {
        if (root == NO_PAGE) return null;
        long pgno = root;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            long page = pageOffset(pgno);
            int flags = map.getShort(Math.toIntExact(page + 10)) & 0xffff;
            int lower = map.getShort(Math.toIntExact(page + 12)) & 0xffff;
            int count = (lower - PAGE_HEADER) >> 1;
            if (count < 0 || count > pageSize / 2) throw new IllegalStateException("bad page " + pgno);
            if ((flags & P_BRANCH) != 0) {
                int lo = 1;
                int hi = count - 1;
                int child = 0;
                while (lo <= hi) { // last index in [1, count) whose key <= key
                    int mid = (lo + hi) >>> 1;
                    if (compareKey(page, mid, key) <= 0) {
                        child = mid;
                        lo = mid + 1;
                    } else {
                        hi = mid - 1;
                    }
                }
                long node = nodeOffset(page, child);
                int nlo = map.getShort(Math.toIntExact(node)) & 0xffff;
                int nhi = map.getShort(Math.toIntExact(node + 2)) & 0xffff;
                int nfl = map.getShort(Math.toIntExact(node + 4)) & 0xffff;
                pgno = nlo | (long) nhi << 16 | (long) nfl << 32;
                continue;
            }
            if ((flags & P_LEAF) == 0 || (flags & P_LEAF2) != 0) throw new IllegalStateException("unexpected page flags " + flags);
            int lo = 0;
            int hi = count - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int c = compareKey(page, mid, key);
                if (c == 0) return leafNode(page, mid);
                if (c < 0) lo = mid + 1;
                else hi = mid - 1;
            }
            return null;
        }
        throw new IllegalStateException("tree deeper than " + MAX_DEPTH);
    }

    private long pageOffset(long pgno) {
        long off = pgno * pageSize;
        if (pgno < 2 || off < 0 || off + pageSize > map.capacity()) throw new IllegalStateException("page " + pgno + " outside the file");
        return off;
    }

    private long nodeOffset(long page, int i) {
        int ptr = map.getShort(Math.toIntExact(page + PAGE_HEADER + 2L * i)) & 0xffff;
        if (ptr < PAGE_HEADER || ptr + NODE_HEADER > pageSize) throw new IllegalStateException("bad node pointer " + ptr);
        return page + ptr;
    }

    /** Compares the key of node {@code i} with {@code key}. */
    private int compareKey(long page, int i, byte[] key) {
        long node = nodeOffset(page, i);
        int ksize = map.getShort(Math.toIntExact(node + 6)) & 0xffff;
        if (node - page + NODE_HEADER + ksize > pageSize) throw new IllegalStateException("key beyond its page");
        return compare(Math.toIntExact(node + NODE_HEADER), ksize, key);
    }

    private Node leafNode(long page, int i) {
        long node = nodeOffset(page, i);
        int dsize = (map.getShort(Math.toIntExact(node)) & 0xffff) | (map.getShort(Math.toIntExact(node + 2)) & 0xffff) << 16;
        int flags = map.getShort(Math.toIntExact(node + 4)) & 0xffff;
        int ksize = map.getShort(Math.toIntExact(node + 6)) & 0xffff;
        long data = node + NODE_HEADER + ksize;
        if ((flags & F_BIGDATA) != 0) { // the value lives on overflow pages
            long ovf = pageOffset(map.getLong(Math.toIntExact(data)));
            if (ovf + PAGE_HEADER + dsize > map.capacity()) throw new IllegalStateException("overflow value beyond the file");
            return new Node(flags, Math.toIntExact(ovf + PAGE_HEADER), dsize);
        }
        if (data - page + dsize > pageSize) throw new IllegalStateException("value beyond its page");
        return new Node(flags, Math.toIntExact(data), dsize);
    }

    /** LMDB's default order: unsigned bytes, then the shorter key first. */
    private int compare(int at, int size, byte[] b) {
        int n = Math.min(size, b.length);
        for (int i = 0; i < n; i++) {
            int x = map.get(at + i) & 0xff;
            int y = b[i] & 0xff;
            if (x != y) return x - y;
        }
        return Integer.compare(size, b.length);
    }

    /**
     * {@code data.mdb} read page by page with positional reads, each page once per attempt, little-endian, addressed
     * by file offset like a mapped buffer. Out-of-file offsets and read failures throw unchecked exceptions, which
     * {@link #lookup} turns into "cannot tell".
     */
    private static final class PagedFile {
        private final FileChannel ch;
        private final int size;
        private final int pageSize;
        private final int shift;
        private final HashMap<Integer, byte[]> pages = new HashMap<>();
        private int lastNo = -1;
        private byte[] last;

        PagedFile(FileChannel ch, int size, int pageSize) {
            this.ch = ch;
            this.size = size;
            this.pageSize = pageSize;
            this.shift = Integer.numberOfTrailingZeros(pageSize);
        }

        static void readFully(FileChannel ch, byte[] into, long position) throws IOException {
            ByteBuffer b = ByteBuffer.wrap(into);
            while (b.hasRemaining()) {
                int n = ch.read(b, position + b.position());
                if (n < 0) throw new IOException("data.mdb ends at " + (position + b.position()));
            }
        }

        int capacity() {
            return size;
        }

        void forgetAll() {
            pages.clear();
            lastNo = -1;
            last = null;
        }

        void forgetMeta() {
            pages.remove(0);
            pages.remove(1);
            if (lastNo < 2) {
                lastNo = -1;
                last = null;
            }
        }

        private byte[] page(int no) {
            if (no == lastNo) return last;
            byte[] p = pages.get(no);
            if (p == null) {
                p = new byte[pageSize];
                try {
                    readFully(ch, p, (long) no << shift);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                pages.put(no, p);
            }
            lastNo = no;
            last = p;
            return p;
        }

        byte get(int off) {
            if (off < 0 || off >= size) throw new IndexOutOfBoundsException("offset " + off + " outside data.mdb");
            return page(off >>> shift)[off & (pageSize - 1)];
        }

        short getShort(int off) {
            return (short) (get(off) & 0xff | (get(off + 1) & 0xff) << 8);
        }

        int getInt(int off) {
            return getShort(off) & 0xffff | getShort(off + 2) << 16;
        }

        long getLong(int off) {
            return getInt(off) & 0xffffffffL | (long) getInt(off + 4) << 32;
        }

        void get(int off, byte[] dst) {
            for (int i = 0; i < dst.length; i++) dst[i] = get(off + i);
        }
    }
}
