package dev.spamward.greylist.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spamward's own architecture-independent state file for a {@link BloomRing} (grossd's is a raw mmap of C
 * structs, greylisting.md §5.4). All integers little-endian:
 *
 * <pre>
 * offset  size  field
 *      0     8  magic "SPWGREY\n"
 *      8     4  format version (2; version 1 files, without the pending section, are still read)
 *     12     4  filter_bits
 *     16     4  number_buffers N
 *     20     4  current buffer index
 *     24     8  last rotation, epoch seconds
 *     32     8  saved at, epoch seconds
 *     40  N·max(8, 2^bits/8)  the N filters in ring order 0..N-1; bit b of a filter is byte b/8, bit b%8 (as grossd)
 *      …     4  D, then D × (8 × int32 digest, int64 due epoch milliseconds): greylisted triplets waiting for their
 *               delayed insert ({@link DelayQueue})
 *      …     8  S (slots of the retry-window table, 0 when it is off), P, then P × (int32 slot, int64 fingerprint,
 *               int32 first-seen epoch second): its occupied slots ({@link PendingTable})
 *    end     4  CRC-32C of every byte before it
 * </pre>
 *
 * The pending section is what grossd loses on a restart: without it, a sender greylisted shortly before a
 * restart is greylisted a second time when it retries.
 *
 * Saving writes a temporary file in the same directory, forces it to disk, renames it over the old file
 * and syncs the directory, so a crash leaves either the old or the new state. The aggregate is not stored;
 * it is rebuilt on load.
 */
public final class StateFile {
    private static final Logger LOG = LoggerFactory.getLogger(StateFile.class);
    static final byte[] MAGIC = "SPWGREY\n".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 2;
    /** Bytes of one delayed insert, of one retry-window slot, and of the pending section when both are empty. */
    private static final int DELAYED = 40;
    private static final int SIGHTING = 16;
    private static final int EMPTY_PENDING = 12;
    static final int HEADER = 40;
    private static final int CHUNK = 1 << 20;

    private StateFile() {
    }

    /** File size for a ring of this shape with nothing pending. */
    public static long size(int bits, int buffers) {
        return filtersEnd(bits, buffers) + EMPTY_PENDING + 4;
    }

    private static long filtersEnd(int bits, int buffers) {
        return HEADER + (long) buffers * Math.max(1L, (1L << bits) / 64) * 8;
    }

    /**
     * What the file keeps besides the filters: the queue of delayed inserts and the retry window's first sightings
     * (either may be null: nothing is saved for it, and nothing restored into it).
     */
    public record Pending(DelayQueue delayed, PendingTable sightings) {
        /** Nothing besides the filters. */
        public static final Pending NONE = new Pending(null, null);
    }

    /** Saves {@code ring} atomically to {@code path}, with nothing pending. */
    public static void save(BloomRing ring, Path path, long nowEpochSecond) throws IOException {
        save(ring, Pending.NONE, path, nowEpochSecond);
    }

    /** Saves {@code ring} and what is {@code pending} atomically to {@code path}. */
    public static void save(BloomRing ring, Pending pending, Path path, long nowEpochSecond) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(path.getFileName() + ".tmp");
        CRC32C crc = new CRC32C();
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer head = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
            head.put(MAGIC).putInt(VERSION).putInt(ring.bits()).putInt(ring.buffers()).putInt(ring.current())
                    .putLong(ring.lastRotate()).putLong(nowEpochSecond).flip();
            write(ch, head, crc);
            ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < ring.buffers(); i++) {
                long[] words = ring.buffer(i);
                for (int w = 0; w < words.length; w++) {
                    if (buf.remaining() < 8) {
                        buf.flip();
                        write(ch, buf, crc);
                        buf.clear();
                    }
                    buf.putLong(words[w]);
                }
            }
            buf.flip();
            write(ch, buf, crc);
            write(ch, encodePending(pending), crc);
            ByteBuffer tail = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            tail.putInt((int) crc.getValue()).flip();
            while (tail.hasRemaining()) ch.write(tail);
            ch.force(true);
        }
        try {
            Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
        }
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException ignored) {
            // Some file systems cannot open a directory; the rename itself is still atomic.
        }
    }

    private static ByteBuffer encodePending(Pending pending) {
        java.util.List<int[]> digests = new java.util.ArrayList<>();
        java.util.List<Long> due = new java.util.ArrayList<>();
        if (pending.delayed() != null) {
            pending.delayed().forEach((d, at) -> {
                digests.add(d);
                due.add(at);
            });
        }
        java.io.ByteArrayOutputStream slots = new java.io.ByteArrayOutputStream();
        int[] occupied = {0};
        if (pending.sightings() != null) {
            ByteBuffer one = ByteBuffer.allocate(SIGHTING).order(ByteOrder.LITTLE_ENDIAN);
            pending.sightings().forEachOccupied((slot, fp, seen) -> {
                one.clear();
                one.putInt(slot).putLong(fp).putInt((int) seen);
                slots.write(one.array(), 0, SIGHTING);
                occupied[0]++;
            });
        }
        ByteBuffer b = ByteBuffer.allocate(EMPTY_PENDING + digests.size() * DELAYED + slots.size()).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(digests.size());
        for (int i = 0; i < digests.size(); i++) {
            for (int w : digests.get(i)) b.putInt(w);
            b.putLong(due.get(i));
        }
        b.putInt(pending.sightings() == null ? 0 : pending.sightings().slots()).putInt(occupied[0]).put(slots.toByteArray());
        return b.flip();
    }

    private static void write(FileChannel ch, ByteBuffer b, CRC32C crc) throws IOException {
        crc.update(b.duplicate());
        while (b.hasRemaining()) ch.write(b);
    }

    /**
     * Loads the state into a new ring of the configured shape. A missing file gives an empty ring. A file
     * that is corrupt, foreign, or of another shape is renamed to {@code <name>.bad-<time>} with a warning,
     * and an empty ring is returned, so the server always starts.
     */
    public static BloomRing load(Path path, int bits, int buffers, long nowEpochSecond) {
        return load(path, bits, buffers, nowEpochSecond, Pending.NONE);
    }

    /**
     * As {@link #load(Path, int, int, long)}, and puts the saved delayed inserts and first sightings back into
     * {@code into}'s queue and table (the sightings only into a table of the saved size; nothing from a bad file).
     */
    public static BloomRing load(Path path, int bits, int buffers, long nowEpochSecond, Pending into) {
        BloomRing ring = new BloomRing(bits, buffers, nowEpochSecond);
        String problem;
        try {
            problem = read(path, ring, into);
            if (problem == null) {
                LOG.info("greylist state loaded from {} ({} bytes, {}% of the aggregate set, {} delayed inserts pending)", path,
                        Files.size(path), String.format(java.util.Locale.ROOT, "%.2f", ring.fillRatio() * 100),
                        into.delayed() == null ? 0 : into.delayed().size());
                return ring;
            }
        } catch (NoSuchFileException e) {
            LOG.info("greylist state file {} does not exist yet; starting empty", path);
            return ring;
        } catch (IOException e) {
            problem = "unreadable: " + e;
        }
        Path aside = path.resolveSibling(path.getFileName() + ".bad-" + Instant.ofEpochSecond(nowEpochSecond).toString().replace(':', '-'));
        try {
            Files.move(path, aside, StandardCopyOption.REPLACE_EXISTING);
            LOG.warn("greylist state file {} is {}; moved it to {} and starting with empty state", path, problem, aside);
        } catch (IOException e) {
            LOG.warn("greylist state file {} is {}; could not move it aside ({}); starting with empty state", path, problem, e.toString());
        }
        return new BloomRing(bits, buffers, nowEpochSecond);
    }

    /** Reads into {@code ring} and {@code into}; returns null on success, else what is wrong. */
    private static String read(Path path, BloomRing ring, Pending into) throws IOException {
        long filtersEnd = filtersEnd(ring.bits(), ring.buffers());
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long actual = ch.size();
            ByteBuffer head = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
            if (actual < HEADER + 4 || readFully(ch, head) < HEADER) return "too short to be a Spamward state file";
            head.flip();
            byte[] magic = new byte[8];
            head.get(magic);
            if (!Arrays.equals(magic, MAGIC)) return "not a Spamward state file (bad magic)";
            int version = head.getInt();
            if (version != VERSION && version != 1) return "of unsupported format version " + version;
            int bits = head.getInt();
            int n = head.getInt();
            int cur = head.getInt();
            long lastRotate = head.getLong();
            head.getLong();
            if (bits != ring.bits() || n != ring.buffers()) {
                return "for filter_bits=" + bits + " number_buffers=" + n + " but the configuration says filter_bits="
                        + ring.bits() + " number_buffers=" + ring.buffers();
            }
            long pendingBytes = actual - filtersEnd - 4;
            if (version == 1 ? pendingBytes != 0 : pendingBytes < EMPTY_PENDING || pendingBytes > Integer.MAX_VALUE - 8) {
                return "of wrong size " + actual + " (expected " + (version == 1 ? filtersEnd + 4 : "at least " + (filtersEnd + EMPTY_PENDING + 4)) + ")";
            }
            if (cur < 0 || cur >= n) return "corrupt (current index " + cur + ")";
            CRC32C crc = new CRC32C();
            head.flip();
            crc.update(head);
            ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
            long[] scratch = new long[CHUNK / 8];
            int wordsPerBuffer = ring.words();
            long remainingWords = (long) n * wordsPerBuffer;
            int bufIndex = 0;
            int wordIndex = 0;
            while (remainingWords > 0) {
                buf.clear();
                buf.limit((int) Math.min(CHUNK, remainingWords * 8));
                if (readFully(ch, buf) < buf.limit()) return "truncated";
                buf.flip();
                crc.update(buf.duplicate());
                int count = buf.remaining() / 8;
                buf.asLongBuffer().get(scratch, 0, count);
                int done = 0;
                while (done < count) {
                    int take = Math.min(count - done, wordsPerBuffer - wordIndex);
                    ring.orInto(bufIndex, wordIndex, scratch, done, take);
                    done += take;
                    wordIndex += take;
                    if (wordIndex == wordsPerBuffer) {
                        wordIndex = 0;
                        bufIndex++;
                    }
                }
                remainingWords -= count;
            }
            ByteBuffer pending = ByteBuffer.allocate((int) pendingBytes).order(ByteOrder.LITTLE_ENDIAN);
            if (readFully(ch, pending) < pendingBytes) return "truncated";
            pending.flip();
            crc.update(pending.duplicate());
            ByteBuffer tail = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            if (readFully(ch, tail) < 4) return "truncated";
            tail.flip();
            if (tail.getInt() != (int) crc.getValue()) return "corrupt (checksum mismatch)";
            if (version > 1) {
                String bad = checkPending(pending.duplicate().order(ByteOrder.LITTLE_ENDIAN));
                if (bad != null) return bad;
                restorePending(pending, into);
            }
            ring.restorePosition(cur, lastRotate);
            ring.refreshAggregate();
            return null;
        }
    }

    /** Null when the pending section's counts agree with its length, else what is wrong. */
    private static String checkPending(ByteBuffer b) {
        long delayed = b.getInt() & 0xffffffffL;
        if (delayed * DELAYED > b.remaining() - 8) return "corrupt (delayed inserts " + delayed + ")";
        b.position(b.position() + (int) delayed * DELAYED);
        b.getInt();
        long sightings = b.getInt() & 0xffffffffL;
        if (sightings * SIGHTING != b.remaining()) return "corrupt (first sightings " + sightings + ")";
        return null;
    }

    private static void restorePending(ByteBuffer b, Pending into) {
        int delayed = b.getInt();
        for (int i = 0; i < delayed; i++) {
            int[] d = new int[8];
            for (int w = 0; w < 8; w++) d[w] = b.getInt();
            long due = b.getLong();
            if (into.delayed() != null) into.delayed().add(d, due);
        }
        int slots = b.getInt();
        int sightings = b.getInt();
        PendingTable table = into.sightings();
        if (table == null || sightings == 0) return;
        if (table.slots() != slots) {
            LOG.info("greylist state: {} first sightings saved for a table of {} slots, this one has {}; not restored",
                    sightings, slots, table.slots());
            return;
        }
        for (int i = 0; i < sightings; i++) table.restore(b.getInt(), b.getLong(), b.getInt() & 0xffffffffL);
    }

    private static int readFully(FileChannel ch, ByteBuffer b) throws IOException {
        int total = 0;
        while (b.hasRemaining()) {
            int r = ch.read(b);
            if (r < 0) break;
            total += r;
        }
        return total;
    }
}
