package dev.spamward.bayes.store.lmdb;

import dev.spamward.bayes.store.StoreException;
import dev.spamward.core.io.IoErrors;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Spamward's writer lock between processes: a file lock on {@code writer.lock} in the store's directory, taken
 * around every write transaction and waited for at most a timeout. LMDB's own writer mutex would make a second
 * learning process wait forever behind one that is stuck or holds a long transaction.
 */
final class WriterLock implements AutoCloseable {
    private final Path file;
    private final Duration timeout;
    private final FileChannel channel;

    WriterLock(Path dir, Duration timeout) {
        this.file = dir.resolve("writer.lock");
        this.timeout = timeout;
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StoreException("cannot open " + IoErrors.describe(file.toString(), e));
        }
    }

    /** Takes the lock, waiting at most the timeout; release it with {@link FileLock#release()} or close. */
    FileLock acquire(Path dir) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pauseMillis = 2;
        while (true) {
            try {
                FileLock lock = channel.tryLock();
                if (lock != null) return lock;
            } catch (OverlappingFileLockException e) {
                // another store of this JVM on the same directory is writing: wait like for another process
            } catch (IOException e) {
                throw new StoreException("cannot lock " + IoErrors.describe(file.toString(), e));
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new StoreException("database is busy (another process is learning): waited " + seconds(timeout)
                        + " for the token database " + dir + " (bayes.lock_timeout)");
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("interrupted while waiting for the token database " + dir);
            }
            pauseMillis = Math.min(pauseMillis * 2, 100);
        }
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing is lost: the lock is released with the channel
        }
    }
}
