package dev.spamward.greylist.state;

import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * grossd's grey delay as a delayed insert (greylisting.md §6): a GREY answer queues the digest, and it is
 * inserted {@code delay} later, so retries before then are greylisted again. The queue is a bounded ring
 * of flat arrays (8 ints + a due time per entry, no objects) that grows on demand up to its capacity,
 * FIFO because the delay is constant.
 * When full, new entries are dropped and counted: the client is simply greylisted once more later.
 */
public final class DelayQueue {
    private final ReentrantLock lock = new ReentrantLock();
    private final int capacity;
    private int[] words;
    private long[] due;
    private int head;
    private int size;
    private final LongAdder dropped = new LongAdder();

    /** A queue holding at most {@code capacity} pending inserts. */
    public DelayQueue(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive");
        this.capacity = capacity;
        int initial = Math.min(capacity, 4096);
        this.words = new int[initial * 8];
        this.due = new long[initial];
    }

    /** Queues {@code digest} for insertion at {@code dueMillis}; false (and counted) when full. */
    public boolean add(int[] digest, long dueMillis) {
        lock.lock();
        try {
            if (size == due.length) {
                if (size == capacity) {
                    dropped.increment();
                    return false;
                }
                grow();
            }
            int slot = (head + size) % due.length;
            System.arraycopy(digest, 0, words, slot * 8, 8);
            due[slot] = dueMillis;
            size++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Doubles the ring (at most to the capacity), unrolling it so that the head is at 0. */
    private void grow() {
        int n = (int) Math.min(capacity, 2L * due.length);
        int[] w = new int[n * 8];
        long[] d = new long[n];
        for (int i = 0; i < size; i++) {
            int from = (head + i) % due.length;
            System.arraycopy(words, from * 8, w, i * 8, 8);
            d[i] = due[from];
        }
        words = w;
        due = d;
        head = 0;
    }

    /** Hands every entry due at {@code nowMillis} to {@code sink} (outside the lock) and returns how many. */
    public int drain(long nowMillis, Consumer<int[]> sink) {
        int n = 0;
        while (true) {
            int[] d;
            lock.lock();
            try {
                if (size == 0 || due[head] > nowMillis) return n;
                d = new int[8];
                System.arraycopy(words, head * 8, d, 0, 8);
                head = (head + 1) % due.length;
                size--;
            } finally {
                lock.unlock();
            }
            sink.accept(d);
            n++;
        }
    }

    /** Calls {@code visitor} with a copy of every waiting digest and its due time, oldest first (for the state file). */
    public void forEach(java.util.function.ObjLongConsumer<int[]> visitor) {
        lock.lock();
        try {
            for (int i = 0; i < size; i++) {
                int slot = (head + i) % due.length;
                int[] d = new int[8];
                System.arraycopy(words, slot * 8, d, 0, 8);
                visitor.accept(d, due[slot]);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Entries waiting. */
    public int size() {
        lock.lock();
        try {
            return size;
        } finally {
            lock.unlock();
        }
    }

    /** Entries dropped because the queue was full. */
    public long dropped() {
        return dropped.sum();
    }
}
