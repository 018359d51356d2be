package dev.spamward.bayes.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Persistent token counts of the Bayes classifier. The classifier only talks to this interface, so
 * another backend (Redis) can replace the embedded LMDB store without touching it.
 *
 * <p>Counts are per message: a token counts once per learned message, however often it occurs in it.
 * Every learned message is remembered by a key (a digest of its token set, see
 * {@code dev.spamward.bayes.Filter}), so learning twice is a no-op, learning into the other class moves
 * the message, and unlearn removes exactly what was added. Each learn/unlearn is atomic: a crash loses at
 * most that one message. Implementations are safe for concurrent use by several threads.
 */
public interface TokenStore extends AutoCloseable {

    /** Counts for these tokens and the per-class message totals, read in one consistent snapshot. */
    Counts lookup(List<String> tokens);

    /**
     * A reader for many lookups in a row on one thread (a batch of classifications). It may keep a snapshot
     * open and remember counts between lookups, so it can lag behind learning (by about a second for LMDB).
     * Close it before the store. The default reads through {@link #lookup} every time.
     */
    default Reader reader() {
        return this::lookup;
    }

    /** See {@link #reader()}. */
    @FunctionalInterface
    interface Reader extends AutoCloseable {
        /** As {@link TokenStore#lookup}, from the reader's current snapshot. */
        Counts lookup(List<String> tokens);

        @Override
        default void close() {
        }
    }

    /**
     * Adds a message's distinct tokens to {@code label} (or moves them there from the other class).
     *
     * @param messageKey identity of the message (at most 32 bytes)
     * @param tokens the message's distinct tokens
     */
    LearnOutcome learn(byte[] messageKey, Collection<String> tokens, Label label);

    /** Removes a learned message's tokens from the class it was learned in; no-op for an unknown key. */
    LearnOutcome unlearn(byte[] messageKey, Collection<String> tokens);

    /** The class a message was learned as, if any. */
    Optional<Label> learnedAs(byte[] messageKey);

    /** Totals for {@code spamward bayes stats}. */
    StoreStats stats();

    /** Visits every token (in the store's order) inside one snapshot. */
    void forEachToken(Consumer<TokenRecord> visitor);

    /** Visits every remembered message inside one snapshot. */
    void forEachMessage(Consumer<MessageRecord> visitor);

    /**
     * Adds imported data in one atomic step: token counts are added to existing ones, message keys are
     * remembered (existing keys keep their class), message totals are increased.
     */
    void importBatch(List<TokenRecord> tokens, List<MessageRecord> messages, long spamMessages, long hamMessages);

    /** True when opened for reading only (learning then throws). */
    boolean readOnly();

    /** Makes every completed learn durable on disk (a no-op for stores that always are). */
    void flush();

    @Override
    void close();
}
