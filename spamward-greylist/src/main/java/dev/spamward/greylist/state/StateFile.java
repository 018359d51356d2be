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
 *      8     4  format version (1)
 *     12     4  filter_bits
 *     16     4  number_buffers N
 *     20     4  current buffer index
 *     24     8  last rotation, epoch seconds
 *     32     8  saved at, epoch seconds
 *     40  N·max(8, 2^bits/8)  the N filters in ring order 0..N-1; bit b of a filter is byte b/8, bit b%8 (as grossd)
 *    end     4  CRC-32C of every byte before it
 * </pre>
 *
 * Saving writes a temporary file in the same directory, forces it to disk, renames it over the old file
 * and syncs the directory, so a crash leaves either the old or the new state. The aggregate is not stored;
 * it is rebuilt on load.
 */
public final class StateFile {
    private static final Logger LOG = LoggerFactory.getLogger(StateFile.class);
    static final byte[] MAGIC = "SPWGREY\n".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int HEADER = 40;
    private static final int CHUNK = 1 << 20;

    private StateFile() {
    }

    /** Expected file size for a ring of this shape. */
    public static long size(int bits, int buffers) {
        return HEADER + (long) buffers * Math.max(1L, (1L << bits) / 64) * 8 + 4;
    }

    /** Saves {@code ring} atomically to {@code path}. */
    public static void save(BloomRing ring, Path path, long nowEpochSecond) throws IOException {
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
        BloomRing ring = new BloomRing(bits, buffers, nowEpochSecond);
        String problem;
        try {
            problem = read(path, ring);
            if (problem == null) {
                LOG.info("greylist state loaded from {} ({} bytes, {}% of the aggregate set)", path, Files.size(path),
                        String.format(java.util.Locale.ROOT, "%.2f", ring.fillRatio() * 100));
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

    /** Reads into {@code ring}; returns null on success, else what is wrong. */
    private static String read(Path path, BloomRing ring) throws IOException {
        long expected = size(ring.bits(), ring.buffers());
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long actual = ch.size();
            ByteBuffer head = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
            if (actual < HEADER + 4 || readFully(ch, head) < HEADER) return "too short to be a Spamward state file";
            head.flip();
            byte[] magic = new byte[8];
            head.get(magic);
            if (!Arrays.equals(magic, MAGIC)) return "not a Spamward state file (bad magic)";
            int version = head.getInt();
            if (version != VERSION) return "of unsupported format version " + version;
            int bits = head.getInt();
            int n = head.getInt();
            int cur = head.getInt();
            long lastRotate = head.getLong();
            head.getLong();
            if (bits != ring.bits() || n != ring.buffers()) {
                return "for filter_bits=" + bits + " number_buffers=" + n + " but the configuration says filter_bits="
                        + ring.bits() + " number_buffers=" + ring.buffers();
            }
            if (actual != expected) return "of wrong size " + actual + " (expected " + expected + ")";
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
            ByteBuffer tail = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            if (readFully(ch, tail) < 4) return "truncated";
            tail.flip();
            if (tail.getInt() != (int) crc.getValue()) return "corrupt (checksum mismatch)";
            ring.restorePosition(cur, lastRotate);
            ring.refreshAggregate();
            return null;
        }
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
