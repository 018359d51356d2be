package dev.spamward.greylist.state;

import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * grossd's grey delay as a delayed insert (greylisting.md §6): a GREY answer queues the digest, and it is
 * inserted {@code delay} later, so retries before then are greylisted again. The queue is a bounded ring
 * of flat arrays (8 ints + a due time per entry, no objects), FIFO because the delay is constant.
 * When full, new entries are dropped and counted: the client is simply greylisted once more later.
 */
public final class DelayQueue {
    private final ReentrantLock lock = new ReentrantLock();
    private final int capacity;
    private final int[] words;
    private final long[] due;
    private int head;
    private int size;
    private final LongAdder dropped = new LongAdder();

    /** A queue holding at most {@code capacity} pending inserts. */
    public DelayQueue(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive");
        this.capacity = capacity;
        this.words = new int[capacity * 8];
        this.due = new long[capacity];
    }

    /** Queues {@code digest} for insertion at {@code dueMillis}; false (and counted) when full. */
    public boolean add(int[] digest, long dueMillis) {
        lock.lock();
        try {
            if (size == capacity) {
                dropped.increment();
                return false;
            }
            int slot = (head + size) % capacity;
            System.arraycopy(digest, 0, words, slot * 8, 8);
            due[slot] = dueMillis;
            size++;
            return true;
        } finally {
            lock.unlock();
        }
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
                head = (head + 1) % capacity;
                size--;
            } finally {
                lock.unlock();
            }
            sink.accept(d);
            n++;
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
